import type { StepResult, Tutorial } from '../../engine/types.js';
import { type Lang, t } from '../../i18n/index.js';
import { isProfileName, type ProfileStore } from '../../profile/store.js';
import { checkRequest } from '../../session/open.js';
import { openTutorial, tutorialEntries } from '../../session/tutorials.js';
import type { WalkController } from './controller.js';

/** Choices the interactive front ends offer before a walk opens: the tutorial and the profile. */

export interface TutorialChoice {
  id: string;
  title: string;
  summary: string;
}

/** The built-in tutorials, then an instructor's own (MQ_TUTOR_TUTORIALS); one that cannot load is left out. */
export function tutorialChoices(lang: Lang, env: NodeJS.ProcessEnv = process.env): TutorialChoice[] {
  return tutorialEntries(env).flatMap((entry) => {
    try {
      const tutorial = openTutorial(entry.id, env);
      return [{ id: entry.id, title: tutorial.title[lang], summary: tutorial.summary[lang] }];
    } catch {
      return [];
    }
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

/** Why a new profile name cannot be used, or undefined when it can. */
export function profileNameProblem(lang: Lang, name: string): string | undefined {
  return isProfileName(name) ? undefined : t(lang, 'wizard.profile.badName');
}

/** The tutorial the flags name, checked as the command line checks it (SessionError otherwise). */
export function checkedTutorial(id: string, set: Record<string, string> = {}, step?: string): Tutorial {
  return checkRequest({ tutorial: id, set, step }).tutorial;
}

/** A step's result to show: this walk's, else an earlier run's (flagged). */
export function shownResult(
  controller: WalkController,
  stepId: string,
): { result: StepResult; earlier: boolean } | undefined {
  const now = controller.results.get(stepId);
  if (now) return { result: now, earlier: false };
  const before = controller.earlier[stepId];
  return before ? { result: before, earlier: true } : undefined;
}
