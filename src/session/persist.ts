import os from 'node:os';
import type { ResolvedParams } from '../engine/params.js';
import { isSecretParam } from '../engine/secrets.js';
import type { EngineEvent, Tutorial } from '../engine/types.js';
import type { ProfileStore } from '../profile/store.js';

export interface PersistOptions {
  store: ProfileStore;
  profile: string;
  tutorial: Tutorial;
  lang: string;
  mode: string;
  runId: string;
  /** Where the tutorial's files are, for a `report` later on a tutorial from outside the package. */
  tutorialDir: string;
}

/** The machine facts a support engineer asks first; nothing secret. */
export function environmentFacts(version: string): Record<string, string> {
  return {
    mqTutor: version,
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    locale: process.env.LC_ALL || process.env.LANG || '',
    terminal: process.env.TERM ?? '',
  };
}

/** Saves parameters the caller has already checked (secrets only when asked to). */
export function saveParams(
  store: ProfileStore,
  profile: string,
  tutorial: Tutorial,
  values: Record<string, string>,
  saveSecrets: boolean,
): void {
  const plain: Record<string, string> = {};
  const secrets: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    const def = tutorial.params[key];
    if (!def) continue;
    if (isSecretParam(def)) secrets[key] = value;
    else plain[key] = value;
  }
  if (Object.keys(plain).length > 0) store.saveParams(profile, tutorial, plain);
  if (saveSecrets && Object.keys(secrets).length > 0) store.saveSecrets(profile, tutorial, secrets);
}

/**
 * The values a run used and where each came from (secrets: the source only), so that `report`
 * shows what the run really used, including values from the sandbox or MQ_TUTOR_* variables.
 */
export function usedParams(tutorial: Tutorial, resolved: ResolvedParams) {
  const params: Record<string, string> = {};
  const paramSources: Record<string, string> = {};
  for (const [key, value] of Object.entries(resolved.values)) {
    const secret = isSecretParam(tutorial.params[key]);
    if (!secret) params[key] = value;
    if (!secret || value) paramSources[key] = resolved.sources[key] ?? 'default';
  }
  return { params, paramSources };
}

/**
 * Writes the run into the profile as it happens, so that a run cut off at any moment (Ctrl-C, kill,
 * a closed terminal) can resume at the first step that did not pass. `used` is asked for the values
 * in force whenever a step starts (the interactive walks let the user change them on the way).
 */
export function progressRecorder(
  options: PersistOptions & { version: string; used: () => ResolvedParams },
): (event: EngineEvent) => void {
  const { store, profile, tutorial } = options;
  const recordUsed = () =>
    store.update(profile, tutorial, (state) =>
      state.lastRun?.runId === options.runId
        ? { ...state, lastRun: { ...state.lastRun, ...usedParams(tutorial, options.used()) } }
        : state,
    );
  return (event) => {
    if (event.type === 'run-started') {
      const rerun = new Set(event.steps.filter((s) => s.willRun).map((s) => s.id));
      store.update(profile, tutorial, (state) => ({
        ...state,
        progress: Object.fromEntries(Object.entries(state.progress).filter(([step]) => !rerun.has(step))),
        lastRun: {
          runId: options.runId,
          startedAt: event.at,
          lang: options.lang,
          mode: options.mode,
          tutorialDir: options.tutorialDir,
          environment: environmentFacts(options.version),
          ...usedParams(tutorial, options.used()),
        },
      }));
    } else if (event.type === 'step-started') {
      recordUsed();
    } else if (event.type === 'step-finished') {
      const r = event.result;
      // Steps that did not run keep what an earlier run recorded.
      if (r.status === 'skipped' && (r.skipReason === 'passed-earlier' || r.skipReason === 'before-start'))
        return;
      store.update(profile, tutorial, (state) => ({
        ...state,
        progress: {
          ...state.progress,
          [r.step]: {
            status: r.status,
            at: new Date().toISOString(),
            durationMs: r.durationMs,
            details: r.details,
            ...(r.diagnosis ? { diagnosis: r.diagnosis } : {}),
            ...(r.skipReason ? { skipReason: r.skipReason } : {}),
          },
        },
      }));
    } else if (event.type === 'run-finished') {
      store.update(profile, tutorial, (state) => ({
        ...state,
        lastRun: state.lastRun && {
          ...state.lastRun,
          finishedAt: new Date().toISOString(),
          interrupted: event.summary.interrupted,
        },
      }));
    }
  };
}
