import type { ResolvedParams } from '../engine/params.js';
import type { Tutorial } from '../engine/types.js';
import type { ProfileStore } from './store.js';
import { isSecretParam } from './view.js';

/**
 * Records in the profile's last run which parameter values it used and where each came from
 * (secrets: the source only), so that `mq-tutor report` shows what the run really used, including
 * values that came from the sandbox or MQ_TUTOR_* variables and were never saved.
 * Call it after the run-started event has been recorded.
 */
export function recordRunParams(
  store: ProfileStore,
  profile: string,
  tutorial: Tutorial,
  runId: string,
  resolved: ResolvedParams,
): void {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(resolved.values)) {
    if (!isSecretParam(tutorial, key)) params[key] = value;
  }
  const paramSources = Object.fromEntries(
    Object.entries(resolved.sources).filter(([key]) =>
      isSecretParam(tutorial, key) ? Boolean(resolved.values[key]) : true,
    ),
  );
  store.update(profile, tutorial.id, (state) =>
    state.lastRun?.runId === runId
      ? { ...state, lastRun: { ...state.lastRun, params, paramSources } }
      : state,
  );
}
