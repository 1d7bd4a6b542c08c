import type { Session } from '../../session/session.js';

/**
 * What the front ends that ask questions use of a session. The wizard and the line mode are both
 * written against this; their tests drive a real session whose actions follow a script.
 */
export type WalkController = Pick<
  Session,
  | 'tutorial'
  | 'profile'
  | 'values'
  | 'sources'
  | 'initial'
  | 'earlier'
  | 'results'
  | 'startAt'
  | 'resumed'
  | 'notices'
  | 'generated'
  | 'saveSecrets'
  | 'secretQuestionDue'
  | 'answerSecretQuestion'
  | 'applies'
  | 'paramsOf'
  | 'problemsFor'
  | 'setParam'
  | 'run'
  | 'skip'
  | 'resultFor'
  | 'summary'
  | 'finish'
  | 'release'
>;
