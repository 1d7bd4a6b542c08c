import type { StepResult } from '../engine/types.js';

/** An earlier step did its work: it passed, or passed with a warning (e.g. one dead server of a list). */
export function succeeded(result: StepResult | undefined): result is StepResult {
  return result?.status === 'passed' || result?.status === 'warned';
}
