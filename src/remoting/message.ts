import { inflateSync } from 'node:zlib';

/** MessageDecoder's separators inside the properties string. */
export const NAME_VALUE_SEPARATOR = '\u0001';
export const PROPERTY_SEPARATOR = '\u0002';

export const MAGIC_CODE_V1 = -626843481;
export const MAGIC_CODE_V2 = -626843477;

/** MessageSysFlag bits. */
export const SysFlag = {
  COMPRESSED: 0x1,
  MULTI_TAGS: 0x2,
  TRANSACTION_PREPARED: 0x4,
  TRANSACTION_COMMIT: 0x8,
  BORNHOST_V6: 0x10,
  STOREHOST_V6: 0x20,
  NEED_UNWRAP: 0x40,
  INNER_BATCH: 0x80,
  COMPRESSION_TYPE_MASK: 0x700,
} as const;

/** Property names (MessageConst) this library reads or writes. */
export const Property = {
  KEYS: 'KEYS',
  TAGS: 'TAGS',
  WAIT_STORE_MSG_OK: 'WAIT',
  DELAY_TIME_LEVEL: 'DELAY',
  RETRY_TOPIC: 'RETRY_TOPIC',
  REAL_TOPIC: 'REAL_TOPIC',
  UNIQ_KEY: 'UNIQ_KEY',
  ORIGIN_MESSAGE_ID: 'ORIGIN_MESSAGE_ID',
  MIN_OFFSET: 'MIN_OFFSET',
  MAX_OFFSET: 'MAX_OFFSET',
  RECONSUME_TIME: 'RECONSUME_TIME',
  MAX_RECONSUME_TIMES: 'MAX_RECONSUME_TIMES',
} as const;

/** RocketMQ joins a message's keys with a space (MessageConst.KEY_SEPARATOR). */
export const KEY_SEPARATOR = ' ';

export function encodeProperties(properties: Record<string, string>): string {
  return Object.entries(properties)
    .map(([k, v]) => `${k}${NAME_VALUE_SEPARATOR}${v}${PROPERTY_SEPARATOR}`)
    .join('');
}

/** As string2messageProperties: pairs without a name or a value are dropped. */
export function decodeProperties(text: string): Record<string, string> {
  const properties: Record<string, string> = {};
  for (const pair of text.split(PROPERTY_SEPARATOR)) {
    const sep = pair.indexOf(NAME_VALUE_SEPARATOR);
    if (sep > 0 && sep < pair.length - 1) properties[pair.slice(0, sep)] = pair.slice(sep + 1);
  }
  return properties;
}

export interface StoredMessage {
  /** The id users see: the producer's UNIQ_KEY, or offsetMsgId when it has none. */
  msgId: string;
  /** Store host, port and commit-log offset in hex: where the broker keeps it. */
  offsetMsgId: string;
  topic: string;
  queueId: number;
  queueOffset: number;
  commitLogOffset: number;
  sysFlag: number;
  flag: number;
  tags: string | undefined;
  keys: string[];
  body: Buffer;
  /** Set when the body is compressed with a codec this library cannot inflate (LZ4, ZSTD). */
  compressedWith: 'lz4' | 'zstd' | undefined;
  bornTimestamp: number;
  bornHost: string;
  storeTimestamp: number;
  storeHost: string;
  reconsumeTimes: number;
  preparedTransactionOffset: number;
  bodyCRC: number;
  properties: Record<string, string>;
}

export class MessageDecodeError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(`${message} at byte ${position}`);
    this.name = 'MessageDecodeError';
  }
}

/** Every message in a pull response's body (MessageDecoder.decodesBatch with a client's flags). */
export function decodeMessages(buffer: Buffer): StoredMessage[] {
  const messages: StoredMessage[] = [];
  let at = 0;
  while (at < buffer.length) {
    if (at + 4 > buffer.length) throw new MessageDecodeError('truncated message size', at);
    const size = buffer.readInt32BE(at);
    if (size <= 0 || at + size > buffer.length) throw new MessageDecodeError(`bad message size ${size}`, at);
    messages.push(decodeMessage(buffer.subarray(at, at + size), at));
    at += size;
  }
  return messages;
}

