import { conditionHolds, type ParamProblem, validateParams } from '../engine/params.js';
import { newRunId, runStep, type StepRunContext } from '../engine/runner.js';
import type { EngineEvent, RunSummary, StepDef, StepResult } from '../engine/types.js';
import { progressRecorder, saveParams } from './persist.js';
import type { PreparedSession } from './prepare.js';

export interface ControllerOptions {
  lang: string;
  mode: 'wizard' | 'plain';
  saveSecrets: boolean;
  onEvent?: (event: EngineEvent) => void;
}

/**
 * One interactive walk through a tutorial, step by step, for the front ends that ask questions:
 * they run, retry, skip or go back one step at a time; every parameter entered and every result
 * is saved as it happens.
 */
export class TutorialController {
  readonly session: PreparedSession;
  readonly runId = newRunId();
  readonly values: Record<string, string>;
  readonly results = new Map<string, StepResult>();
  readonly #record: (event: EngineEvent) => void;
  readonly #options: ControllerOptions;
  readonly #startedAt = Date.now();
  #started = false;
  saveSecrets: boolean;

  constructor(session: PreparedSession, options: ControllerOptions) {
    this.session = session;
    this.#options = options;
    this.saveSecrets = options.saveSecrets;
    this.values = { ...session.resolved.values };
    this.#record = progressRecorder({
      store: session.store,
      profile: session.profile,
      tutorial: session.tutorial,
      lang: options.lang,
      mode: options.mode,
      runId: this.runId,
    });
  }

  get tutorial() {
    return this.session.tutorial;
  }

  #emit = (event: EngineEvent) => {
    this.#record(event);
    this.#options.onEvent?.(event);
  };

  /** Whether a step applies with the current parameters (check-cert only for SASL_SSL, ...). */
  applies(step: StepDef): boolean {
    return conditionHolds(step.when, this.values);
  }

  /** The result to show for a step: this walk's, else an earlier run's. */
  resultFor(stepId: string): StepResult | undefined {
    return this.results.get(stepId) ?? this.session.earlier[stepId];
  }

  /** The parameters a step asks for that apply now, in the tutorial's order. */
  paramsOf(step: StepDef): string[] {
    return step.params.filter((id) => {
      const def = this.tutorial.params[id];
      return def !== undefined && conditionHolds(def.when, this.values);
    });
  }

  problemsFor(step: StepDef): ParamProblem[] {
    return validateParams(this.tutorial, [step], this.values);
  }

  /** Sets one parameter and saves it (a secret only when the user opted in). */
  setParam(key: string, value: string): void {
    this.values[key] = value;
    saveParams(this.session.store, this.session.profile, this.tutorial, { [key]: value }, this.saveSecrets);
  }

  #start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#emit({
      type: 'run-started',
      tutorial: this.tutorial.id,
      steps: this.tutorial.steps.map((s) => ({ id: s.id, willRun: false })),
      at: new Date(this.#startedAt).toISOString(),
    });
  }

  /** Runs one step now (again, if it ran before). */
  async run(stepId: string, signal: AbortSignal): Promise<StepResult> {
    const step = this.tutorial.steps.find((s) => s.id === stepId);
    if (!step) throw new Error(`no step ${stepId}`);
    this.#start();
    const ctx: StepRunContext = {
      tutorial: this.tutorial,
      values: this.values,
      signal,
      emit: this.#emit,
      runId: this.runId,
      runStartedAt: this.#startedAt,
      results: this.results,
      earlier: this.session.earlier,
    };
    return runStep(step, ctx);
  }

  /** Marks a step as skipped by the user. */
  skip(stepId: string): StepResult {
    this.#start();
    const result: StepResult = {
      step: stepId,
      status: 'skipped',
      durationMs: 0,
      details: {},
      skipReason: 'by-user',
    };
    this.results.set(stepId, result);
    this.#emit({ type: 'step-finished', tutorial: this.tutorial.id, result });
    return result;
  }

  summary(interrupted = false): RunSummary {
    const results = this.tutorial.steps
      .map((s) => this.results.get(s.id))
      .filter((r): r is StepResult => r !== undefined);
    const count = (status: StepResult['status']) => results.filter((r) => r.status === status).length;
    return {
      tutorial: this.tutorial.id,
      passed: count('passed'),
      failed: count('failed'),
      skipped: count('skipped'),
      warned: count('warned'),
      durationMs: Date.now() - this.#startedAt,
      interrupted,
      results,
    };
  }

  /** Records the end of the walk; an interrupted one resumes at its first step not passed. */
  finish(interrupted: boolean): RunSummary {
    const summary = this.summary(interrupted);
    if (this.#started) this.#emit({ type: 'run-finished', summary });
    return summary;
  }
}
