import { describe, expect, it } from 'vitest';
import {
  decodeFrame,
  encodeFrame,
  FLAG_RESPONSE,
  FrameError,
  FrameReader,
  type RemotingCommand,
} from './frame.js';

const command = (over: Partial<RemotingCommand> = {}): RemotingCommand => ({
  code: 105,
  language: 'JAVA',
  version: 479,
  opaque: 7,
  flag: 0,
  extFields: { topic: 'tutorial-topic', ünï: 'çødé' },
  body: Buffer.from([1, 2, 3, 0, 255]),
  ...over,
});

describe('encodeFrame / decodeFrame', () => {
  it('round-trips header fields and a binary body', () => {
    const encoded = encodeFrame(command({ remark: 'a remark' }));
    expect(encoded.readUInt32BE(0)).toBe(encoded.length - 4);
    expect(encoded.readUInt8(4)).toBe(0); // JSON
    expect(decodeFrame(encoded.subarray(4))).toEqual(command({ remark: 'a remark' }));
  });

  it('writes the JSON header RemotingCommand reads, with serializeTypeCurrentRPC', () => {
    const encoded = encodeFrame(command());
    const headerLength = encoded.readUInt32BE(4) & 0xffffff;
    const header = JSON.parse(encoded.subarray(8, 8 + headerLength).toString('utf8'));
    expect(header).toMatchObject({ code: 105, language: 'JAVA', opaque: 7, serializeTypeCurrentRPC: 'JSON' });
  });

  it('reads the ROCKETMQ binary header', () => {
    const remark = Buffer.from('no topic');
    const key = Buffer.from('k');
    const value = Buffer.from('v1');
    const header = Buffer.alloc(
      2 + 1 + 2 + 4 + 4 + 4 + remark.length + 4 + 2 + key.length + 4 + value.length,
    );
    let at = header.writeInt16BE(17, 0);
    at = header.writeUInt8(13, at);
    at = header.writeInt16BE(479, at);
    at = header.writeInt32BE(42, at);
    at = header.writeInt32BE(FLAG_RESPONSE, at);
    at = header.writeInt32BE(remark.length, at);
    at += remark.copy(header, at);
    at = header.writeInt32BE(2 + key.length + 4 + value.length, at);
    at = header.writeUInt16BE(key.length, at);
    at += key.copy(header, at);
    at = header.writeInt32BE(value.length, at);
    value.copy(header, at);
    const frame = Buffer.alloc(4 + header.length + 2);
    frame.writeUInt32BE((1 << 24) | header.length, 0);
    header.copy(frame, 4);
    frame.write('ok', 4 + header.length);
    expect(decodeFrame(frame)).toEqual({
      code: 17,
      language: 'NODE_JS',
      version: 479,
      opaque: 42,
      flag: FLAG_RESPONSE,
      remark: 'no topic',
      extFields: { k: 'v1' },
      body: Buffer.from('ok'),
    });
  });

  it('refuses what is not a frame', () => {
    expect(() => decodeFrame(Buffer.from([0, 0, 0, 50, 1]))).toThrow(FrameError);
    expect(() => decodeFrame(Buffer.from([9, 0, 0, 1, 0x7b]))).toThrow(/serialize type/);
    const notJson = Buffer.concat([Buffer.from([0, 0, 0, 3]), Buffer.from('abc')]);
    expect(() => decodeFrame(notJson)).toThrow(/not JSON/);
  });
});

describe('FrameReader', () => {
  const a = command({ opaque: 1 });
  const b = command({ opaque: 2, body: Buffer.alloc(70_000, 7) });
  const c = command({ opaque: 3, body: Buffer.alloc(0), extFields: {} });
  const stream = Buffer.concat([encodeFrame(a), encodeFrame(b), encodeFrame(c)]);

  it('yields several frames that arrive in one chunk', () => {
    expect(new FrameReader().push(stream).map((f) => f.opaque)).toEqual([1, 2, 3]);
  });

  it('reassembles frames split over many chunks, even inside the length prefix', () => {
    for (const size of [1, 3, 7, 1000, 65_536]) {
      const reader = new FrameReader();
      const frames: RemotingCommand[] = [];
      for (let at = 0; at < stream.length; at += size)
        frames.push(...reader.push(stream.subarray(at, at + size)));
      expect(frames.map((f) => f.opaque)).toEqual([1, 2, 3]);
      expect(frames[1]!.body).toEqual(b.body);
      expect(reader.pending).toBe(0);
    }
  });

  it('keeps a partial frame until the rest arrives', () => {
    const reader = new FrameReader();
    const one = encodeFrame(a);
    expect(reader.push(one.subarray(0, 10))).toEqual([]);
    expect(reader.pending).toBe(10);
    expect(reader.push(one.subarray(10))).toEqual([a]);
  });

  it('throws on a length no remoting peer would send (HTTP/2 or TLS bytes)', () => {
    expect(() => new FrameReader().push(Buffer.from('HTTP/1.1 400 Bad Request\r\n'))).toThrow(FrameError);
    expect(() => new FrameReader().push(Buffer.from([0, 0, 0, 2, 0, 0]))).toThrow(/out of range/);
  });
});
