import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  decodeMessages,
  decodeProperties,
  encodeProperties,
  MAGIC_CODE_V1,
  MAGIC_CODE_V2,
  MessageDecodeError,
  SysFlag,
} from './message.js';

interface Fixture {
  magic?: number;
  queueId?: number;
  queueOffset?: bigint;
  commitLogOffset?: bigint;
  sysFlag?: number;
  bornTimestamp?: bigint;
  bornIp?: number[];
  storeIp?: number[];
  storeTimestamp?: bigint;
  reconsumeTimes?: number;
  body: Buffer;
  topic: string;
  properties: string;
}

/** A stored message laid out as CommitLog writes it and MessageDecoder.decode reads it. */
function storedMessage(f: Fixture): Buffer {
  const magic = f.magic ?? MAGIC_CODE_V1;
  const bornIp = Buffer.from(f.bornIp ?? [10, 0, 0, 9]);
  const storeIp = Buffer.from(f.storeIp ?? [127, 0, 0, 1]);
  const topic = Buffer.from(f.topic, 'utf8');
  const properties = Buffer.from(f.properties, 'utf8');
  const parts: Buffer[] = [];
  const int = (v: number) => {
    const b = Buffer.alloc(4);
    b.writeInt32BE(v);
    parts.push(b);
  };
  const long = (v: bigint) => {
    const b = Buffer.alloc(8);
    b.writeBigInt64BE(v);
    parts.push(b);
  };
  int(0); // total size, patched below
  int(magic);
  int(12345); // body CRC
  int(f.queueId ?? 1);
  int(0); // flag
  long(f.queueOffset ?? 42n);
  long(f.commitLogOffset ?? 0x1234n);
  int(f.sysFlag ?? 0);
  long(f.bornTimestamp ?? 1_700_000_000_000n);
  parts.push(bornIp);
  int(53000);
  long(f.storeTimestamp ?? 1_700_000_000_005n);
  parts.push(storeIp);
  int(10911);
  int(f.reconsumeTimes ?? 0);
  long(0n); // prepared transaction offset
  int(f.body.length);
  parts.push(f.body);
  if (magic === MAGIC_CODE_V2) {
    const b = Buffer.alloc(2);
    b.writeInt16BE(topic.length);
    parts.push(b);
  } else parts.push(Buffer.from([topic.length]));
  parts.push(topic);
  const p = Buffer.alloc(2);
  p.writeInt16BE(properties.length);
  parts.push(p, properties);
  const all = Buffer.concat(parts);
  all.writeInt32BE(all.length, 0);
  return all;
}

const props = encodeProperties({
  TAGS: 'TagA',
  KEYS: 'k1 k2',
  UNIQ_KEY: '7F0000011A2B18B4AAC20D3B96E70003',
  x: 'y',
});

describe('properties', () => {
  it('joins name and value with \\u0001 and ends each pair with \\u0002', () => {
    expect(encodeProperties({ a: '1', b: '2' })).toBe('a\u00011\u0002b\u00012\u0002');
  });

  it('reads them back, skipping pairs without a name or a value as Java does', () => {
    expect(decodeProperties('a\u00011\u0002\u0001x\u0002b\u0001\u0002c\u00013')).toEqual({ a: '1', c: '3' });
    expect(decodeProperties(props)).toMatchObject({ TAGS: 'TagA', KEYS: 'k1 k2', x: 'y' });
  });
});

