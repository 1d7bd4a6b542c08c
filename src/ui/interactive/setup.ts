import { sandboxErrorText } from '../../cli/commands/sandbox.js';
import type { EngineEvent, StepResult, Tutorial } from '../../engine/types.js';
import { type Lang, t } from '../../i18n/index.js';
import { damageNotices } from '../../profile/notice.js';
import { ProfileNameError, ProfileStore } from '../../profile/store.js';
import { sandboxUp } from '../../sandbox/sandbox.js';
import { checkTutorialArgs } from '../../session/check-args.js';
import { TutorialController } from '../../session/controller.js';
import { availableTutorials, openTutorial, prepareSession } from '../../session/prepare.js';
import { acquireRunLock, ProfileBusyError } from '../../session/run-lock.js';
import type { WalkController } from './controller.js';

/**
 * Opening a walk for the interactive front ends (wizard and line mode): the same checks and
 * preparation as `setupRun` in cli/commands/run.ts, but with the tutorial and the profile chosen
 * on screen rather than fixed by flags.
 */

/** A problem with what was asked for (unknown tutorial, --set key, --step, sandbox): exit 2. */
export class WalkUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WalkUsageError';
  }
}

export interface TutorialChoice {
  id: string;
  title: string;
  summary: string;
}

export function tutorialChoices(lang: Lang): TutorialChoice[] {
  return availableTutorials().map((id) => {
    const tutorial = openTutorial(id);
    return { id, title: tutorial.title[lang], summary: tutorial.summary[lang] };
  });
}

/** The profile the flags fix, or undefined when the user picks one on screen. */
export function profileFromFlags(options: { profile?: string; sandbox: boolean }): string | undefined {
  return options.profile ?? (options.sandbox ? 'sandbox' : undefined);
}

export const SANDBOX_PROFILE = 'sandbox';

export interface ProfileChoice {
  name: string;
  /** The local sandbox brokers: started if needed, their connection used under the profile. */
  sandbox: boolean;
  exists: boolean;
  /** Steps of this tutorial that passed in earlier runs. */
  passed: number;
  total: number;
  lastRunAt?: string;
}

/** Existing profiles first (with what they hold for this tutorial), then the sandbox and "default". */
export function profileChoices(store: ProfileStore, tutorial: Tutorial): ProfileChoice[] {
  const names = store.list();
  const describe = (name: string, sandbox: boolean): ProfileChoice => {
    const exists = names.includes(name);
    const state = exists ? store.peek(name, tutorial.id) : undefined;
    const passed = tutorial.steps.filter((s) => {
      const status = state?.progress[s.id]?.status;
      return status === 'passed' || status === 'warned';
    }).length;
    return {
      name,
      sandbox,
      exists,
      passed,
      total: tutorial.steps.length,
      ...(state?.lastRun ? { lastRunAt: state.lastRun.startedAt } : {}),
    };
  };
  const choices = names.filter((n) => n !== SANDBOX_PROFILE).map((n) => describe(n, false));
  if (!names.includes('default')) choices.push(describe('default', false));
  choices.push(describe(SANDBOX_PROFILE, true));
  return choices;
}

const PROFILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Why a new profile name cannot be used, or undefined when it can. */
export function profileNameProblem(lang: Lang, name: string): string | undefined {
  if (!PROFILE_NAME.test(name)) return t(lang, 'wizard.profile.badName');
  return undefined;
}

export interface OpenOptions {
  lang: Lang;
  tutorialId: string;
  profile: string;
  sandbox: boolean;
  set: Record<string, string>;
  step?: string;
  saveSecrets: boolean;
  mode: 'wizard' | 'plain';
  onEvent: (event: EngineEvent) => void;
  signal: AbortSignal;
  env?: NodeJS.ProcessEnv;
  store?: ProfileStore;
  /** Told once the sandbox is being started (it may take a minute the first time). */
  onSandboxStarting?: () => void;
}

export interface OpenedWalk {
  controller: WalkController;
  /** Gives up the profile's run lock (one run per profile and tutorial at a time). */
  release: () => void;
  /** Where to start: --step, else where a cut-off run stopped, else the first step. */
  startAt: number;
  resumed: boolean;
  notices: string[];
}

/** The tutorial the flags name, or WalkUsageError with the CLI's own wording of what is wrong. */
export function checkedTutorial(
  lang: Lang,
  id: string,
  set: Record<string, string> = {},
  step?: string,
): Tutorial {
  const checked = checkTutorialArgs(lang, id, set, step);
  if (!checked.tutorial) throw new WalkUsageError(checked.problem);
  return checked.tutorial;
}

export async function openWalk(options: OpenOptions): Promise<OpenedWalk> {
  const { lang } = options;
  const tutorial = checkedTutorial(lang, options.tutorialId, options.set, options.step);
  if (options.sandbox) {
    options.onSandboxStarting?.();
    try {
      await sandboxUp({
        signal: options.signal,
        // A tutorial needs one broker; a running one that answers is trusted (as `run --sandbox` does).
        only: [tutorial.id === 'rocketmq' ? 'rocketmq' : 'kafka'],
        quick: true,
        ...(options.env ? { env: options.env } : {}),
      });
    } catch (error) {
      if (options.signal.aborted) throw error;
      const text = sandboxErrorText(lang, error);
      if (text === undefined) throw error;
      throw new WalkUsageError(text);
    }
  }
  const store = options.store ?? new ProfileStore(options.env);
  let session: ReturnType<typeof prepareSession>;
  try {
    session = prepareSession({
      tutorial,
      profile: options.profile,
      set: options.set,
      env: options.env ?? process.env,
      useSandbox: options.sandbox,
      store,
    });
  } catch (error) {
    if (error instanceof ProfileNameError) throw new WalkUsageError(t(lang, 'wizard.profile.badName'));
    throw error;
  }
  const notices = damageNotices(lang, store);
  let release: () => void;
  try {
    release = acquireRunLock(store, options.profile, tutorial.id);
  } catch (error) {
    if (!(error instanceof ProfileBusyError)) throw error;
    throw new WalkUsageError(
      t(lang, 'ui.profileBusy', { profile: error.profile, tutorial: error.tutorial, pid: error.pid }),
    );
  }
  const controller = new TutorialController(session, {
    lang,
    mode: options.mode,
    saveSecrets: options.saveSecrets,
    onEvent: options.onEvent,
  });
  // What was given with --set is remembered, as with --yes.
  for (const [key, value] of Object.entries(options.set)) controller.setParam(key, value);
  const startId = options.step ?? session.resumeAt;
  const startAt = Math.max(0, startId ? tutorial.steps.findIndex((s) => s.id === startId) : 0);
  return {
    controller,
    release,
    startAt,
    resumed: !options.step && session.resumeAt !== undefined,
    notices,
  };
}

/** A step's result to show: this walk's, else an earlier run's (flagged). */
export function shownResult(
  controller: WalkController,
  stepId: string,
): { result: StepResult; earlier: boolean } | undefined {
  const now = controller.results.get(stepId);
  if (now) return { result: now, earlier: false };
  const before = controller.session.earlier[stepId];
  return before ? { result: before, earlier: true } : undefined;
}
