import { describe, expect, it } from 'vitest';
import { createUniqueId, localIPv4, parseUniqueId } from './unique-id.js';

describe('createUniqueId', () => {
  it('makes 32 upper-case hex digits with ip, pid, time in month and a counter', () => {
    const now = Date.now();
    const id = createUniqueId(now);
    expect(id).toMatch(/^[0-9A-F]{32}$/);
    const parts = parseUniqueId(id);
    expect(parts.ip).toBe(localIPv4());
    expect(parts.pid).toBe(process.pid & 0xffff);
    const d = new Date(now);
    expect(parts.millisSinceMonthStart).toBe(now - new Date(d.getFullYear(), d.getMonth(), 1).getTime());
  });

  it('never repeats within a process', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => createUniqueId(1_700_000_000_000)));
    expect(ids.size).toBe(1000);
  });

  it('reads the layout MessageClientIDSetter writes', () => {
    // Laid out as MessageClientIDSetter does: 7F000001 1A2B <loader hash> <ms in month> <counter>
    expect(parseUniqueId('7F0000011A2B18B4AAC20D3B96E70003')).toEqual({
      ip: '127.0.0.1',
      pid: 0x1a2b,
      millisSinceMonthStart: 0x0d3b96e7,
      counter: 3,
    });
  });
});
