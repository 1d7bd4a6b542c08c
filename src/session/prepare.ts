import path from 'node:path';
import { compiledTutorial } from '../engine/compiled.js';
import { listTutorials, loadTutorial } from '../engine/load.js';
import { type ParamLayers, type ResolvedParams, resolveParams } from '../engine/params.js';
import type { StepResult, Tutorial } from '../engine/types.js';
import type { ProgressEntry, TutorialState } from '../profile/schema.js';
import type { ProfileStore } from '../profile/store.js';
import { sandboxConnection } from '../sandbox/sandbox.js';
import { packageRoot, stepsRoot } from '../util/paths.js';

export class UnknownTutorialError extends Error {
  constructor(
    readonly tutorial: string,
    readonly known: string[],
  ) {
    super(`unknown tutorial ${tutorial}`);
    this.name = 'UnknownTutorialError';
  }
}

export function availableTutorials(root = stepsRoot()): string[] {
  return listTutorials(root);
}

const opened = new Map<string, Tutorial>();

/** A tutorial by id: from the build's compiled copy while its files are unchanged, else parsed; once per process. */
export function openTutorial(id: string, root = stepsRoot()): Tutorial {
  const known = listTutorials(root);
  if (!known.includes(id)) throw new UnknownTutorialError(id, known);
  const dir = path.join(root, id);
  let tutorial = opened.get(dir);
  if (!tutorial) {
    tutorial = compiledTutorial(path.join(packageRoot(), 'dist', 'tutorials.json'), dir) ?? loadTutorial(dir);
    opened.set(dir, tutorial);
  }
  return tutorial;
}

export interface SessionOptions {
  tutorial: Tutorial;
  profile: string;
  set: Record<string, string>;
  env: NodeJS.ProcessEnv;
  useSandbox: boolean;
  store: ProfileStore;
}

/** Everything a front end needs to start a run: parameters by layer and what earlier runs left. */
export interface PreparedSession {
  tutorial: Tutorial;
  profile: string;
  store: ProfileStore;
  layers: ParamLayers;
  resolved: ResolvedParams;
  state: TutorialState;
  /** Saved step results of earlier runs, usable by later steps (e.g. consume finds produce's message). */
  earlier: Record<string, StepResult>;
  /** Where a run should start: the first step not passed when the last run was cut off, else the first. */
  resumeAt?: string;
}

export function entryToResult(step: string, entry: ProgressEntry): StepResult {
  return {
    step,
    status: entry.status,
    durationMs: entry.durationMs,
    details: entry.details ?? {},
    ...(entry.diagnosis ? { diagnosis: entry.diagnosis } : {}),
    ...(entry.skipReason ? { skipReason: entry.skipReason } : {}),
  };
}

export function prepareSession(options: SessionOptions): PreparedSession {
  const { tutorial, store, profile } = options;
  const state = store.tutorial(profile, tutorial.id);
  const sandbox = options.useSandbox
    ? sandboxConnection(options.env)?.params[tutorial.id as 'ckafka' | 'rocketmq']
    : undefined;
  const layers: ParamLayers = {
    set: options.set,
    env: options.env,
    profile: { ...state.params, ...store.readSecrets(profile, tutorial.id) },
    sandbox,
  };
  const earlier = Object.fromEntries(
    Object.entries(state.progress).map(([step, entry]) => [step, entryToResult(step, entry)]),
  );
  return {
    tutorial,
    profile,
    store,
    layers,
    resolved: resolveParams(tutorial, layers),
    state,
    earlier,
    resumeAt: resumePoint(tutorial, state),
  };
}

/** After a run that was cut off, the first step that has not passed; undefined to start afresh. */
export function resumePoint(tutorial: Tutorial, state: TutorialState): string | undefined {
  const last = state.lastRun;
  if (!last || (last.finishedAt && !last.interrupted)) return undefined;
  const first = tutorial.steps.find((s) => {
    const status = state.progress[s.id]?.status;
    return (
      status !== 'passed' &&
      status !== 'warned' &&
      !(status === 'skipped' && state.progress[s.id]?.skipReason === 'condition')
    );
  });
  return first && first.id !== tutorial.steps[0]?.id ? first.id : undefined;
}
