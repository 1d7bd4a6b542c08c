import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EngineEvent, StepResult } from '../../../engine/types.js';
import { type Message, msg } from '../../../i18n/index.js';
import { ProfileStore } from '../../../profile/store.js';
import { TutorialController } from '../../../session/controller.js';
import { openTutorial, prepareSession } from '../../../session/prepare.js';
import type { OpenedWalk, OpenOptions } from '../../interactive/setup.js';

/**
 * Test support: the real ckafka tutorial and a real controller with its profile in a temporary
 * folder, whose steps do not touch the network but follow a script.
 */

export type StepScript = (ctx: {
  signal: AbortSignal;
  progress: (message: Message) => void;
}) => Promise<Omit<StepResult, 'step'>> | Omit<StepResult, 'step'>;

export const pass =
  (summary?: Message, durationMs = 12): StepScript =>
  () => ({ status: 'passed', durationMs, details: {}, ...(summary ? { summary } : {}) });

export const fail =
  (code = 'SASL_AUTH_FAILED', values: Record<string, string> = {}): StepScript =>
  () => ({
    status: 'failed',
    durationMs: 30,
    details: {},
    diagnosis: { code, values, cause: 'broker said no' },
  });

/** A step that runs until it is stopped, streaming one progress line first. */
export const untilStopped =
  (line: Message = msg('kafka.progress.joining', { group: 'tutorial-test' })): StepScript =>
  ({ signal, progress }) =>
    new Promise((resolve) => {
      progress(line);
      signal.addEventListener(
        'abort',
        () => resolve({ status: 'skipped', durationMs: 5, details: {}, skipReason: 'interrupted' }),
        {
          once: true,
        },
      );
    });

export class ScriptedController extends TutorialController {
  readonly scripts: Record<string, StepScript>;
  readonly emitted: EngineEvent[] = [];
  readonly #onEvent: (event: EngineEvent) => void;
  finished: boolean | undefined;
  runs: string[] = [];

  constructor(
    session: ReturnType<typeof prepareSession>,
    scripts: Record<string, StepScript>,
    onEvent: (event: EngineEvent) => void,
    lang = 'en',
  ) {
    const record = (event: EngineEvent) => {
      this.emitted.push(event);
      onEvent(event);
    };
    super(session, { lang, mode: 'wizard', saveSecrets: false, onEvent: record });
    this.scripts = scripts;
    this.#onEvent = record;
  }

  override async run(stepId: string, signal: AbortSignal): Promise<StepResult> {
    const step = this.tutorial.steps.find((s) => s.id === stepId);
    if (!step || !this.applies(step)) return super.run(stepId, signal);
    this.runs.push(stepId);
    const tutorial = this.tutorial.id;
    this.#onEvent({ type: 'step-started', tutorial, step: stepId, at: new Date().toISOString() });
    const script = this.scripts[stepId] ?? pass();
    const outcome = await script({
      signal,
      progress: (message) => this.#onEvent({ type: 'step-progress', tutorial, step: stepId, message }),
    });
    const result: StepResult = { step: stepId, ...outcome };
    this.results.set(stepId, result);
    this.#onEvent({ type: 'step-finished', tutorial, result });
    return result;
  }

  override finish(interrupted: boolean) {
    this.finished = interrupted;
    return super.finish(interrupted);
  }
}

/** Values under which every ckafka step applies and validates (SASL_SSL with a CA file that exists). */
export function sandboxLikeValues(): Record<string, string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mqt-ink-'));
  const ca = path.join(dir, 'CARoot.pem');
  writeFileSync(ca, 'not really a certificate\n');
  return {
    bootstrapServers: 'localhost:19095',
    securityProtocol: 'SASL_SSL',
    saslMechanism: 'PLAIN',
    username: 'ckafka-sandbox#learner',
    password: 'learner-secret',
    caFile: ca,
    checkHostname: 'false',
    topic: 'tutorial-topic',
    groupId: 'tutorial-group',
  };
}

export interface Scripted {
  controller?: ScriptedController;
  store: ProfileStore;
  configDir: string;
  open: (options: OpenOptions) => Promise<OpenedWalk>;
}

/** An `open` for WizardStore / plainWalk that builds a scripted controller over a temporary profile. */
export function scriptedOpen(
  scripts: Record<string, StepScript> = {},
  options: { set?: Record<string, string>; startAt?: number; resumed?: boolean } = {},
): Scripted {
  const configDir = mkdtempSync(path.join(os.tmpdir(), 'mqt-ink-config-'));
  const store = new ProfileStore({ MQ_TUTOR_CONFIG_DIR: configDir });
  const out: Scripted = {
    store,
    configDir,
    open: async (o) => {
      const session = prepareSession({
        tutorial: openTutorial(o.tutorialId),
        profile: o.profile,
        set: options.set ?? o.set,
        env: {},
        useSandbox: false,
        store,
      });
      const controller = new ScriptedController(session, scripts, o.onEvent, o.lang);
      controller.saveSecrets = o.saveSecrets;
      out.controller = controller;
      return {
        controller,
        release: () => {},
        startAt: options.startAt ?? 0,
        resumed: options.resumed ?? false,
        notices: [],
      };
    },
  };
  return out;
}
