import { describe, expect, it } from 'vitest';
import { clock } from './clock.js';

describe('clock', () => {
  it('shows minutes and seconds, and hours when there are some', () => {
    expect(clock(0)).toBe('0:00');
    expect(clock(999)).toBe('0:00');
    expect(clock(42_000)).toBe('0:42');
    expect(clock(185_000)).toBe('3:05');
    expect(clock(3_725_000)).toBe('1:02:05');
    expect(clock(-5)).toBe('0:00');
  });
});
