import { type GeneratedSet, SecretLeakError } from '../codegen/generate.js';
import type { EngineKit } from '../engine/contract.js';
import {
  conditionHolds,
  type ParamProblem,
  type ParamSource,
  type ResolvedParams,
  validateParams,
  valueProblem,
} from '../engine/params.js';
import { newRunId, runStep, runTutorial, type StepRunContext } from '../engine/runner.js';
import { isSecretParam } from '../engine/secrets.js';
import type { EngineEvent, RunSummary, StepDef, StepResult, Tutorial } from '../engine/types.js';
import type { Lang, Message } from '../i18n/index.js';
import type { ProfileStore } from '../profile/store.js';
import { packageVersion } from '../util/version.js';
import { writeCodeAfterVerify } from './code-after.js';
import { progressRecorder, saveParams } from './persist.js';

export interface SessionInit {
  tutorial: Tutorial;
  profile: string;
  store: ProfileStore;
  resolved: ResolvedParams;
  earlier: Record<string, StepResult>;
  startAt: number;
  resumed: boolean;
  notices: string[];
  saveSecrets: boolean;
  out?: string;
  lang: Lang;
  mode: string;
  kit: EngineKit;
  /** The sandbox's name server, when the values point at its gRPC proxy (for generated code). */
  sandboxNameServer?: (endpoints: string) => string | undefined;
  release: () => void;
  onEvent?: (event: EngineEvent) => void;
}

/**
 * One run of one tutorial on one profile, for every front end: the values in force and where each
 * came from, every step's result, the run lock, and the profile kept up to date as it happens
 * (progress, the values used, what the user typed). The interactive walks run, retry and skip
 * steps one at a time; `--yes` and `--json` run them all in order.
 */
export class Session {
  readonly tutorial: Tutorial;
  readonly profile: string;
  readonly store: ProfileStore;
  readonly runId = newRunId();
  readonly values: Record<string, string>;
  readonly sources: Record<string, ParamSource>;
  /** The values and sources as the session opened, before anything was typed. */
  readonly initial: ResolvedParams;
  readonly results = new Map<string, StepResult>();
  readonly earlier: Readonly<Record<string, StepResult>>;
  /** Where to start: --step, else where a cut-off run stopped, else the first step. */
  readonly startAt: number;
  readonly resumed: boolean;
  /** Lines to show once before the first step (a damaged profile, a secret on the command line). */
  readonly notices: string[];
  /** Programs written after the round trip was verified (`--out`). */
  generated: GeneratedSet[] = [];
  /** A generated file would have held a secret, so nothing was written (the file's name). */
  codeLeak?: string;
  saveSecrets: boolean;
  readonly #init: SessionInit;
  readonly #record: (event: EngineEvent) => void;
  readonly #listeners = new Set<(event: EngineEvent) => void>();
  readonly #typedSecrets = new Set<string>();
  readonly #startedAt = Date.now();
  #secretQuestionAnswered = false;
  #started = false;
  #finished = false;
  #outputClosed = false;

