import { type Lang, t } from '../i18n/index.js';
import type { Room } from './progress.js';
import type { BoardRow } from './row.js';

export interface StuckAt {
  step: string;
  learners: number;
  /** Diagnosis codes of the learners stuck there, most learners first. */
  codes: { code: string; learners: number }[];
}

export interface BoardCounts {
  /** The room's size: the expected seats, or more if more learners joined. */
  total: number;
  verified: number;
  running: number;
  /** Joined with no step yet, plus expected seats nobody has taken. */
  notStarted: number;
  /** One entry per step someone is stuck at, most learners first. */
  stuck: StuckAt[];
}

const byCount = <T extends { learners: number }>(key: (x: T) => string | number) => {
  return (a: T, b: T) => {
    const ka = key(a);
    const kb = key(b);
    return b.learners - a.learners || (ka < kb ? -1 : ka > kb ? 1 : 0);
  };
};

export function countRoom(rows: readonly BoardRow[], room: Room): BoardCounts {
  const stuck = new Map<string, Map<string, number>>();
  const stuckCount = new Map<string, number>();
  let verified = 0;
  let running = 0;
  let joinedNotStarted = 0;
  for (const row of rows) {
    if (row.state === 'verified') verified += 1;
    else if (row.state === 'running') running += 1;
    else if (row.state === 'not-started') joinedNotStarted += 1;
    else if (row.current) {
      const step = row.current.id;
      stuckCount.set(step, (stuckCount.get(step) ?? 0) + 1);
      const codes = stuck.get(step) ?? new Map<string, number>();
      if (row.code) codes.set(row.code, (codes.get(row.code) ?? 0) + 1);
      stuck.set(step, codes);
    }
  }
  const order = new Map(room.steps.map((s, i) => [s.id, i]));
  const stuckAt: StuckAt[] = [...stuckCount]
    .map(([step, learners]) => ({
      step,
      learners,
      codes: [...(stuck.get(step) ?? [])]
        .map(([code, n]) => ({ code, learners: n }))
        .sort(byCount((c) => c.code)),
    }))
    .sort(byCount((s) => order.get(s.step) ?? 0));
  const expected = room.learners ?? 0;
  return {
    total: Math.max(expected, rows.length),
    verified,
    running,
    notStarted: joinedNotStarted + Math.max(0, expected - rows.length),
    stuck: stuckAt,
  };
}

/**
 * The room in one line: `22/30 verified · 5 stuck at consume (CONSUME_NOT_SEEN 3, SASL_AUTH_FAILED
 * 2) · 3 not started`. A clause whose count is zero is left out (the verified one always shows).
 */
export function countLine(counts: BoardCounts, lang: Lang): string {
  const clauses = [t(lang, 'workshop.count.verified', { verified: counts.verified, total: counts.total })];
  for (const at of counts.stuck) {
    const codes = at.codes.map((c) => `${c.code} ${c.learners}`).join(t(lang, 'workshop.count.listSep'));
    const key = codes ? 'workshop.count.stuckWithCodes' : 'workshop.count.stuck';
    clauses.push(t(lang, key, { n: at.learners, step: at.step, codes }));
  }
  if (counts.running > 0) clauses.push(t(lang, 'workshop.count.running', { n: counts.running }));
  if (counts.notStarted > 0) clauses.push(t(lang, 'workshop.count.notStarted', { n: counts.notStarted }));
  return clauses.join(' · ');
}
