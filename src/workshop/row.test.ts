import { describe, expect, it } from 'vitest';
import { applyEvent, emptyBoard } from './board.js';
import type { ProgressEvent } from './progress.js';
import { learnerRow } from './row.js';
import { joined, sampleRoom, step, T0, walk } from './testing/sample-room.js';

const room = sampleRoom();
function rowOf(events: readonly ProgressEvent[], nowSeconds = 1000) {
  const board = events.reduce((b, e) => applyEvent(b, e), emptyBoard(room));
  const learner = Object.values(board.learners)[0];
  if (!learner) throw new Error('no learner');
  return learnerRow(learner, room, T0 + nowSeconds * 1000);
}

describe('a learner on the board', () => {
  it('joined and nothing else: not started, every step pending, the group shown', () => {
    const row = rowOf([joined('alice', 0)]);
    expect(row).toMatchObject({ learner: 'alice', group: 'tutorial-alice', state: 'not-started' });
    expect(row.cells.every((c) => c === 'pending')).toBe(true);
    expect(row.current).toBeUndefined();
    expect(row.verified).toBe(false);
  });

  it('on a running step: its clock counts from the step start to now', () => {
    const row = rowOf(walk('alice', 10, { through: 2, next: 'running' }), 100);
    // steps 0-2 at 10, 13, 16 (each 2 s); produce started at 19
    expect(row.state).toBe('running');
    expect(row.current).toEqual({ index: 3, id: 'produce', state: 'running' });
    expect(row.stepMs).toBe(81_000);
    expect(row.sinceMs).toBe(81_000);
    expect(row.cells).toEqual(['passed', 'passed', 'passed', 'running', 'pending', 'pending']);
  });

  it('stuck: the last step event failed; its code and how long the step took', () => {
    const row = rowOf(walk('alice', 10, { through: 3, next: 'failed', code: 'CONSUME_NOT_SEEN' }), 100);
    expect(row.state).toBe('stuck');
    expect(row.current).toEqual({ index: 4, id: 'consume', state: 'failed' });
    expect(row.code).toBe('CONSUME_NOT_SEEN');
    expect(row.stepMs).toBe(36_000);
    // consume started at 22 and failed at 58
    expect(row.sinceMs).toBe(42_000);
  });

  it('verified when the last step passed, or passed with a warning', () => {
    expect(rowOf(walk('alice', 10)).state).toBe('verified');
    const warned = walk('bob', 10).map((e) =>
      e.step === 'verify' && e.status === 'passed' ? { ...e, status: 'warned' as const } : e,
    );
    const row = rowOf(warned);
    expect(row).toMatchObject({ state: 'verified', verified: true });
    expect(row.cells.at(-1)).toBe('warned');
  });

  it('a failed step tried again and passed is no longer stuck; the code stays as the last diagnosis', () => {
    const row = rowOf([
      step('alice', 'prepare-env', 'started', 1),
      step('alice', 'prepare-env', 'failed', 2, { code: 'PYTHON_MISSING' }),
      step('alice', 'prepare-env', 'started', 30),
      step('alice', 'prepare-env', 'passed', 31, { durationMs: 900 }),
    ]);
    expect(row.state).toBe('running');
    expect(row.cells[0]).toBe('passed');
    expect(row.code).toBe('PYTHON_MISSING');
    expect(row.stepMs).toBe(900);
  });

  it('a step that ended and the next one that started in the same millisecond: the next is current', () => {
    const row = rowOf([
      step('alice', 'prepare-env', 'started', 1),
      step('alice', 'check-cert', 'started', 2),
      step('alice', 'prepare-env', 'passed', 2),
    ]);
    expect(row.current?.id).toBe('check-cert');
    expect(row.cells.slice(0, 2)).toEqual(['passed', 'running']);
  });

  it('a start whose end never came is not shown running once the learner is elsewhere', () => {
    const row = rowOf([step('alice', 'produce', 'started', 1), step('alice', 'consume', 'started', 5)]);
    expect(row.cells.slice(3, 5)).toEqual(['pending', 'running']);
  });

  it('without durationMs, the time a finished step took comes from its start and end', () => {
    const row = rowOf([
      step('alice', 'prepare-env', 'started', 1),
      step('alice', 'prepare-env', 'passed', 4.5),
    ]);
    expect(row.stepMs).toBe(3500);
  });

  it('a skipped last step is not verified', () => {
    const events = walk('alice', 10).filter((e) => e.step !== 'verify');
    const row = rowOf([...events, step('alice', 'verify', 'skipped', 100)]);
    expect(row).toMatchObject({ state: 'running', verified: false });
  });

  it('clocks never run backwards when a learner’s clock is ahead of the board’s', () => {
    const row = rowOf([step('alice', 'prepare-env', 'started', 50)], 10);
    expect(row.stepMs).toBe(0);
    expect(row.sinceMs).toBe(0);
  });

  it('names and codes lose control characters (they could clear the instructor’s terminal)', () => {
    const row = rowOf([
      joined('eve\u001b[2J\u202e', 0),
      step('eve\u001b[2J\u202e', 'prepare-env', 'failed', 1, { code: 'X\u0007' }),
    ]);
    expect(row.learner).toBe('eve[2J');
    expect(row.code).toBe('X');
  });
});
