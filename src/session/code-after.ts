import path from 'node:path';
import { type GeneratedSet, generateInto } from '../codegen/generate.js';
import { CODE_LANGUAGES, MissingParamsError } from '../codegen/model.js';
import { networkStepId } from '../codegen/route.js';
import type { ActionCatalogue } from '../engine/contract.js';
import type { StepResult, Tutorial } from '../engine/types.js';
import type { Lang } from '../i18n/index.js';

/**
 * Whether this run verified the round trip: a step whose action verifies it passed, and nothing
 * failed. What counts is the action a step runs, not what the step is called.
 */
export function roundTripVerified(
  tutorial: Tutorial,
  results: readonly StepResult[],
  actions: ActionCatalogue,
): boolean {
  const verifying = new Set(tutorial.steps.filter((s) => actions[s.action]?.verifies).map((s) => s.id));
  const passed = results.some(
    (r) => verifying.has(r.step) && (r.status === 'passed' || r.status === 'warned'),
  );
  return passed && results.every((r) => r.status !== 'failed');
}

export interface CodeAfterVerify {
  tutorial: Tutorial;
  profile: string;
  values: Readonly<Record<string, string | undefined>>;
  results: readonly StepResult[];
  lang: Lang;
  /** `--out`: the programs go to `<outDir>/python` and `<outDir>/ts`. */
  outDir: string;
  actions: ActionCatalogue;
  nameServer?: string;
}

/** After a verified round trip, the learner's own producer and consumer, filled with what just worked. */
export function writeCodeAfterVerify(options: CodeAfterVerify): GeneratedSet[] {
  if (!roundTripVerified(options.tutorial, options.results, options.actions)) return [];
  const networkStep = networkStepId(options.tutorial);
  const network = options.results.find((r) => r.step === networkStep)?.details;
  try {
    return CODE_LANGUAGES.map((language) =>
      generateInto(
        path.resolve(options.outDir, language),
        {
          tutorial: options.tutorial,
          language,
          values: options.values,
          profile: options.profile,
          lang: options.lang,
          ...(options.nameServer ? { nameServer: options.nameServer } : {}),
          ...(network ? { network } : {}),
        },
        true,
      ),
    );
  } catch (error) {
    if (error instanceof MissingParamsError) return [];
    throw error;
  }
}
