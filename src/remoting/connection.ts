import net from 'node:net';
import { type Credentials, signRequest } from './acl.js';
import { ResponseCode } from './codes.js';
import { NotRemotingError, RemotingConnectionError, RemotingTimeoutError } from './errors.js';
import {
  CLIENT_LANGUAGE,
  CLIENT_VERSION,
  encodeFrame,
  FLAG_ONEWAY,
  FLAG_RESPONSE,
  FrameError,
  FrameReader,
  isOneway,
  isResponse,
  type RemotingCommand,
} from './frame.js';

export type FieldValue = string | number | boolean | undefined;

export interface RequestSpec {
  code: number;
  /** Header fields; undefined ones are left out, the rest sent as strings (as Java's makeCustomHeaderToNet). */
  extFields?: Record<string, FieldValue>;
  body?: Buffer;
}

/** What a server-initiated request is answered with; undefined: "not supported". */
export type ServerRequestAnswer = { code: number; remark?: string; body?: Buffer } | undefined;

/**
 * Called for each request the server sends us (NOTIFY_CONSUMER_IDS_CHANGED, GET_CONSUMER_RUNNING_INFO,
 * CHECK_TRANSACTION_STATE...). Oneway ones are only announced; for the others the answer is sent back.
 */
export type ServerRequestHandler = (
  request: RemotingCommand,
) => ServerRequestAnswer | Promise<ServerRequestAnswer> | undefined;

export interface ConnectOptions {
  connectTimeoutMs?: number;
  /** Default for requests that give no timeout of their own. */
  requestTimeoutMs?: number;
  /** Every request is signed with these (AclClientRPCHook). */
  credentials?: Credentials;
  signal?: AbortSignal;
  onServerRequest?: ServerRequestHandler;
}

export interface RequestOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

interface Pending {
  resolve: (response: RemotingCommand) => void;
  reject: (error: Error) => void;
  cleanup: () => void;
}

export const DEFAULT_CONNECT_TIMEOUT_MS = 3000;
export const DEFAULT_REQUEST_TIMEOUT_MS = 5000;

