/**
 * RemotingCommand on the wire (RemotingCommand.java): a 4-byte length of what follows, a 4-byte
 * header length whose top byte is the serialize type (0 JSON, 1 ROCKETMQ), the header, then the body.
 */

export type SerializeType = 'JSON' | 'ROCKETMQ';

export interface RemotingCommand {
  code: number;
  language: string;
  version: number;
  opaque: number;
  flag: number;
  remark?: string;
  extFields: Record<string, string>;
  body: Buffer;
}

/** flag bit 0: the command is a response; bit 1: the sender expects no response. */
export const FLAG_RESPONSE = 1;
export const FLAG_ONEWAY = 2;

/** The Java side refuses frames above 16 MiB (com.rocketmq.remoting.frameMaxLength); so do we. */
export const MAX_FRAME_LENGTH = 16 * 1024 * 1024;

/** We speak as a 5.3.3 client; brokers gate a few behaviours on this number (MQVersion.Version ordinal). */
export const CLIENT_VERSION = 479;
export const CLIENT_LANGUAGE = 'JAVA';

export class FrameError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FrameError';
  }
}

export function isResponse(command: RemotingCommand): boolean {
  return (command.flag & FLAG_RESPONSE) !== 0;
}

export function isOneway(command: RemotingCommand): boolean {
  return (command.flag & FLAG_ONEWAY) !== 0;
}

/** Always JSON: every broker since 3.x reads it, and answers in the type it was asked in. */
export function encodeFrame(command: RemotingCommand): Buffer {
  const header: Record<string, unknown> = {
    code: command.code,
    language: command.language,
    version: command.version,
    opaque: command.opaque,
    flag: command.flag,
    extFields: command.extFields,
    serializeTypeCurrentRPC: 'JSON',
  };
  if (command.remark !== undefined) header.remark = command.remark;
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(8);
  prefix.writeUInt32BE(4 + headerBytes.length + command.body.length, 0);
  prefix.writeUInt32BE(headerBytes.length & 0xffffff, 4);
  return Buffer.concat([prefix, headerBytes, command.body]);
}

/** Decodes exactly one frame, `frame` holding everything after the 4-byte total length. */
export function decodeFrame(frame: Buffer): RemotingCommand {
  if (frame.length < 4) throw new FrameError(`frame of ${frame.length} bytes has no header length`);
  const mark = frame.readUInt32BE(0);
  const serializeType = mark >>> 24;
  const headerLength = mark & 0xffffff;
  if (4 + headerLength > frame.length)
    throw new FrameError(`header length ${headerLength} exceeds the frame (${frame.length} bytes)`);
  const header = frame.subarray(4, 4 + headerLength);
  const body = Buffer.from(frame.subarray(4 + headerLength));
  if (serializeType === 0) return { ...decodeJsonHeader(header), body };
  if (serializeType === 1) return { ...decodeRocketmqHeader(header), body };
  throw new FrameError(`unknown serialize type ${serializeType}`);
}

type Header = Omit<RemotingCommand, 'body'>;

function decodeJsonHeader(bytes: Buffer): Header {
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new FrameError('header is not JSON');
  }
  if (!raw || typeof raw !== 'object' || typeof (raw as { code?: unknown }).code !== 'number')
    throw new FrameError('header has no numeric code');
  const h = raw as Record<string, unknown>;
  const extFields: Record<string, string> = {};
  if (h.extFields && typeof h.extFields === 'object')
    for (const [k, v] of Object.entries(h.extFields as Record<string, unknown>)) extFields[k] = String(v);
  return {
    code: h.code as number,
    language: typeof h.language === 'string' ? h.language : 'JAVA',
    version: typeof h.version === 'number' ? h.version : 0,
    opaque: typeof h.opaque === 'number' ? h.opaque : 0,
    flag: typeof h.flag === 'number' ? h.flag : 0,
    ...(typeof h.remark === 'string' ? { remark: h.remark } : {}),
    extFields,
  };
}

const LANGUAGES = [
  'JAVA',
  'CPP',
  'DOTNET',
  'PYTHON',
  'DELPHI',
  'ERLANG',
  'RUBY',
  'OTHER',
  'HTTP',
  'GO',
  'PHP',
  'OMS',
  'RUST',
  'NODE_JS',
];

/** RocketMQSerializable's binary header, which a broker may use when it was asked in it or is set to. */
function decodeRocketmqHeader(bytes: Buffer): Header {
  let at = 0;
  const need = (n: number) => {
    if (at + n > bytes.length) throw new FrameError('binary header is truncated');
  };
  need(2 + 1 + 2 + 4 + 4 + 4);
  const code = bytes.readInt16BE(at);
  const language = LANGUAGES[bytes.readUInt8(at + 2)] ?? 'OTHER';
  const version = bytes.readInt16BE(at + 3);
  const opaque = bytes.readInt32BE(at + 5);
  const flag = bytes.readInt32BE(at + 9);
  at += 13;
  const remarkLength = bytes.readInt32BE(at);
  at += 4;
  let remark: string | undefined;
  if (remarkLength > 0) {
    need(remarkLength);
    remark = bytes.toString('utf8', at, at + remarkLength);
    at += remarkLength;
  }
  need(4);
  const extLength = bytes.readInt32BE(at);
  at += 4;
  const extFields: Record<string, string> = {};
  const end = at + Math.max(0, extLength);
  if (end > bytes.length) throw new FrameError('binary header is truncated');
  while (at < end) {
    need(2);
    const keyLength = bytes.readUInt16BE(at);
    at += 2;
    need(keyLength + 4);
    const key = bytes.toString('utf8', at, at + keyLength);
    at += keyLength;
    const valueLength = bytes.readInt32BE(at);
    at += 4;
    need(valueLength);
    extFields[key] = bytes.toString('utf8', at, at + valueLength);
    at += valueLength;
  }
  return { code, language, version, opaque, flag, ...(remark !== undefined ? { remark } : {}), extFields };
}

/**
 * Cuts a TCP byte stream into frames. Chunks are kept apart until a whole frame has arrived, so a
 * large pull response is copied once, not once per chunk.
 */
export class FrameReader {
  private chunks: Buffer[] = [];
  private buffered = 0;

  /** Every complete frame the stream holds after `chunk`; throws FrameError when it is not remoting. */
  push(chunk: Buffer): RemotingCommand[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const frames: RemotingCommand[] = [];
    for (;;) {
      if (this.buffered < 4) break;
      const length = this.peekLength();
      if (length < 4 || length > MAX_FRAME_LENGTH)
        throw new FrameError(`frame length ${length} is out of range`);
      if (this.buffered < 4 + length) break;
      const all = this.take(4 + length);
      frames.push(decodeFrame(all.subarray(4)));
    }
    return frames;
  }

  /** Bytes received that do not yet make a frame. */
  get pending(): number {
    return this.buffered;
  }

  private peekLength(): number {
    const first = this.chunks[0]!;
    if (first.length >= 4) return first.readUInt32BE(0);
    this.chunks = [Buffer.concat(this.chunks)];
    return this.chunks[0]!.readUInt32BE(0);
  }

  private take(n: number): Buffer {
    const all = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
    const rest = all.subarray(n);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.buffered = rest.length;
    return all.subarray(0, n);
  }
}
