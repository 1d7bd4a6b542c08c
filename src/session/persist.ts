import os from 'node:os';
import { isSecretKey } from '../engine/secrets.js';
import type { EngineEvent, Tutorial } from '../engine/types.js';
import type { ProfileStore } from '../profile/store.js';

export interface PersistOptions {
  store: ProfileStore;
  profile: string;
  tutorial: Tutorial;
  lang: string;
  mode: string;
  runId: string;
}

/** The machine facts a support engineer asks first; nothing secret. */
export function environmentFacts(): Record<string, string> {
  return {
    mqTutor: process.env.npm_package_version ?? '',
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    locale: process.env.LC_ALL || process.env.LANG || '',
    terminal: process.env.TERM ?? '',
  };
}

/** Saves the parameters the user gave (secrets only when asked to). */
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
    if (!(key in tutorial.params)) continue;
    if (isSecretKey(key) || tutorial.params[key]?.type === 'secret') secrets[key] = value;
    else plain[key] = value;
  }
  store.saveParams(profile, tutorial.id, plain);
  if (saveSecrets && Object.keys(secrets).length > 0) store.saveSecrets(profile, tutorial.id, secrets);
}

/**
 * Writes the run into the profile as it happens, so that a run cut off at any moment (Ctrl-C, kill,
 * a closed terminal) can resume at the first step that did not pass.
 */
export function progressRecorder(options: PersistOptions): (event: EngineEvent) => void {
  const { store, profile, tutorial } = options;
  return (event) => {
    if (event.type === 'run-started') {
      const rerun = new Set(event.steps.filter((s) => s.willRun).map((s) => s.id));
      store.update(profile, tutorial.id, (state) => ({
        ...state,
        progress: Object.fromEntries(Object.entries(state.progress).filter(([step]) => !rerun.has(step))),
        lastRun: {
          runId: options.runId,
          startedAt: event.at,
          lang: options.lang,
          mode: options.mode,
          environment: environmentFacts(),
        },
      }));
    } else if (event.type === 'step-finished') {
      const r = event.result;
      // Steps that did not run keep what an earlier run recorded.
      if (r.status === 'skipped' && (r.skipReason === 'passed-earlier' || r.skipReason === 'before-start'))
        return;
      store.update(profile, tutorial.id, (state) => ({
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
      store.update(profile, tutorial.id, (state) => ({
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
