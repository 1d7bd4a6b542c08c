import type { ProgressEvent, Room, StepStatus } from './progress.js';

/** A step event as the board keeps it: the time parsed, nothing else of the message. */
export interface StepRecord {
  step: string;
  status: StepStatus;
  /** Epoch ms of the event's `at`. */
  at: number;
  code?: string;
  durationMs?: number;
}

/** One run of the tutorial by one learner: every distinct step event it published. */
export interface RunLog {
  id: string;
  /** The latest `at` among its events: runs are ordered by it. */
  lastAt: number;
  records: readonly StepRecord[];
}

export interface Learner {
  name: string;
  group?: string;
  /** When the learner joined (the earliest `joined` event), if that event has arrived. */
  joinedAt?: number;
  runs: Readonly<Record<string, RunLog>>;
}

/** How late an event reached the board: applied at `appliedAt`, published at `at`. */
export interface LagSample {
  kind: ProgressEvent['kind'];
  at: number;
  appliedAt: number;
  lagMs: number;
}

export interface Board {
  room: Room;
  learners: Readonly<Record<string, Learner>>;
  /** The most recent lag samples (at most LAG_SAMPLES), for the bench. */
  lag: readonly LagSample[];
}

export const LAG_SAMPLES = 2000;

export function emptyBoard(room: Room): Board {
  return { room, learners: {}, lag: [] };
}

/**
 * The board with one more event. Pure: the same board and event always give the same result, and
 * the board is returned unchanged (the same object) for an event it already holds, one for another
 * room or tutorial, or one naming a step the tutorial does not have. Events may come in any order;
 * every run is kept, and the view shows a learner's latest one.
 *
 * `appliedAt` (epoch ms, the caller's clock) records how late the event arrived; leave it out when
 * replaying history, whose lag means nothing.
 */
export function applyEvent(board: Board, event: ProgressEvent, appliedAt?: number): Board {
  const at = Date.parse(event.at);
  if (event.room !== board.room.id || Number.isNaN(at)) return board;
  const before = own(board.learners, event.learner) ?? { name: event.learner, runs: {} };
  const after =
    event.kind === 'joined' ? withJoined(before, event.group, at) : withStep(board, before, event, at);
  if (after === before) return board;
  const learners = { ...board.learners, [event.learner]: after };
  if (appliedAt === undefined) return { ...board, learners };
  const sample: LagSample = { kind: event.kind, at, appliedAt, lagMs: appliedAt - at };
  const lag = board.lag.length >= LAG_SAMPLES ? [...board.lag.slice(1), sample] : [...board.lag, sample];
  return { ...board, learners, lag };
}

/** A record's own entry: names come from users, and `constructor` or `__proto__` are names too. */
function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function withJoined(learner: Learner, group: string, at: number): Learner {
  if (learner.joinedAt !== undefined && learner.joinedAt <= at) return learner;
  return { ...learner, group, joinedAt: at };
}

function withStep(
  board: Board,
  learner: Learner,
  event: Extract<ProgressEvent, { kind: 'step' }>,
  at: number,
): Learner {
  if (event.tutorial !== board.room.tutorial) return learner;
  if (!board.room.steps.some((s) => s.id === event.step)) return learner;
  const run = own(learner.runs, event.run) ?? { id: event.run, lastAt: at, records: [] };
  const same = run.records.some((r) => r.step === event.step && r.status === event.status && r.at === at);
  if (same) return learner;
  const record: StepRecord = { step: event.step, status: event.status, at };
  if (event.code !== undefined) record.code = event.code;
  if (event.durationMs !== undefined) record.durationMs = event.durationMs;
  const next: RunLog = { id: run.id, lastAt: Math.max(run.lastAt, at), records: [...run.records, record] };
  return { ...learner, runs: { ...learner.runs, [run.id]: next } };
}

/** The learner's latest run: the one with the latest event (ties: the greater run id). */
export function latestRun(learner: Learner): RunLog | undefined {
  let latest: RunLog | undefined;
  for (const run of Object.values(learner.runs)) {
    if (!latest || run.lastAt > latest.lastAt || (run.lastAt === latest.lastAt && run.id > latest.id))
      latest = run;
  }
  return latest;
}