  constructor(init: SessionInit) {
    this.#init = init;
    this.tutorial = init.tutorial;
    this.profile = init.profile;
    this.store = init.store;
    this.values = { ...init.resolved.values };
    this.sources = { ...init.resolved.sources };
    this.initial = init.resolved;
    this.earlier = init.earlier;
    this.startAt = init.startAt;
    this.resumed = init.resumed;
    this.notices = init.notices;
    this.saveSecrets = init.saveSecrets;
    if (init.onEvent) this.#listeners.add(init.onEvent);
    this.#record = progressRecorder({
      store: init.store,
      profile: init.profile,
      tutorial: init.tutorial,
      lang: init.lang,
      mode: init.mode,
      runId: this.runId,
      tutorialDir: init.tutorial.dir,
      version: packageVersion(),
      used: () => ({ values: this.values, sources: this.sources }),
    });
  }

  /** Another listener for the engine's events (a front end that is created after the session). */
  listen(listener: (event: EngineEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #emit = (event: EngineEvent) => {
    if (event.type === 'run-finished' && this.#outputClosed)
      event = { ...event, summary: { ...event.summary, interrupted: false } };
    this.#record(event);
    for (const listener of this.#listeners) listener(event);
  };

  /** Whether a step applies with the current parameters (check-cert only for SASL_SSL, ...). */
  applies(step: StepDef): boolean {
    return conditionHolds(step.when, this.values);
  }

  /** The result to show for a step: this walk's, else an earlier run's. */
  resultFor(stepId: string): StepResult | undefined {
    return this.results.get(stepId) ?? this.earlier[stepId];
  }

  /** The parameters a step asks for that apply now, in the step's order. */
  paramsOf(step: StepDef): string[] {
    return step.params.filter((id) => {
      const def = this.tutorial.params[id];
      return def !== undefined && conditionHolds(def.when, this.values);
    });
  }

  problemsFor(step: StepDef): ParamProblem[] {
    return validateParams(this.tutorial, [step], this.values);
  }

  /**
   * Sets one parameter. A value that validation refuses is kept for this walk only (the step will
   * not run with it) and never saved; a valid one is saved, a secret only when the user opted in.
   * Returns the problem, if any.
   */
  setParam(key: string, value: string, options: { typed?: boolean } = {}): Message | undefined {
    const def = this.tutorial.params[key];
    if (!def) return undefined;
    this.values[key] = value;
    if (options.typed) this.sources[key] = 'typed';
    const problem = valueProblem(def, value, this.values);
    if (problem) return problem;
    if (isSecretParam(def) && options.typed) this.#typedSecrets.add(key);
    saveParams(this.store, this.profile, this.tutorial, { [key]: value }, this.saveSecrets);
    return undefined;
  }

  /** Whether to ask, once, if the secrets typed so far may be kept in the profile. */
  get secretQuestionDue(): boolean {
    return !this.saveSecrets && !this.#secretQuestionAnswered && this.#typedSecrets.size > 0;
  }

  /** The answer to that question: yes keeps exactly the secrets typed in this walk, nothing else. */
  answerSecretQuestion(keep: boolean): void {
    this.#secretQuestionAnswered = true;
    if (!keep) return;
    this.saveSecrets = true;
    const typed = Object.fromEntries([...this.#typedSecrets].map((key) => [key, this.values[key] ?? '']));
    saveParams(this.store, this.profile, this.tutorial, typed, true);
  }

  #context(signal: AbortSignal): StepRunContext {
    return {
      kit: this.#init.kit,
      tutorial: this.tutorial,
      values: this.values,
      signal,
      emit: this.#emit,
      runId: this.runId,
      runStartedAt: this.#startedAt,
      results: this.results,
      earlier: this.earlier,
    };
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

  /** Runs one step now (again, if it ran before): the interactive walks. */
  async run(stepId: string, signal: AbortSignal): Promise<StepResult> {
    const step = this.tutorial.steps.find((s) => s.id === stepId);
    if (!step) throw new Error(`no step ${stepId}`);
    this.#start();
    return runStep(step, this.#context(signal));
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

  /**
   * Every step from the start in order, stopping at the first failure (`--yes`, `--json`). Throws
   * ParamsInvalidError, before anything is sent, when a value the steps need is missing or wrong.
   */
  async runAll(signal: AbortSignal): Promise<RunSummary> {
    this.#started = true;
    const summary = await runTutorial({
      kit: this.#init.kit,
      tutorial: this.tutorial,
      values: this.values,
      startAt: this.tutorial.steps[this.startAt]?.id,
      signal,
      onEvent: this.#emit,
      earlier: this.earlier,
      runId: this.runId,
    });
    for (const r of summary.results) this.results.set(r.step, r);
    this.#finished = true;
    this.#afterRun(summary);
    return summary;
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

  /** Ends an interactive walk; an interrupted one resumes at its first step not passed. */
  finish(interrupted: boolean): RunSummary {
    const summary = this.summary(interrupted);
    if (this.#started && !this.#finished) {
      this.#finished = true;
      this.#emit({ type: 'run-finished', summary });
      this.#afterRun(summary);
    }
    return summary;
  }

  /**
   * Nobody reads the output any more (`| head` has all it wanted): the run stops, and is recorded
   * as ended rather than cut off, so the next run starts afresh instead of resuming in the middle.
   */
  markOutputClosed(): void {
    this.#outputClosed = true;
  }

  #afterRun(summary: RunSummary): void {
    if (summary.interrupted || !this.#init.out) return;
    try {
      this.generated = writeCodeAfterVerify({
        tutorial: this.tutorial,
        profile: this.profile,
        values: this.values,
        results: summary.results,
        lang: this.#init.lang,
        outDir: this.#init.out,
        actions: this.#init.kit.actions,
        nameServer: this.#init.sandboxNameServer?.(this.values.endpoints ?? ''),
      });
    } catch (error) {
      if (!(error instanceof SecretLeakError)) throw error;
      this.codeLeak = error.file;
    }
  }

  /** Gives up the run lock (one run per profile and tutorial at a time). */
  release(): void {
    this.#init.release();
  }
}
