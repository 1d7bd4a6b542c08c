import type { Lang } from '../i18n/index.js';
import type { BoardRow, RowState } from './row.js';

const RANK: Record<RowState, number> = { stuck: 0, running: 1, 'not-started': 2, verified: 3 };

/** How long the learner has been where they are: on a running step, or since their last event. */
function waiting(row: BoardRow): number {
  return row.current?.state === 'running' ? (row.stepMs ?? 0) : row.sinceMs;
}

/**
 * The order the instructor reads the room in: the stuck first (longest stuck first), then those
 * on their way (longest on their current step first), then those not started, then the verified;
 * names (in the room's language's collation) settle ties.
 */
export function sortRows(rows: readonly BoardRow[], lang: Lang): BoardRow[] {
  const byName = new Intl.Collator(lang === 'zh' ? 'zh-CN' : 'en');
  return [...rows].sort((a, b) => {
    const rank = RANK[a.state] - RANK[b.state];
    if (rank !== 0) return rank;
    const timed = a.state === 'stuck' || a.state === 'running' ? waiting(b) - waiting(a) : 0;
    return timed || byName.compare(a.learner, b.learner) || (a.learner < b.learner ? -1 : 1);
  });
}
