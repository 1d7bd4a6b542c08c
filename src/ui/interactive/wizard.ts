import type { EngineEvent, RunSummary, StepDef, StepResult } from '../../engine/types.js';
import type { Lang, Message } from '../../i18n/index.js';
import { SessionError } from '../../session/errors.js';
import { EXIT, type ExitCode } from '../../session/exit-codes.js';
import { openSession, type SessionRequest } from '../../session/open.js';
import type { WalkController } from './controller.js';
import { formProblems, isSecret, visibleFields } from './form.js';

export type Phase = 'start' | 'opening' | 'overview' | 'step' | 'summary' | 'stopping' | 'exit';

/** One run of one step: its streamed progress and, once over, its result. */
export interface Attempt {
  key: string;
  stepId: string;
  startedAt: number;
  progress: Message[];
  result?: StepResult;
}

export interface WizardState {
  phase: Phase;
  /** While opening: whether the sandbox brokers are being started. */
  startingSandbox: boolean;
  walk?: WalkController;
  profile?: string;
  /** The step on screen. */
  index: number;
  /** Form values as typed, for every parameter of the tutorial. */
  drafts: Record<string, string>;
  /** Secrets the user typed in this walk (shown as one dot per character, not a fixed mask). */
  typedSecrets: string[];
  running?: Attempt;
  /** The latest attempt of each step in this walk. */
  attempts: Record<string, Attempt>;
  /** Finished attempts in order: they move into Ink's <Static> transcript. */
  transcript: Attempt[];
  /** The one-time question whether typed secrets may be kept in the profile. */
  askSaveSecrets: boolean;
  notices: string[];
  /** A problem that ends the wizard (printed after the screen closes). */
  error?: string;
  summary?: RunSummary;
  exitCode?: ExitCode;
}

/** What the command line fixed for the walk (the tutorial and profile are chosen on screen). */
export type WizardFlags = Pick<
  SessionRequest,
  'set' | 'step' | 'saveSecrets' | 'out' | 'env' | 'store' | 'useSandbox' | 'onEvent'
> & {
  mode?: 'wizard' | 'plain';
};

export type OpenWalk = (request: SessionRequest) => Promise<WalkController>;

export interface WizardOptions {
  lang: Lang;
  flags: WizardFlags;
  /** Aborted by SIGINT/SIGTERM (cli/main.ts): the wizard stops as if q was pressed. */
  signal: AbortSignal;
  open?: OpenWalk;
  /** Every engine event of the walk (the line mode prints them). */
  onEvent?: (event: EngineEvent) => void;
  now?: () => number;
}

/** Where every walk begins: the start screen, nothing entered yet. */
export const initialWizardState: WizardState = {
  phase: 'start',
  startingSandbox: false,
  index: 0,
  drafts: {},
  typedSecrets: [],
  attempts: {},
  transcript: [],
  askSaveSecrets: false,
  notices: [],
};

/**
 * The wizard's state and everything it does, outside React: the screens render a snapshot and call
 * these methods on key presses. Engine events stream into the running attempt; every parameter and
 * result is saved by the controller as it happens.
 */
export class WizardStore {
  #state: WizardState = initialWizardState;
  readonly #listeners = new Set<() => void>();
  readonly #abort = new AbortController();
  readonly #options: WizardOptions;
  readonly #now: () => number;
  #pending: Promise<unknown> | undefined;
  #quitting: Promise<void> | undefined;
  #attempts = 0;