export function formatAddress(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/**
 * One TCP connection speaking remoting. Requests are matched to responses by `opaque`, so many may be
 * in flight at once (long-polling pulls next to heartbeats). Nothing it leaves behind keeps the process
 * alive once `close()` has been called or the peer has gone.
 */
export class RemotingConnection {
  readonly address: string;
  private readonly socket: net.Socket;
  private readonly reader = new FrameReader();
  private readonly pending = new Map<number, Pending>();
  private readonly closeListeners: ((error: Error | undefined) => void)[] = [];
  private nextOpaque = 1;
  private closedWith: Error | undefined;
  private isClosed = false;

  private constructor(
    socket: net.Socket,
    address: string,
    private readonly options: ConnectOptions,
  ) {
    this.socket = socket;
    this.address = address;
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (error) => this.shutdown(new RemotingConnectionError(address, error)));
    socket.on('close', () =>
      this.shutdown(new RemotingConnectionError(address, undefined, 'CONNECTION_CLOSED')),
    );
  }

  static open(host: string, port: number, options: ConnectOptions = {}): Promise<RemotingConnection> {
    const address = formatAddress(host, port);
    const timeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    return new Promise((resolve, reject) => {
      if (options.signal?.aborted) return reject(options.signal.reason);
      const socket = net.connect({ host, port });
      socket.setNoDelay(true);
      const fail = (error: Error) => {
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        socket.removeAllListeners();
        socket.on('error', () => {});
        socket.destroy();
        reject(error);
      };
      const onAbort = () => fail(options.signal?.reason as Error);
      const timer = setTimeout(
        () => fail(new RemotingTimeoutError('connect', address, timeoutMs)),
        timeoutMs,
      );
      options.signal?.addEventListener('abort', onAbort, { once: true });
      socket.once('error', (error) => fail(new RemotingConnectionError(address, error)));
      socket.once('connect', () => {
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        socket.removeAllListeners();
        const connection = new RemotingConnection(socket, address, options);
        // The connection's own signal closes it for good, not just the connect.
        options.signal?.addEventListener('abort', () => connection.close(), { once: true });
        resolve(connection);
      });
    });
  }

  get closed(): boolean {
    return this.isClosed;
  }

  /** Called once, when the connection ends; with the reason unless `close()` ended it. */
  onClose(listener: (error: Error | undefined) => void): void {
    if (this.isClosed) listener(this.closedWith);
    else this.closeListeners.push(listener);
  }

  /** Sends a request and resolves with the response, whatever its code: callers judge the code. */
  request(spec: RequestSpec, options: RequestOptions = {}): Promise<RemotingCommand> {
    const timeoutMs = options.timeoutMs ?? this.options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    return new Promise((resolve, reject) => {
      if (this.isClosed) return reject(this.closedError());
      if (options.signal?.aborted) return reject(options.signal.reason);
      const opaque = this.takeOpaque();
      const onAbort = () => {
        this.pending.get(opaque)?.cleanup();
        reject(options.signal?.reason);
      };
      const timer = setTimeout(() => {
        this.pending.get(opaque)?.cleanup();
        reject(new RemotingTimeoutError('request', this.address, timeoutMs, spec.code));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        this.pending.delete(opaque);
      };
      options.signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(opaque, {
        resolve: (r) => {
          cleanup();
          resolve(r);
        },
        reject: (e) => {
          cleanup();
          reject(e);
        },
        cleanup,
      });
      this.socket.write(encodeFrame(this.command(spec, opaque, 0)));
    });
  }

  /** Sends a request the server will not answer (UPDATE_CONSUMER_OFFSET and the like in Java's client). */
  oneway(spec: RequestSpec): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.isClosed) return reject(this.closedError());
      this.socket.write(encodeFrame(this.command(spec, this.takeOpaque(), FLAG_ONEWAY)), (error) =>
        error ? reject(new RemotingConnectionError(this.address, error)) : resolve(),
      );
    });
  }

  /** Ends the connection at once; requests in flight fail with CONNECTION_CLOSED. */
  close(): void {
    this.shutdown(undefined);
  }

  private command(spec: RequestSpec, opaque: number, flag: number): RemotingCommand {
    const fields: Record<string, string> = {};
    for (const [k, v] of Object.entries(spec.extFields ?? {})) if (v !== undefined) fields[k] = String(v);
    const body = spec.body ?? Buffer.alloc(0);
    const extFields = this.options.credentials ? signRequest(fields, body, this.options.credentials) : fields;
    return {
      code: spec.code,
      language: CLIENT_LANGUAGE,
      version: CLIENT_VERSION,
      opaque,
      flag,
      extFields,
      body,
    };
  }

  private takeOpaque(): number {
    const opaque = this.nextOpaque;
    this.nextOpaque = this.nextOpaque >= 0x7fffffff ? 1 : this.nextOpaque + 1;
    return opaque;
  }

  private onData(chunk: Buffer): void {
    let frames: RemotingCommand[];
    try {
      frames = this.reader.push(chunk);
    } catch (error) {
      const reason = error instanceof FrameError ? error.message : String(error);
      this.shutdown(new NotRemotingError(this.address, chunk.subarray(0, 16), reason));
      return;
    }
    for (const frame of frames) {
      if (isResponse(frame)) this.pending.get(frame.opaque)?.resolve(frame);
      else void this.answer(frame);
    }
  }

  private async answer(request: RemotingCommand): Promise<void> {
    let answer: ServerRequestAnswer;
    try {
      answer = await this.options.onServerRequest?.(request);
    } catch (error) {
      answer = { code: ResponseCode.SYSTEM_ERROR, remark: String(error) };
    }
    if (isOneway(request) || this.isClosed) return;
    const response = answer ?? {
      code: ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
      remark: `request code ${request.code} is not supported by this client`,
    };
    this.socket.write(
      encodeFrame({
        code: response.code,
        language: CLIENT_LANGUAGE,
        version: CLIENT_VERSION,
        opaque: request.opaque,
        flag: FLAG_RESPONSE,
        ...(response.remark !== undefined ? { remark: response.remark } : {}),
        extFields: {},
        body: response.body ?? Buffer.alloc(0),
      }),
    );
  }

  private closedError(): Error {
    return this.closedWith ?? new RemotingConnectionError(this.address, undefined, 'CONNECTION_CLOSED');
  }

  private shutdown(error: Error | undefined): void {
    if (this.isClosed) return;
    this.isClosed = true;
    this.closedWith = error;
    this.socket.destroy();
    const failure = error ?? new RemotingConnectionError(this.address, undefined, 'CONNECTION_CLOSED');
    for (const p of [...this.pending.values()]) p.reject(failure);
    for (const listener of this.closeListeners.splice(0)) listener(error);
  }
}