function decodeMessage(b: Buffer, base: number): StoredMessage {
  let at = 0;
  const need = (n: number) => {
    if (at + n > b.length) throw new MessageDecodeError('message is truncated', base + at);
  };
  const int = () => {
    need(4);
    const v = b.readInt32BE(at);
    at += 4;
    return v;
  };
  const long = () => {
    need(8);
    const v = Number(b.readBigInt64BE(at));
    at += 8;
    return v;
  };
  const bytes = (n: number) => {
    need(n);
    const v = b.subarray(at, at + n);
    at += n;
    return v;
  };
  const storeSize = int();
  const magic = int();
  if (magic !== MAGIC_CODE_V1 && magic !== MAGIC_CODE_V2)
    throw new MessageDecodeError(`unknown magic code ${magic}`, base + 4);
  const bodyCRC = int();
  const queueId = int();
  const flag = int();
  const queueOffset = long();
  const commitLogOffset = long();
  const sysFlag = int();
  const bornTimestamp = long();
  const bornIp = bytes(sysFlag & SysFlag.BORNHOST_V6 ? 16 : 4);
  const bornHost = hostText(bornIp, int());
  const storeTimestamp = long();
  const storeIp = bytes(sysFlag & SysFlag.STOREHOST_V6 ? 16 : 4);
  const storePort = int();
  const storeHost = hostText(storeIp, storePort);
  const reconsumeTimes = int();
  const preparedTransactionOffset = long();
  const bodyLength = int();
  let body: Buffer = Buffer.from(bytes(Math.max(0, bodyLength)));
  let compressedWith: StoredMessage['compressedWith'];
  let flags = sysFlag;
  if (sysFlag & SysFlag.COMPRESSED) {
    const type = (sysFlag & SysFlag.COMPRESSION_TYPE_MASK) >> 8;
    if (type === 0 || type === 3) {
      body = inflateSync(body);
      flags &= ~SysFlag.COMPRESSED;
    } else compressedWith = type === 1 ? 'lz4' : 'zstd';
  }
  need(magic === MAGIC_CODE_V2 ? 2 : 1);
  const topicLength = magic === MAGIC_CODE_V2 ? b.readInt16BE(at) : b.readInt8(at);
  at += magic === MAGIC_CODE_V2 ? 2 : 1;
  const topic = bytes(topicLength).toString('utf8');
  need(2);
  const propertiesLength = b.readInt16BE(at);
  at += 2;
  const properties = propertiesLength > 0 ? decodeProperties(bytes(propertiesLength).toString('utf8')) : {};
  if (at !== storeSize)
    throw new MessageDecodeError(`message ends at ${at}, its size says ${storeSize}`, base);

  const idBuffer = Buffer.alloc(storeIp.length + 4 + 8);
  storeIp.copy(idBuffer, 0);
  idBuffer.writeInt32BE(storePort, storeIp.length);
  idBuffer.writeBigInt64BE(BigInt(commitLogOffset), storeIp.length + 4);
  const offsetMsgId = idBuffer.toString('hex').toUpperCase();
  const keys = properties[Property.KEYS];
  return {
    msgId: properties[Property.UNIQ_KEY] ?? offsetMsgId,
    offsetMsgId,
    topic,
    queueId,
    queueOffset,
    commitLogOffset,
    sysFlag: flags,
    flag,
    tags: properties[Property.TAGS],
    keys: keys ? keys.split(KEY_SEPARATOR).filter((k) => k.length > 0) : [],
    body,
    compressedWith,
    bornTimestamp,
    bornHost,
    storeTimestamp,
    storeHost,
    reconsumeTimes,
    preparedTransactionOffset,
    bodyCRC,
    properties,
  };
}

function hostText(ip: Buffer, port: number): string {
  if (ip.length === 4) return `${[...ip].join('.')}:${port}`;
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(ip.readUInt16BE(i).toString(16));
  return `[${groups.join(':')}]:${port}`;
}