describe('decodeMessages', () => {
  it('reads every field of a v1 message', () => {
    const [m] = decodeMessages(
      storedMessage({ body: Buffer.from('hello'), topic: 'tutorial-topic', properties: props }),
    );
    expect(m).toMatchObject({
      msgId: '7F0000011A2B18B4AAC20D3B96E70003',
      // store host 127.0.0.1, port 10911 (0x2A9F), commit-log offset 0x1234
      offsetMsgId: '7F00000100002A9F0000000000001234',
      topic: 'tutorial-topic',
      queueId: 1,
      queueOffset: 42,
      commitLogOffset: 0x1234,
      tags: 'TagA',
      keys: ['k1', 'k2'],
      bornTimestamp: 1_700_000_000_000,
      bornHost: '10.0.0.9:53000',
      storeTimestamp: 1_700_000_000_005,
      storeHost: '127.0.0.1:10911',
      reconsumeTimes: 0,
      bodyCRC: 12345,
      compressedWith: undefined,
    });
    expect(m!.body.toString()).toBe('hello');
    expect(m!.properties.x).toBe('y');
  });

  it('reads several messages in one body, v2 topic lengths among them', () => {
    const body = Buffer.concat([
      storedMessage({ body: Buffer.from('one'), topic: 't1', properties: '', queueOffset: 1n }),
      storedMessage({
        magic: MAGIC_CODE_V2,
        body: Buffer.from('two'),
        topic: 't'.repeat(300),
        properties: props,
        queueOffset: 2n,
      }),
    ]);
    const messages = decodeMessages(body);
    expect(messages.map((m) => m.queueOffset)).toEqual([1, 2]);
    expect(messages[1]!.topic).toHaveLength(300);
    // Without a UNIQ_KEY the id users see is where the broker stored it.
    expect(messages[0]!.msgId).toBe(messages[0]!.offsetMsgId);
    expect(messages[0]!.tags).toBeUndefined();
    expect(messages[0]!.keys).toEqual([]);
  });

  it('inflates a zlib-compressed body (type 3, and type 0 from older producers)', () => {
    const text = 'compress me '.repeat(500);
    for (const type of [0, 3]) {
      const sysFlag = SysFlag.COMPRESSED | (type << 8);
      const [m] = decodeMessages(
        storedMessage({ body: deflateSync(text), topic: 't', properties: props, sysFlag }),
      );
      expect(m!.body.toString()).toBe(text);
      expect(m!.sysFlag & SysFlag.COMPRESSED).toBe(0);
      expect(m!.compressedWith).toBeUndefined();
    }
  });

  it('leaves an LZ4 or ZSTD body as it is, and says so', () => {
    const [m] = decodeMessages(
      storedMessage({
        body: Buffer.from([4, 34, 77, 24]),
        topic: 't',
        properties: '',
        sysFlag: SysFlag.COMPRESSED | (1 << 8),
      }),
    );
    expect(m!.compressedWith).toBe('lz4');
    expect([...m!.body]).toEqual([4, 34, 77, 24]);
  });

  it('reads IPv6 born and store hosts, and a 28-byte offsetMsgId', () => {
    const v6 = [0xfe, 0x80, ...Array(13).fill(0), 1];
    const [m] = decodeMessages(
      storedMessage({
        body: Buffer.from('x'),
        topic: 't',
        properties: '',
        sysFlag: SysFlag.BORNHOST_V6 | SysFlag.STOREHOST_V6,
        bornIp: v6,
        storeIp: v6,
      }),
    );
    expect(m!.bornHost).toBe('[fe80:0:0:0:0:0:0:1]:53000');
    expect(m!.storeHost).toBe('[fe80:0:0:0:0:0:0:1]:10911');
    expect(m!.offsetMsgId).toHaveLength(56);
    expect(m!.offsetMsgId.startsWith('FE80')).toBe(true);
  });

  it('reads non-ASCII topics, properties and bodies as UTF-8', () => {
    const [m] = decodeMessages(
      storedMessage({
        body: Buffer.from('你好'),
        topic: '主题',
        properties: encodeProperties({ TAGS: '标签' }),
      }),
    );
    expect([m!.topic, m!.tags, m!.body.toString()]).toEqual(['主题', '标签', '你好']);
  });

  it('refuses a truncated or foreign buffer', () => {
    const whole = storedMessage({ body: Buffer.from('x'), topic: 't', properties: '' });
    expect(() => decodeMessages(whole.subarray(0, whole.length - 3))).toThrow(MessageDecodeError);
    const bad = Buffer.from(whole);
    bad.writeInt32BE(0x12345678, 4);
    expect(() => decodeMessages(bad)).toThrow(/magic/);
  });
});
