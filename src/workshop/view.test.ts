import { describe, expect, it } from 'vitest';
import { applyEvent, emptyBoard } from './board.js';
import { roomOfThirty, T0, walk } from './testing/sample-room.js';
import { boardView } from './view.js';

describe('boardView', () => {
  const { room, events } = roomOfThirty();
  const board = events.reduce((b, e) => applyEvent(b, e), emptyBoard(room));

  it('the room of thirty: rows in reading order and the count line', () => {
    const view = boardView(board, { now: T0 + 600_000, lang: 'en' });
    expect(view.summary).toBe(
      '22/30 verified · 5 stuck at consume (CONSUME_NOT_SEEN 3, SASL_AUTH_FAILED 2) · 3 not started',
    );
    expect(view.rows).toHaveLength(28);
    expect(view.rows.slice(0, 5).map((r) => r.state)).toEqual(times(5, 'stuck'));
    expect(view.rows[5]?.state).toBe('not-started');
    expect(view.rows.slice(6).every((r) => r.state === 'verified')).toBe(true);
    // the one stuck longest (the earliest to fail) first
    expect(view.rows[0]?.learner).toBe('victor');
    expect(view.ticking).toBe(false);
  });

  it('step titles in the room’s language; ticking while a step runs', () => {
    const live = walk('late', 500, { through: 1, next: 'running' }).reduce((b, e) => applyEvent(b, e), board);
    const view = boardView(live, { now: T0 + 600_000, lang: 'zh' });
    expect(view.steps[0]).toEqual({ id: 'prepare-env', title: '准备环境' });
    expect(view.ticking).toBe(true);
    expect(view.summary).toBe(
      '22/30 已验证 · 5 人卡在 consume（CONSUME_NOT_SEEN 3，SASL_AUTH_FAILED 2） · 1 人进行中 · 2 人未开始',
    );
  });

  it('folds a long history quickly (30 learners, 5 runs each)', () => {
    const history = Array.from({ length: 30 }, (_, i) =>
      [0, 1, 2, 3, 4].flatMap((r) => walk(`l${i}`, r * 100 + i, { run: `l${i}-run-${r}` })),
    ).flat();
    const started = performance.now();
    const big = history.reduce((b, e) => applyEvent(b, e), emptyBoard(room));
    const view = boardView(big, { now: T0 + 600_000, lang: 'en' });
    expect(history.length).toBe(1800);
    expect(view.rows).toHaveLength(30);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

function times<T>(n: number, x: T): T[] {
  return Array.from({ length: n }, () => x);
}
