import { randomBytes } from 'node:crypto';
import os from 'node:os';

/**
 * Message ids as MessageClientIDSetter makes them (the UNIQ_KEY users see as msgId): 32 hex digits of
 * client IPv4 (4 bytes), pid (2), a per-process random number where Java puts its class loader's hash
 * (4), milliseconds since the start of this month (4), and a counter (2).
 */
export function createUniqueId(now = Date.now()): string {
  const buffer = Buffer.alloc(16);
  FIXED.copy(buffer, 0);
  buffer.writeInt32BE(millisSinceMonthStart(now) | 0, 10);
  buffer.writeUInt16BE(counter, 14);
  counter = (counter + 1) & 0xffff;
  return buffer.toString('hex').toUpperCase();
}

/** The IPv4 a Java client would put in its ids and client id: the first non-internal one, else loopback. */
export function localIPv4(): string {
  for (const list of Object.values(os.networkInterfaces()))
    for (const i of list ?? []) if (i.family === 'IPv4' && !i.internal) return i.address;
  return '127.0.0.1';
}

const FIXED = (() => {
  const b = Buffer.alloc(10);
  for (const [i, part] of localIPv4().split('.').entries()) b.writeUInt8(Number(part), i);
  b.writeUInt16BE(process.pid & 0xffff, 4);
  randomBytes(4).copy(b, 6);
  return b;
})();

let counter = 0;

/** Java uses the default time zone's calendar; so does Date's local-time API. */
function millisSinceMonthStart(now: number): number {
  const d = new Date(now);
  return now - new Date(d.getFullYear(), d.getMonth(), 1).getTime();
}

/** The parts of an id made by createUniqueId (or by a Java client), for tests and diagnostics. */
export function parseUniqueId(id: string): {
  ip: string;
  pid: number;
  millisSinceMonthStart: number;
  counter: number;
} {
  const b = Buffer.from(id, 'hex');
  if (b.length !== 16) throw new Error(`not a 16-byte IPv4 message id: ${id}`);
  return {
    ip: [...b.subarray(0, 4)].join('.'),
    pid: b.readUInt16BE(4),
    millisSinceMonthStart: b.readInt32BE(10),
    counter: b.readUInt16BE(14),
  };
}