  constructor(options: WizardOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    if (options.signal.aborted) queueMicrotask(() => void this.quit());
    else options.signal.addEventListener('abort', () => void this.quit(), { once: true });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  getSnapshot = (): WizardState => this.#state;

  get state(): WizardState {
    return this.#state;
  }

  get controller(): WalkController | undefined {
    return this.#state.walk;
  }

  get lang(): Lang {
    return this.#options.lang;
  }

  /** A promise for the step running now, if any (tests wait on it). */
  get pending(): Promise<unknown> | undefined {
    return this.#pending;
  }

  #set(patch: Partial<WizardState>): void {
    this.#state = { ...this.#state, ...patch };
    if (this.#state.phase === 'exit') this.#state.walk?.release();
    for (const listener of this.#listeners) listener();
  }

  #stopped(): boolean {
    return this.#state.phase === 'stopping' || this.#state.phase === 'exit';
  }

  onEvent = (event: EngineEvent): void => {
    this.#options.onEvent?.(event);
    // The request's own listener too (a workshop learner's progress publisher).
    this.#options.flags.onEvent?.(event);
    const running = this.#state.running;
    if (event.type === 'step-progress' && running && event.step === running.stepId) {
      this.#set({ running: { ...running, progress: [...running.progress, event.message] } });
    }
  };

  /** Opens the chosen tutorial and profile (starting the sandbox when chosen), then shows the overview. */
  async choose(choice: { tutorialId: string; profile: string; sandbox: boolean }): Promise<void> {
    if (this.#state.phase !== 'start') return;
    this.#set({ phase: 'opening', profile: choice.profile });
    const open = this.#options.open ?? openSession;
    const { flags, lang } = this.#options;
    let walk: WalkController;
    try {
      walk = await open({
        ...flags,
        mode: flags.mode ?? 'wizard',
        lang,
        tutorial: choice.tutorialId,
        profile: choice.profile,
        sandbox: choice.sandbox,
        onEvent: this.onEvent,
        signal: this.#abort.signal,
        onSandboxStarting: () => this.#set({ startingSandbox: true }),
      });
    } catch (error) {
      if (this.#abort.signal.aborted) {
        this.#set({ phase: 'exit', exitCode: EXIT.interrupted });
        return;
      }
      if (error instanceof SessionError) {
        this.#set({ phase: 'exit', error: error.render(lang), exitCode: EXIT.usage });
        return;
      }
      throw error;
    }
    if (this.#stopped()) {
      walk.release();
      return;
    }
    this.#set({
      phase: 'overview',
      walk,
      startingSandbox: false,
      index: walk.startAt,
      drafts: { ...walk.values },
      notices: walk.notices,
    });
  }

