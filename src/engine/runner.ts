import { randomBytes } from 'node:crypto';
import { redact } from '../util/secrets.js';
import { sleep } from '../util/wait.js';
import { type ActionContext, DiagnosedFailure, type EngineKit } from './contract.js';
import { conditionHolds, type ParamProblem, validateParams } from './params.js';
import { secretParamIds } from './secrets.js';
import type { EngineEvent, RunSummary, StepDef, StepResult, Tutorial } from './types.js';

/** How long an interrupted action gets to clean up (leave its group, close sockets). */
const CLEANUP_GRACE_MS = 5000;

export class ParamsInvalidError extends Error {
  constructor(readonly problems: ParamProblem[]) {
    super(`invalid parameters: ${problems.map((p) => p.param).join(', ')}`);
    this.name = 'ParamsInvalidError';
  }
}

export interface StepRunContext {
  kit: EngineKit;
  tutorial: Tutorial;
  values: Record<string, string>;
  signal: AbortSignal;
  emit: (event: EngineEvent) => void;
  runId: string;
  runStartedAt: number;
  /** Results of this run so far, by step id. */
  results: Map<string, StepResult>;
  /** Saved results of earlier runs, by step id. */
  earlier?: Readonly<Record<string, StepResult>>;
}

export function newRunId(): string {
  return `mqt-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}

function secretValues(tutorial: Tutorial, values: Record<string, string>): string[] {
  return secretParamIds(tutorial)
    .map((id) => values[id])
    .filter((v): v is string => Boolean(v));
}

function abortPromise(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

/** Runs one step: its condition, its action under the step's time limit, and the diagnosis of a failure. */
export async function runStep(step: StepDef, ctx: StepRunContext): Promise<StepResult> {
  const tutorialId = ctx.tutorial.id;
  const started = Date.now();
  const finish = (result: Omit<StepResult, 'step' | 'durationMs'>): StepResult => {
    const full: StepResult = { step: step.id, durationMs: Date.now() - started, ...result };
    ctx.results.set(step.id, full);
    ctx.emit({ type: 'step-finished', tutorial: tutorialId, result: full });
    return full;
  };
  if (!conditionHolds(step.when, ctx.values)) {
    const result: StepResult = {
      step: step.id,
      status: 'skipped',
      durationMs: 0,
      details: {},
      skipReason: 'condition',
    };
    ctx.results.set(step.id, result);
    ctx.emit({ type: 'step-finished', tutorial: tutorialId, result });
    return result;
  }
  ctx.emit({
    type: 'step-started',
    tutorial: tutorialId,
    step: step.id,
    at: new Date(started).toISOString(),
  });

  const timeout = AbortSignal.timeout(step.timeoutSeconds * 1000);
  const signal = AbortSignal.any([ctx.signal, timeout]);
  const secrets = secretValues(ctx.tutorial, ctx.values);
  const actionCtx: ActionContext = {
    signal,
    deadline: started + step.timeoutSeconds * 1000,
    runId: ctx.runId,
    runStartedAt: ctx.runStartedAt,
    services: ctx.kit.services ?? {},
    progress: (message, data) => {
      if (!signal.aborted)
        ctx.emit({ type: 'step-progress', tutorial: tutorialId, step: step.id, message, data });
    },
    resultOf: (actionId) => {
      const mine = [...ctx.tutorial.steps].reverse().find((s) => s.action === actionId);
      if (!mine) return undefined;
      // A step that did not run now (skipped, e.g. passed earlier) leaves its earlier result in force.
      const now = ctx.results.get(mine.id);
      if (now && now.status !== 'skipped') return now;
      return ctx.earlier?.[mine.id] ?? now;
    },
  };

  let work: Promise<Awaited<ReturnType<typeof run>>> | undefined;
  const run = async () => {
    const entry = ctx.kit.actions[step.action];
    if (!entry) throw new Error(`unknown action ${step.action}`);
    const { action } = await entry.load();
    const input = action.input(ctx.values, step.with);
    return action.run(input, actionCtx);
  };
  try {
    work = run();
    const outcome = await Promise.race([work, abortPromise(signal)]);
    return finish({
      status: outcome.status,
      details: outcome.details,
      summary: outcome.summary,
      notes: outcome.notes,
    });
  } catch (error) {
    if (ctx.signal.aborted) {
      // Give the action a moment to leave its group and close its connections.
      if (work) await Promise.race([work.catch(() => undefined), sleep(CLEANUP_GRACE_MS)]);
      return finish({ status: 'skipped', details: {}, skipReason: 'interrupted' });
    }
    if (work) void work.catch(() => undefined);
    if (error instanceof DiagnosedFailure) {
      return finish({ status: 'failed', details: error.details, diagnosis: scrub(error.diagnosis, secrets) });
    }
    const diagnosis = ctx.kit.diagnose(error, {
      action: step.action,
      values: ctx.values,
      timedOut: timeout.aborted,
      timeoutSeconds: step.timeoutSeconds,
    });
    return finish({ status: 'failed', details: {}, diagnosis: scrub(diagnosis, secrets) });
  }
}

function scrub<T extends { cause?: string }>(diagnosis: T, secrets: string[]): T {
  return diagnosis.cause ? { ...diagnosis, cause: redact(diagnosis.cause, secrets) } : diagnosis;
}

export interface RunOptions {
  kit: EngineKit;
  tutorial: Tutorial;
  values: Record<string, string>;
  /** Step to start at; earlier steps are reported as skipped. */
  startAt?: string;
  signal: AbortSignal;
  onEvent: (event: EngineEvent) => void;
  earlier?: Readonly<Record<string, StepResult>>;
  runId?: string;
}

/** The index of `stepId` in the tutorial, or 0. */
export function stepIndex(tutorial: Tutorial, stepId: string | undefined): number {
  if (!stepId) return 0;
  const index = tutorial.steps.findIndex((s) => s.id === stepId);
  return Math.max(index, 0);
}

/** Runs the tutorial's steps in order from `startAt`, stopping at the first failure. */
export async function runTutorial(options: RunOptions): Promise<RunSummary> {
  const { tutorial, values } = options;
  const start = stepIndex(tutorial, options.startAt);
  const toRun = tutorial.steps.slice(start);
  const problems = validateParams(tutorial, toRun, values);
  if (problems.length) throw new ParamsInvalidError(problems);

  const runStartedAt = Date.now();
  const ctx: StepRunContext = {
    kit: options.kit,
    tutorial,
    values,
    signal: options.signal,
    emit: options.onEvent,
    runId: options.runId ?? newRunId(),
    runStartedAt,
    results: new Map(),
    earlier: options.earlier,
  };
  options.onEvent({
    type: 'run-started',
    tutorial: tutorial.id,
    steps: tutorial.steps.map((s, i) => ({
      id: s.id,
      willRun: i >= start && conditionHolds(s.when, values),
    })),
    at: new Date(runStartedAt).toISOString(),
  });
  const skip = (step: StepDef, skipReason: StepResult['skipReason']) => {
    const result: StepResult = { step: step.id, status: 'skipped', durationMs: 0, details: {}, skipReason };
    ctx.results.set(step.id, result);
    options.onEvent({ type: 'step-finished', tutorial: tutorial.id, result });
  };
  for (const step of tutorial.steps.slice(0, start)) {
    const before = options.earlier?.[step.id]?.status;
    skip(step, before === 'passed' || before === 'warned' ? 'passed-earlier' : 'before-start');
  }

  let stopReason: StepResult['skipReason'];
  for (const step of toRun) {
    if (stopReason) {
      skip(step, stopReason);
      continue;
    }
    if (options.signal.aborted) {
      stopReason = 'interrupted';
      skip(step, stopReason);
      continue;
    }
    const result = await runStep(step, ctx);
    if (result.skipReason === 'interrupted') stopReason = 'interrupted';
    else if (result.status === 'failed') stopReason = 'after-failure';
  }

  const results = tutorial.steps.map((s) => ctx.results.get(s.id)).filter((r): r is StepResult => Boolean(r));
  const count = (status: StepResult['status']) => results.filter((r) => r.status === status).length;
  const summary: RunSummary = {
    tutorial: tutorial.id,
    passed: count('passed'),
    failed: count('failed'),
    skipped: count('skipped'),
    warned: count('warned'),
    durationMs: Date.now() - runStartedAt,
    interrupted: stopReason === 'interrupted',
    results,
  };
  options.onEvent({ type: 'run-finished', summary });
  return summary;
}
