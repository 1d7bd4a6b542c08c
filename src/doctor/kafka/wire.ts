import type net from 'node:net';
import { Reader, Writer } from './codec.js';

const CLIENT_ID = 'mq-tutor-doctor';
/** Far above anything the doctor's requests get back; a bigger size is not a Kafka answer. */
const MAX_FRAME = 64 * 1024 * 1024;

/** The peer closed the connection, or answered bytes that are no Kafka frame. */
export class WireClosedError extends Error {
  constructor(
    readonly address: string,
    readonly reason: 'closed' | 'not-kafka' | 'reset',
    /** What the peer sent first, up to 16 bytes. */
    readonly firstBytes: Buffer = Buffer.alloc(0),
  ) {
    super(
      `${address}: ${reason === 'not-kafka' ? 'the answer is not a Kafka frame' : `connection ${reason}`}`,
    );
    this.name = 'WireClosedError';
  }
}

export class WireTimeoutError extends Error {
  constructor(
    readonly address: string,
    readonly timeoutMs: number,
  ) {
    super(`${address}: no answer within ${timeoutMs} ms`);
    this.name = 'WireTimeoutError';
  }
}

interface Pending {
  resolve: (body: Reader) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * One connection speaking Kafka's request/response framing (request header v1, response header
 * v0): enough for the handful of non-flexible requests the doctor sends. Answers are matched to
 * requests by correlation id.
 */
export class KafkaWire {
  private readonly pending = new Map<number, Pending>();
  private received = Buffer.alloc(0);
  private nextId = 1;
  private closedWith: Error | undefined;

  constructor(
    private readonly socket: net.Socket,
    readonly address: string,
  ) {
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', () => this.shut(new WireClosedError(address, 'reset')));
    socket.on('close', () => this.shut(new WireClosedError(address, 'closed')));
  }

  call(apiKey: number, version: number, body: Buffer, timeoutMs: number): Promise<Reader> {
    if (this.closedWith) return Promise.reject(this.closedWith);
    const id = this.nextId++;
    const header = new Writer().int16(apiKey).int16(version).int32(id).string(CLIENT_ID).build();
    const size = Buffer.alloc(4);
    size.writeInt32BE(header.length + body.length);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new WireTimeoutError(this.address, timeoutMs));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      this.socket.write(Buffer.concat([size, header, body]));
    });
  }

  close(): void {
    this.shut(new WireClosedError(this.address, 'closed'));
  }

  private onData(chunk: Buffer): void {
    this.received = Buffer.concat([this.received, chunk]);
    while (this.received.length >= 4) {
      const size = this.received.readInt32BE(0);
      if (size < 4 || size > MAX_FRAME) {
        this.shut(this.notKafka());
        return;
      }
      if (this.received.length < 4 + size) return;
      const frame = this.received.subarray(4, 4 + size);
      this.received = this.received.subarray(4 + size);
      const id = frame.readInt32BE(0);
      const waiting = this.pending.get(id);
      if (!waiting) {
        this.shut(this.notKafka());
        return;
      }
      this.pending.delete(id);
      clearTimeout(waiting.timer);
      waiting.resolve(new Reader(frame.subarray(4)));
    }
  }

  private notKafka(): WireClosedError {
    return new WireClosedError(this.address, 'not-kafka', this.received.subarray(0, 16));
  }

  private shut(error: Error): void {
    if (this.closedWith) return;
    this.closedWith = error;
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(error);
    }
    this.pending.clear();
    this.socket.removeAllListeners('data');
    this.socket.on('error', () => {});
    this.socket.destroy();
  }
}
