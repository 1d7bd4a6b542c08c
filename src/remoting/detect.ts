import net from 'node:net';
import { RequestCode } from './codes.js';
import { formatAddress } from './connection.js';
import { CLIENT_LANGUAGE, CLIENT_VERSION, encodeFrame, FrameReader, isResponse } from './frame.js';

export type DetectedProtocol =
  /** Answered our request with a remoting frame: a name server, a broker, a remoting proxy. */
  | 'remoting'
  /** Answered with HTTP/2 frames: a gRPC endpoint such as the 5.x proxy's 8081. */
  | 'http2'
  | 'tls'
  | 'http1'
  /** Answered with bytes we do not recognise. */
  | 'other'
  /** Accepted the connection, then said nothing (or hung up without a byte). */
  | 'silent'
  /** Nothing listens there: the connection was refused. */
  | 'refused'
  /** No connection within the time: a firewall dropping packets, or a host that is not there. */
  | 'unreachable';

export interface Detection {
  protocol: DetectedProtocol;
  address: string;
  elapsedMs: number;
  /** The first bytes the peer sent, up to 32. */
  firstBytes: Buffer;
  /** For 'refused' and 'unreachable': Node's error code when there was one (ECONNREFUSED, ENOTFOUND...). */
  errorCode?: string;
  /** For 'silent': the peer closed the connection rather than just saying nothing. */
  hungUp?: boolean;
}

/**
 * How long an address may stay quiet before it counts as silent. A live endpoint answers at once;
 * the margin is for a busy one (a room of learners probing one proxy on a small machine took over
 * 1.5 s), since calling a working endpoint silent stops the tutorial.
 */
export const SILENT_AFTER_MS = 5000;

/** A topic no one creates: the probe must be harmless wherever it lands. */
const PROBE_TOPIC = 'mq-tutor-protocol-probe-no-such-topic';

/** How long the TCP connection itself may take: loopback and even far regions connect well inside it. */
export const CONNECT_WITHIN_MS = 1500;

/**
 * What speaks at host:port, found by sending one harmless remoting request (a route query for a topic
 * that cannot exist) and reading the first answer. Resolves whatever the peer does: `unreachable` when
 * no connection comes within `connectTimeoutMs`, `silent` when the connection says nothing within
 * `timeoutMs` after it opened; never rejects except on abort.
 */
export function detectProtocol(
  host: string,
  port: number,
  options: { timeoutMs?: number; connectTimeoutMs?: number; signal?: AbortSignal } = {},
): Promise<Detection> {
  const address = formatAddress(host, port);
  const timeoutMs = options.timeoutMs ?? SILENT_AFTER_MS;
  const started = Date.now();
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(options.signal.reason);
    const socket = net.connect({ host, port });
    const reader = new FrameReader();
    let received = Buffer.alloc(0);
    let connected = false;
    let settled = false;
    const finish = (protocol: DetectedProtocol, extra: Partial<Detection> = {}) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      socket.removeAllListeners();
      socket.on('error', () => {});
      socket.destroy();
      resolve({
        protocol,
        address,
        elapsedMs: Date.now() - started,
        firstBytes: received.subarray(0, 32),
        ...extra,
      });
    };
    const onAbort = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      reject(options.signal?.reason);
    };
    let timer = setTimeout(() => finish('unreachable'), options.connectTimeoutMs ?? CONNECT_WITHIN_MS);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () => {
      connected = true;
      clearTimeout(timer);
      timer = setTimeout(() => finish(received.length > 0 ? guess(received) : 'silent'), timeoutMs);
      socket.write(
        encodeFrame({
          code: RequestCode.GET_ROUTEINFO_BY_TOPIC,
          language: CLIENT_LANGUAGE,
          version: CLIENT_VERSION,
          opaque: 1,
          flag: 0,
          extFields: { topic: PROBE_TOPIC },
          body: Buffer.alloc(0),
        }),
      );
    });
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const signature = bySignature(received);
      if (signature) return finish(signature);
      try {
        if (reader.push(chunk).some(isResponse)) finish('remoting');
      } catch {
        finish('other');
      }
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (connected) return finish(received.length > 0 ? guess(received) : 'silent', { hungUp: true });
      const code = error.code;
      finish(code === 'ECONNREFUSED' ? 'refused' : 'unreachable', code ? { errorCode: code } : {});
    });
    socket.on('close', () => finish(received.length > 0 ? guess(received) : 'silent', { hungUp: true }));
  });
}

/** Protocols whose first bytes cannot be the start of a remoting answer to our request. */
function bySignature(bytes: Buffer): DetectedProtocol | undefined {
  if (bytes.length >= 2 && (bytes[0] === 0x15 || bytes[0] === 0x16) && bytes[1] === 0x03) return 'tls';
  if (bytes.length >= 5 && bytes.subarray(0, 5).toString('latin1') === 'HTTP/') return 'http1';
  if (bytes.length >= 9 && isHttp2FrameHeader(bytes)) return 'http2';
  return undefined;
}

/** A SETTINGS or GOAWAY frame on stream 0, what an HTTP/2 server sends first. */
function isHttp2FrameHeader(b: Buffer): boolean {
  const length = b.readUIntBE(0, 3);
  const type = b[3];
  const streamId = b.readUInt32BE(5) & 0x7fffffff;
  return streamId === 0 && length <= 16_384 && (type === 0x04 || type === 0x07);
}

function guess(bytes: Buffer): DetectedProtocol {
  return bySignature(bytes) ?? 'other';
}
