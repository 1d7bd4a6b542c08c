import type { Board, LagSample } from './board.js';

export interface LagFigures {
  count: number;
  p50: number;
  p95: number;
  max: number;
}

/** The p-th percentile (0..1) of sorted values, nearest rank. */
function percentile(sorted: readonly number[], p: number): number {
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length)));
  return sorted[rank - 1] ?? 0;
}

/**
 * How late events reached the board, for the bench: from an event's `at` to when it was applied.
 * Only events applied with an `appliedAt` count; `since` (epoch ms) leaves out events published
 * before it, e.g. the history a board opened late is fed first. Undefined when none count.
 */
export function boardLag(
  board: Board,
  options: { kind?: LagSample['kind']; since?: number } = {},
): LagFigures | undefined {
  const { kind, since } = options;
  const lags = board.lag
    .filter((s) => (kind === undefined || s.kind === kind) && (since === undefined || s.at >= since))
    .map((s) => s.lagMs)
    .sort((a, b) => a - b);
  if (lags.length === 0) return undefined;
  return {
    count: lags.length,
    p50: percentile(lags, 0.5),
    p95: percentile(lags, 0.95),
    max: lags.at(-1) ?? 0,
  };
}
