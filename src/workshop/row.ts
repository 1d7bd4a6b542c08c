import { type Learner, latestRun, type StepRecord } from './board.js';
import { printable } from './printable.js';
import type { Room } from './progress.js';

/** A step's state in a learner's latest run, as one cell of the board. */
export type CellState = 'pending' | 'running' | 'passed' | 'warned' | 'failed' | 'skipped';

/**
 * Where a learner is: stuck (their last step event failed), running (somewhere in the tutorial),
 * not started (joined, no step yet), verified (the last step passed or warned).
 */
export type RowState = 'stuck' | 'running' | 'not-started' | 'verified';

export interface BoardRow {
  learner: string;
  group?: string;
  state: RowState;
  /** One per step of the room, in the tutorial's order. */
  cells: CellState[];
  /** The step of the learner's latest event. */
  current?: { index: number; id: string; state: CellState };
  /** The current step's time: so far while it runs, else how long it took (when known). */
  stepMs?: number;
  /** Time since the learner's latest event (for a stuck learner: how long stuck). */
  sinceMs: number;
  /** The latest diagnosis code of the run. */
  code?: string;
  verified: boolean;
}

const END: Record<StepRecord['status'], number> = { started: 0, passed: 1, warned: 1, failed: 1, skipped: 1 };

/** Oldest first; in the same millisecond, the tutorial's order, and a step's end after its start. */
function chronological(records: readonly StepRecord[], order: Map<string, number>): StepRecord[] {
  return [...records].sort(
    (a, b) =>
      a.at - b.at ||
      (order.get(a.step) ?? 0) - (order.get(b.step) ?? 0) ||
      END[a.status] - END[b.status] ||
      a.status.localeCompare(b.status),
  );
}

/** A learner's row at time `now`, from their latest run. */
export function learnerRow(learner: Learner, room: Room, now: number): BoardRow {
  const order = new Map(room.steps.map((s, i) => [s.id, i]));
  const records = chronological(latestRun(learner)?.records ?? [], order);
  const latestOf = new Map<string, StepRecord>();
  const startOf = new Map<string, StepRecord>();
  let code: string | undefined;
  for (const r of records) {
    latestOf.set(r.step, r);
    if (r.status === 'started') startOf.set(r.step, r);
    if (r.code) code = r.code;
  }
  const last = records.at(-1);
  const cells: CellState[] = room.steps.map((s) => {
    const r = latestOf.get(s.id);
    if (!r) return 'pending';
    // A start with no end that is not the latest event: its end never came (e.g. the run was cut).
    if (r.status === 'started') return r === last ? 'running' : 'pending';
    return r.status;
  });
  const verified = ['passed', 'warned'].includes(cells.at(-1) ?? '');
  const state: RowState = verified
    ? 'verified'
    : !last
      ? 'not-started'
      : last.status === 'failed'
        ? 'stuck'
        : 'running';
  const row: BoardRow = {
    learner: printable(learner.name),
    state,
    cells,
    sinceMs: last ? Math.max(0, now - last.at) : 0,
    verified,
  };
  if (learner.group !== undefined) row.group = printable(learner.group);
  if (code !== undefined) row.code = printable(code);
  if (last) {
    const index = order.get(last.step) ?? 0;
    row.current = { index, id: last.step, state: cells[index] ?? 'pending' };
    const took = stepTime(last, startOf.get(last.step), now);
    if (took !== undefined) row.stepMs = took;
  }
  return row;
}

function stepTime(last: StepRecord, start: StepRecord | undefined, now: number): number | undefined {
  if (last.status === 'started') return Math.max(0, now - last.at);
  if (last.durationMs !== undefined) return last.durationMs;
  return start && start.at <= last.at ? last.at - start.at : undefined;
}