  /** Starts the walk at a step (the overview's choice). */
  async begin(index: number): Promise<void> {
    if (this.#state.phase !== 'overview') return;
    this.#set({ phase: 'step' });
    await this.#moveTo(index, 1);
  }

  get step(): StepDef | undefined {
    return this.controller?.tutorial.steps[this.#state.index];
  }

  /** The first step at or after (or before) `index` that applies; steps passed over forwards are recorded as not needed. */
  async #moveTo(index: number, direction: 1 | -1): Promise<void> {
    const controller = this.controller;
    if (!controller) return;
    const steps = controller.tutorial.steps;
    let i = index;
    while (i >= 0 && i < steps.length) {
      const step = steps[i] as StepDef;
      if (controller.applies(step)) break;
      if (direction === 1) {
        const result = await controller.run(step.id, this.#abort.signal);
        this.#finishAttempt(
          { key: this.#nextKey(step.id), stepId: step.id, startedAt: this.#now(), progress: [] },
          result,
        );
      }
      i += direction;
    }
    if (this.#stopped()) return;
    if (i >= steps.length) {
      this.#set({ phase: 'summary', summary: controller.finish(false) });
      return;
    }
    if (i < 0) return;
    this.#set({ index: i, askSaveSecrets: false });
  }

  #nextKey(stepId: string): string {
    this.#attempts += 1;
    return `${stepId}#${this.#attempts}`;
  }

  #finishAttempt(attempt: Attempt, result: StepResult): void {
    const done = { ...attempt, result };
    this.#set({
      attempts: { ...this.#state.attempts, [attempt.stepId]: done },
      transcript: [...this.#state.transcript, done],
      running: this.#state.running?.key === attempt.key ? undefined : this.#state.running,
    });
  }

  setDraft(key: string, value: string, typed = true): void {
    const typedSecrets =
      typed && this.controller?.tutorial.params[key] && isSecret(this.controller.tutorial.params[key])
        ? [...new Set([...this.#state.typedSecrets, key])]
        : this.#state.typedSecrets;
    this.#set({ drafts: { ...this.#state.drafts, [key]: value }, typedSecrets });
  }

  /** Problems with the current step's form, by parameter. */
  problems(): Map<string, Message> {
    const controller = this.controller;
    const step = this.step;
    if (!controller || !step) return new Map();
    return formProblems(visibleFields(controller.tutorial, step, this.#state.drafts), this.#state.drafts);
  }

  /** Hands what was typed to the session (which saves what validates); the keys handed over. */
  #commit(keys?: readonly string[]): string[] {
    const controller = this.controller;
    if (!controller) return [];
    const changed: string[] = [];
    for (const [key, value] of Object.entries(this.#state.drafts)) {
      if (keys && !keys.includes(key)) continue;
      if (controller.values[key] === value) continue;
      if (value === '' && controller.values[key] === undefined) continue;
      controller.setParam(key, value, { typed: true });
      changed.push(key);
    }
    return changed;
  }

  /** Runs the step on screen with the form's values; false when the form still has problems. */
  run(): boolean {
    const controller = this.controller;
    const step = this.step;
    if (!controller || !step || this.#state.running || this.#state.phase !== 'step') return false;
    if (this.problems().size > 0) return false;
    this.#commit(visibleFields(controller.tutorial, step, this.#state.drafts).map((d) => d.id));
    if (controller.secretQuestionDue) {
      this.#set({ askSaveSecrets: true });
      return true;
    }
    this.#start(step);
    return true;
  }

  /** The answer to "keep the secrets you typed in the profile?" (the session keeps exactly those); then the step runs. */
  answerSaveSecrets(save: boolean): void {
    const controller = this.controller;
    const step = this.step;
    if (!controller || !step || !this.#state.askSaveSecrets) return;
    this.#set({ askSaveSecrets: false });
    controller.answerSecretQuestion(save);
    this.#start(step);
  }

  #start(step: StepDef): void {
    const controller = this.controller as WalkController;
    const attempt: Attempt = {
      key: this.#nextKey(step.id),
      stepId: step.id,
      startedAt: this.#now(),
      progress: [],
    };
    this.#set({ running: attempt });
    const work = controller.run(step.id, this.#abort.signal).then(
      (result) => {
        const running = this.#state.running?.key === attempt.key ? this.#state.running : attempt;
        this.#finishAttempt(running, result);
      },
      (error: unknown) => {
        this.#set({
          running: undefined,
          phase: 'exit',
          error: error instanceof Error ? error.message : String(error),
          exitCode: EXIT.stepFailed,
        });
      },
    );
    this.#pending = work;
  }

  /** Moves on to the next step that applies (or to the summary). */
  async next(): Promise<void> {
    if (this.#state.phase !== 'step' || this.#state.running) return;
    await this.#moveTo(this.#state.index + 1, 1);
  }

  /** Back to the previous step that applies. */
  async back(): Promise<void> {
    if (this.#state.phase !== 'step' || this.#state.running) return;
    await this.#moveTo(this.#state.index - 1, -1);
  }

  /** Skips the step on screen and moves on. */
  async skip(): Promise<void> {
    const controller = this.controller;
    const step = this.step;
    if (!controller || !step || this.#state.phase !== 'step' || this.#state.running) return;
    const result = controller.skip(step.id);
    this.#finishAttempt(
      { key: this.#nextKey(step.id), stepId: step.id, startedAt: this.#now(), progress: [] },
      result,
    );
    await this.next();
  }

  /**
   * q, Ctrl-C, SIGINT or SIGTERM: stops the running action (the engine gives it up to 5 s to leave its
   * consumer group), saves what was typed, records the walk as interrupted, exits 130.
   */
  quit(): Promise<void> {
    this.#quitting ??= this.#quit();
    return this.#quitting;
  }

  async #quit(): Promise<void> {
    if (this.#stopped()) return;
    if (this.#state.phase === 'summary') {
      this.close();
      return;
    }
    this.#set({ phase: 'stopping', askSaveSecrets: false });
    this.#abort.abort(new Error('interrupted'));
    await this.#pending?.catch(() => undefined);
    this.#commit();
    this.controller?.finish(true);
    this.#set({ phase: 'exit', exitCode: EXIT.interrupted });
  }

  /** Leaves the summary: 0 when no step failed in this walk, else 1. */
  close(): void {
    if (this.#state.phase !== 'summary') return;
    const failed = [...(this.controller?.results.values() ?? [])].some((r) => r.status === 'failed');
    this.#set({ phase: 'exit', exitCode: failed ? EXIT.stepFailed : EXIT.ok });
  }
}
