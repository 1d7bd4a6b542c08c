import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { actionCatalogue } from '../../src/actions/registry.js';
import { diagnose } from '../../src/diagnosis/diagnose.js';
import { type ActionCatalogue, DiagnosedFailure, type EngineKit } from '../../src/engine/contract.js';
import type { EngineEvent, StepResult } from '../../src/engine/types.js';
import { type Message, msg } from '../../src/i18n/index.js';
import { ProfileStore } from '../../src/profile/store.js';
import { openSession, type SessionRequest } from '../../src/session/open.js';
import type { Session } from '../../src/session/session.js';
import { openTutorial } from '../../src/session/tutorials.js';

/**
 * Test support: the real ckafka tutorial and a real session with its profile in a temporary folder,
 * opened as the front ends open it; only the actions are replaced, by ones that follow a script and
 * never touch the network. The engine runs them as it runs the real ones.
 */

export type StepScript = (ctx: {
  signal: AbortSignal;
  progress: (message: Message) => void;
}) => Promise<ScriptedOutcome> | ScriptedOutcome;

export type ScriptedOutcome = Pick<StepResult, 'status' | 'details' | 'summary' | 'diagnosis' | 'skipReason'>;

export const pass =
  (summary?: Message): StepScript =>
  () => ({ status: 'passed', details: {}, ...(summary ? { summary } : {}) });

export const fail =
  (code = 'SASL_AUTH_FAILED', values: Record<string, string> = {}): StepScript =>
  () => ({ status: 'failed', details: {}, diagnosis: { code, values, cause: 'broker said no' } });

/** A step that runs until it is stopped, streaming one progress line first. */
export const untilStopped =
  (line: Message = msg('kafka.progress.joining', { group: 'tutorial-test' })): StepScript =>
  ({ signal, progress }) =>
    new Promise((resolve) => {
      progress(line);
      const stopped = () => resolve({ status: 'skipped', details: {}, skipReason: 'interrupted' });
      if (signal.aborted) stopped();
      else signal.addEventListener('abort', stopped, { once: true });
    });

/** Waits until `check` holds (the engine loads and starts actions asynchronously). */
export async function eventually(check: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not true within ${timeoutMs} ms: ${check.toString()}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** A tutorial's actions (ckafka's unless told), each following the script of the step that runs it. */
export function scriptedKit(
  scripts: Record<string, StepScript>,
  runs: string[] = [],
  tutorialId = 'ckafka',
): EngineKit {
  const tutorial = openTutorial(tutorialId);
  const actions: Record<string, ActionCatalogue[string]> = {};
  for (const step of tutorial.steps) {
    actions[step.action] = {
      ...actionCatalogue[step.action],
      reads: [],
      load: async () => ({
        action: {
          id: step.action,
          input: () => ({}),
          run: async (_input, ctx) => {
            runs.push(step.id);
            const outcome = await (scripts[step.id] ?? pass())({
              signal: ctx.signal,
              progress: ctx.progress,
            });
            if (outcome.status === 'failed')
              throw new DiagnosedFailure(outcome.diagnosis ?? { code: 'UNEXPECTED' }, outcome.details);
            if (outcome.status === 'skipped') throw ctx.signal.reason ?? new Error('stopped');
            return {
              status: outcome.status,
              details: outcome.details,
              summary: outcome.summary ?? msg('wizard.short.passed'),
            };
          },
        },
      }),
    };
  }
  return { actions, diagnose };
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
  session?: Session;
  store: ProfileStore;
  configDir: string;
  /** The steps whose action really ran, in order. */
  runs: string[];
  events: EngineEvent[];
  /** How the walk ended: true when it was recorded as interrupted. */
  readonly finishedInterrupted: boolean | undefined;
  open: (request: SessionRequest) => Promise<Session>;
}

/**
 * An `open` for WizardStore / plainWalk: the real openSession over a temporary profile folder, with
 * scripted actions and `set` given as if on the command line.
 */
export function scriptedOpen(
  scripts: Record<string, StepScript> = {},
  options: { set?: Record<string, string>; tutorial?: string } = {},
): Scripted {
  const configDir = mkdtempSync(path.join(os.tmpdir(), 'mqt-ink-config-'));
  const store = new ProfileStore({ MQ_TUTOR_CONFIG_DIR: configDir });
  const runs: string[] = [];
  const events: EngineEvent[] = [];
  const out: Scripted = {
    store,
    configDir,
    runs,
    events,
    get finishedInterrupted() {
      const end = events.find((e) => e.type === 'run-finished');
      return end?.type === 'run-finished' ? end.summary.interrupted : undefined;
    },
    open: async (request) => {
      const session = await openSession({
        ...request,
        set: options.set ?? request.set,
        env: { MQ_TUTOR_CONFIG_DIR: configDir },
        store,
        kit: scriptedKit(scripts, runs, options.tutorial ?? request.tutorial),
        onEvent: (event) => {
          events.push(event);
          request.onEvent?.(event);
        },
      });
      out.session = session;
      return session;
    },
  };
  return out;
}
