import type { ResolvedParams } from '../engine/params.js';
import { isSecretParam } from '../engine/secrets.js';
import type { Session } from './session.js';

/**
 * What the user gave on the command line is remembered in the profile, the same way for every
 * front end: a `--set` value when validation accepts it (a refused one is never saved, so it cannot
 * break later runs), and with `--save-secrets` also a secret given in an MQ_TUTOR_* variable.
 * Values from the sandbox, from other variables, and defaults are not copied.
 */
export function persistGiven(session: Session, resolved: ResolvedParams, saveSecrets: boolean): void {
  for (const [key, value] of Object.entries(resolved.values)) {
    const source = resolved.sources[key];
    const secret = isSecretParam(session.tutorial.params[key]);
    if (source === 'set' || (saveSecrets && secret && source === 'env')) session.setParam(key, value);
  }
}
