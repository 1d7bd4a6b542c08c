import { describe, expect, it } from 'vitest';
import { Reader, Writer } from '../../src/doctor/kafka/codec.js';
import { kafkaDoctorInput, splitServer } from '../../src/doctor/kafka/input.js';
import { AclOperation, allows } from '../../src/doctor/kafka/requests.js';
import { isPrivateAddress, privateRangeOf } from '../../src/doctor/net/private-range.js';

describe('private ranges', () => {
  it('VPC-style addresses are private, public ones and loopback are not', () => {
    expect(privateRangeOf('10.1.2.3')).toBe('10.0.0.0/8');
    expect(privateRangeOf('172.16.0.1')).toBe('172.16.0.0/12');
    expect(privateRangeOf('172.31.255.255')).toBe('172.16.0.0/12');
    expect(privateRangeOf('192.168.1.1')).toBe('192.168.0.0/16');
    expect(privateRangeOf('100.64.0.9')).toBe('100.64.0.0/10');
    expect(privateRangeOf('169.254.1.1')).toBe('169.254.0.0/16');
    expect(privateRangeOf('fd12:3456::1')).toBe('fc00::/7');
    expect(privateRangeOf('fe80::1')).toBe('fe80::/10');
    expect(privateRangeOf('::ffff:10.0.0.1')).toBe('10.0.0.0/8');
    for (const a of ['172.32.0.1', '8.8.8.8', '203.0.113.5', '127.0.0.1', '::1', '2001:db8::1', 'not-an-ip'])
      expect(isPrivateAddress(a), a).toBe(false);
  });
});

describe('the Kafka wire types', () => {
  it('writes and reads back strings, nulls, bytes, arrays and 64-bit numbers, big-endian', () => {
    const b = new Writer()
      .int16(17)
      .int32(-2)
      .string('PLAIN')
      .string(null)
      .bytes(Buffer.from([1, 2]))
      .array(['a', 'bc'], (w, s) => w.string(s))
      .int64(2n ** 62n)
      .bool(true)
      .build();
    expect(b.subarray(0, 2)).toEqual(Buffer.from([0, 17]));
    const r = new Reader(b);
    expect([r.int16(), r.int32(), r.string(), r.string()]).toEqual([17, -2, 'PLAIN', null]);
    expect(r.bytes()).toEqual(Buffer.from([1, 2]));
    expect(r.array((x) => x.string())).toEqual(['a', 'bc']);
    expect(r.int64()).toBe(2n ** 62n);
    expect(r.bool()).toBe(true);
    expect(r.remaining).toBe(0);
    expect(() => r.int8()).toThrow(/shorter/);
  });

  it('reads KIP-430 authorized operations; "not asked" allows nothing', () => {
    expect(allows(280, AclOperation.WRITE)).toBe(true);
    expect(allows(264, AclOperation.WRITE)).toBe(false);
    expect(allows(264, AclOperation.READ)).toBe(true);
    expect(allows(-2147483648, AclOperation.READ)).toBe(false);
  });

  it('takes the tutorial’s parameters as the Kafka actions do', () => {
    expect(
      kafkaDoctorInput({
        bootstrapServers: 'a:1, b:2',
        securityProtocol: 'SASL_PLAINTEXT',
        caFile: '/x',
        groupId: 'g',
      }),
    ).toMatchObject({
      servers: ['a:1', 'b:2'],
      caFile: '',
      group: 'g',
      mechanism: 'PLAIN',
      checkHostname: false,
    });
    expect(splitServer('[::1]:9092')).toEqual({ host: '::1', port: 9092 });
  });
});
