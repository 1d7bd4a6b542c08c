import type { EngineEvent } from '../engine/types.js';
import type { StepEvent } from './progress.js';

/** The code a step cut off by the learner is published with. */
export const INTERRUPTED = 'INTERRUPTED';

export interface RunIdentity {
  room: string;
  learner: string;
  tutorial: string;
  /** This run of the tutorial. */
  run: string;
  version: string;
}

/**
 * The progress event a learner's run publishes for an engine event, or undefined when the board has
 * nothing to learn from it. Only the step, its status, its diagnosis code and its duration leave the
 * learner's machine: never a detail, a parameter or a message. A step skipped because it passed in
 * an earlier run counts as passed; a step not reached is not published at all. `running` is the
 * step that started last.
 */
export function progressOf(
  event: EngineEvent,
  who: RunIdentity,
  at: string,
  running?: string,
): StepEvent | undefined {
  const base = { v: 1 as const, kind: 'step' as const, ...who, at };
  if (event.type === 'step-started') return { ...base, step: event.step, status: 'started' };
  if (event.type !== 'step-finished') return undefined;
  const r = event.result;
  if (r.status === 'skipped') {
    if (r.skipReason === 'passed-earlier') return { ...base, step: r.step, status: 'passed' };
    // The learner stopped the run (Ctrl-C, a closed window) in the middle of this step: the board
    // shows where they stopped rather than a step that seems to run for ever.
    if (r.skipReason === 'interrupted' && r.step === running)
      return { ...base, step: r.step, status: 'failed', code: INTERRUPTED, durationMs: r.durationMs };
    if (r.skipReason === 'before-start' || r.skipReason === 'after-failure' || r.skipReason === 'interrupted')
      return undefined;
    return { ...base, step: r.step, status: 'skipped', durationMs: r.durationMs };
  }
  return {
    ...base,
    step: r.step,
    status: r.status,
    durationMs: r.durationMs,
    ...(r.status === 'failed' && r.diagnosis ? { code: r.diagnosis.code } : {}),
  };
}
