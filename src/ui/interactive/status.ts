import type { StepResult } from '../../engine/types.js';
import type { RailItem, RailState } from '../ink/components/progress-rail.js';
import type { WalkController } from './controller.js';
import { shownResult } from './setup.js';

function stateOf(result: StepResult | undefined): RailState {
  if (!result) return 'pending';
  if (result.status === 'skipped') return result.skipReason === 'condition' ? 'na' : 'skipped';
  return result.status;
}

/** Every step's state for the rail: running, this walk's result, else an earlier run's, else ahead. */
export function railItems(
  controller: WalkController,
  current: number | undefined,
  runningStep: string | undefined,
): RailItem[] {
  return controller.tutorial.steps.map((step, i) => {
    const shown = shownResult(controller, step.id);
    let state: RailState = stateOf(shown?.result);
    if (runningStep === step.id) state = 'running';
    else if (!shown && !controller.applies(step)) state = 'na';
    return {
      id: step.id,
      state,
      current: i === current,
      earlier: Boolean(shown?.earlier) && runningStep !== step.id,
    };
  });
}
