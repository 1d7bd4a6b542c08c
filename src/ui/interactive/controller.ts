import type { TutorialController } from '../../session/controller.js';

/**
 * What the front ends use of the engine's controller. Both the wizard and the line mode are written
 * against this, so that their tests can drive them with a scripted controller.
 */
export type WalkController = Pick<
  TutorialController,
  | 'tutorial'
  | 'session'
  | 'values'
  | 'results'
  | 'saveSecrets'
  | 'applies'
  | 'paramsOf'
  | 'problemsFor'
  | 'setParam'
  | 'run'
  | 'skip'
  | 'resultFor'
  | 'summary'
  | 'finish'
>;
