import { type ParamLayers, type ResolvedParams, resolveParams } from '../engine/params.js';
import type { StepResult, Tutorial } from '../engine/types.js';
import type { ProgressEntry, TutorialState } from '../profile/schema.js';
import type { ParamBag } from '../sandbox/params.js';

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

/** Saved step results of earlier runs, usable by later steps (e.g. consume finds produce's message). */
export function earlierResults(state: TutorialState): Record<string, StepResult> {
  return Object.fromEntries(
    Object.entries(state.progress).map(([step, entry]) => [step, entryToResult(step, entry)]),
  );
}

/**
 * The sandbox's way of reaching the broker that fits this tutorial and what the user gave: the
 * first set whose choices (e.g. securityProtocol) the tutorial allows and the user did not
 * contradict. Only the tutorial's own parameters are taken from it.
 */
export function sandboxLayer(
  tutorial: Tutorial,
  sets: readonly ParamBag[] | undefined,
  given: Readonly<Record<string, string | undefined>>,
): ParamBag | undefined {
  if (!sets || sets.length === 0) return undefined;
  const fits = (bag: ParamBag) =>
    Object.entries(bag).every(([key, value]) => {
      const def = tutorial.params[key];
      if (def?.type !== 'enum') return true;
      return (def.choices ?? []).includes(value) && (given[key] === undefined || given[key] === value);
    });
  const bag = sets.find(fits) ?? sets[0] ?? {};
  return Object.fromEntries(Object.entries(bag).filter(([key]) => key in tutorial.params));
}

/** Values the user gave in any layer above the sandbox (--set, MQ_TUTOR_*, the profile). */
function givenAbove(tutorial: Tutorial, layers: ParamLayers): Record<string, string | undefined> {
  const above = resolveParams(tutorial, { set: layers.set, env: layers.env, profile: layers.profile });
  return Object.fromEntries(Object.entries(above.values).filter(([key]) => above.sources[key] !== 'default'));
}

/** Parameters by layer, resolved in DESIGN order, with the sandbox's set chosen to fit. */
export function resolveLayers(
  tutorial: Tutorial,
  layers: Omit<ParamLayers, 'sandbox'>,
  sandboxSets?: readonly ParamBag[],
): { layers: ParamLayers; resolved: ResolvedParams } {
  const sandbox = sandboxLayer(tutorial, sandboxSets, givenAbove(tutorial, layers));
  const all: ParamLayers = { ...layers, sandbox };
  return { layers: all, resolved: resolveParams(tutorial, all) };
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
