import { describe, expect, it } from 'vitest';
import { applyEvent, emptyBoard } from './board.js';
import { boardLag } from './lag.js';
import { joined, sampleRoom, step, T0 } from './testing/sample-room.js';

describe('boardLag', () => {
  it('gives p50, p95 and the worst of the recorded lags, per kind if asked', () => {
    let board = applyEvent(emptyBoard(sampleRoom()), joined('alice', 0), T0 + 5000);
    for (let i = 1; i <= 100; i++)
      board = applyEvent(board, step('alice', 'produce', 'started', i), T0 + i * 1000 + i);
    expect(boardLag(board, { kind: 'step' })).toEqual({ count: 100, p50: 50, p95: 95, max: 100 });
    expect(boardLag(board)?.max).toBe(5000);
    // the events published since the board opened, not the history it was fed first
    expect(boardLag(board, { since: T0 + 91_000 })).toEqual({ count: 10, p50: 95, p95: 100, max: 100 });
  });

  it('is undefined when nothing was recorded', () => {
    expect(boardLag(emptyBoard(sampleRoom()))).toBeUndefined();
  });
});
