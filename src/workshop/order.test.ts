import { describe, expect, it } from 'vitest';
import { sortRows } from './order.js';
import type { BoardRow } from './row.js';

function row(learner: string, state: BoardRow['state'], extra: Partial<BoardRow> = {}): BoardRow {
  return { learner, state, cells: [], sinceMs: 0, verified: state === 'verified', ...extra };
}
const on = (state: 'running' | 'passed' | 'failed') => ({ index: 1, id: 'produce', state });

describe('the order of the rows', () => {
  it('stuck first (longest stuck first), then running (longest on the step first), not started, verified', () => {
    const rows = [
      row('v-bob', 'verified'),
      row('n-zed', 'not-started'),
      row('r-short', 'running', { current: on('running'), stepMs: 5_000, sinceMs: 5_000 }),
      row('s-recent', 'stuck', { current: on('failed'), stepMs: 36_000, sinceMs: 10_000 }),
      row('v-al', 'verified'),
      row('r-long', 'running', { current: on('running'), stepMs: 90_000, sinceMs: 90_000 }),
      row('s-long', 'stuck', { current: on('failed'), stepMs: 1_000, sinceMs: 600_000 }),
      row('n-amy', 'not-started'),
      // between two steps for 60 s: counted as 60 s on where they are
      row('r-between', 'running', { current: on('passed'), stepMs: 2_000, sinceMs: 60_000 }),
    ];
    expect(sortRows(rows, 'en').map((r) => r.learner)).toEqual([
      's-long',
      's-recent',
      'r-long',
      'r-between',
      'r-short',
      'n-amy',
      'n-zed',
      'v-al',
      'v-bob',
    ]);
  });

  it('ties are settled by name, in Chinese by pinyin', () => {
    const rows = ['张伟', '李娜', '王小明', '陈静'].map((name) => row(name, 'verified'));
    expect(sortRows(rows, 'zh').map((r) => r.learner)).toEqual(['陈静', '李娜', '王小明', '张伟']);
    const latin = ['bob', 'Alice', 'carol'].map((name) => row(name, 'not-started'));
    expect(sortRows(latin, 'en').map((r) => r.learner)).toEqual(['Alice', 'bob', 'carol']);
  });
});
