import { describe, expect, it } from 'vitest';
import { applyEvent, type Board, emptyBoard, LAG_SAMPLES } from './board.js';
import type { ProgressEvent } from './progress.js';
import { iso, joined, roomOfThirty, sampleRoom, step, T0, walk } from './testing/sample-room.js';
import { boardView } from './view.js';

const fold = (events: readonly ProgressEvent[], board: Board = emptyBoard(sampleRoom())) =>
  events.reduce((b, e) => applyEvent(b, e), board);

/** The same events in another order, from a fixed seed (a small LCG). */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const NOW = T0 + 3600_000;

describe('applyEvent', () => {
  it('returns the very same board for a duplicate, so nothing re-renders', () => {
    const first = fold([joined('alice', 0), step('alice', 'prepare-env', 'started', 1)]);
    expect(applyEvent(first, joined('alice', 0))).toBe(first);
    expect(applyEvent(first, step('alice', 'prepare-env', 'started', 1))).toBe(first);
  });

  it('a duplicated history gives the same view as the history once', () => {
    const { room, events } = roomOfThirty();
    const once = boardView(fold(events, emptyBoard(room)), { now: NOW, lang: 'en' });
    const twice = boardView(fold([...events, ...events], emptyBoard(room)), { now: NOW, lang: 'en' });
    expect(twice).toEqual(once);
  });

  it('gives the same view whatever order the events arrive in', () => {
    const { room, events } = roomOfThirty();
    const expected = boardView(fold(events, emptyBoard(room)), { now: NOW, lang: 'en' });
    for (const seed of [1, 2, 3, 42, 2026]) {
      const board = fold(shuffled(events, seed), emptyBoard(room));
      expect(boardView(board, { now: NOW, lang: 'en' })).toEqual(expected);
    }
  });

  it('ignores events of another room, another tutorial, or a step the tutorial does not have', () => {
    const board = fold([joined('alice', 0)]);
    expect(applyEvent(board, joined('bob', 1, 'room-2'))).toBe(board);
    expect(applyEvent(board, step('alice', 'produce', 'started', 2, { tutorial: 'rocketmq' }))).toBe(board);
    expect(applyEvent(board, step('alice', 'check-librocketmq', 'started', 2))).toBe(board);
    expect(applyEvent(board, { ...joined('carol', 3), at: 'yesterday' })).toBe(board);
  });

  it('never changes the board it is given', () => {
    const before = fold([joined('alice', 0), step('alice', 'prepare-env', 'started', 1)]);
    const snapshot = JSON.stringify(before);
    fold(walk('alice', 2), before);
    expect(JSON.stringify(before)).toBe(snapshot);
  });

  it('a later run replaces an earlier one, even when the earlier one arrives last', () => {
    const first = walk('alice', 10, { through: 3, next: 'failed', code: 'CONSUME_NOT_SEEN' });
    const second = walk('alice', 200, { through: 1, run: 'alice-run-2' });
    for (const events of [
      [...first, ...second],
      [...second, ...first],
    ]) {
      const row = boardView(fold(events), { now: NOW, lang: 'en' }).rows[0];
      expect(row?.state).toBe('running');
      expect(row?.cells).toEqual(['passed', 'passed', 'pending', 'pending', 'pending', 'pending']);
      expect(row?.code).toBeUndefined();
    }
  });

  it('takes any name, even one an object already has (constructor, __proto__, toString)', () => {
    const names = ['constructor', '__proto__', 'toString', 'hasOwnProperty'];
    const board = fold(names.flatMap((name) => [joined(name, 0), ...walk(name, 10, { run: '__proto__' })]));
    const view = boardView(board, { now: NOW, lang: 'en' });
    expect(view.rows.map((r) => r.learner).sort()).toEqual([...names].sort());
    expect(view.rows.every((r) => r.state === 'verified')).toBe(true);
    expect(Object.getPrototypeOf(board.learners)).toBe(Object.prototype);
  });

  it('keeps the earliest join, and takes step events that come before the join', () => {
    const board = fold([step('alice', 'prepare-env', 'started', 5), joined('alice', 9), joined('alice', 3)]);
    expect(board.learners.alice?.joinedAt).toBe(T0 + 3000);
    expect(board.learners.alice?.group).toBe('tutorial-alice');
    expect(Object.keys(board.learners)).toEqual(['alice']);
  });
});

describe('board lag', () => {
  it('is recorded per applied event when the caller says when it applied it', () => {
    let board = emptyBoard(sampleRoom());
    board = applyEvent(board, joined('alice', 0), T0 + 120);
    board = applyEvent(board, step('alice', 'prepare-env', 'started', 1), T0 + 1000 + 45);
    expect(board.lag).toEqual([
      { kind: 'joined', at: T0, appliedAt: T0 + 120, lagMs: 120 },
      { kind: 'step', at: T0 + 1000, appliedAt: T0 + 1045, lagMs: 45 },
    ]);
  });

  it('is not recorded for history (no appliedAt) nor for a duplicate', () => {
    let board = applyEvent(emptyBoard(sampleRoom()), joined('alice', 0));
    expect(board.lag).toEqual([]);
    board = applyEvent(board, joined('alice', 0), T0 + 5);
    expect(board.lag).toEqual([]);
  });

  it('keeps only the latest samples', () => {
    let board = emptyBoard(sampleRoom());
    for (let i = 0; i < LAG_SAMPLES + 5; i++)
      board = applyEvent(board, { ...step('alice', 'produce', 'started', 0), at: iso(i / 1000) }, T0 + i + 7);
    expect(board.lag).toHaveLength(LAG_SAMPLES);
    expect(board.lag[0]?.appliedAt).toBe(T0 + 5 + 7);
  });
});
