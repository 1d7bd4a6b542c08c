import { render } from 'ink';
import { createElement } from 'react';
import { type ParsedCli, parseSetPairs } from '../../cli/args.js';
import { EXIT, type ExitCode } from '../../cli/exit-codes.js';
import { type Lang, t } from '../../i18n/index.js';
import { ProfileStore } from '../../profile/store.js';
import {
  checkedTutorial,
  openWalk,
  profileChoices,
  profileFromFlags,
  tutorialChoices,
} from '../interactive/setup.js';
import { type WizardState, WizardStore } from '../interactive/wizard.js';
import { App } from './app.js';
import { ThemeContext, themeFromEnv } from './theme.js';

/**
 * `mq-tutor` and `mq-tutor run <tutorial>`: the full-screen wizard. Resolves with the exit code once
 * the walk is over: 0/1 from the summary, 2 for a usage problem, 130 when stopped (q, Ctrl-C, signal).
 */
export async function runWizard(
  cli: ParsedCli,
  lang: Lang,
  tutorialId: string | undefined,
  signal: AbortSignal,
): Promise<ExitCode> {
  const set = parseSetPairs(cli.options.set);

  const profiles = new ProfileStore();
  const store = new WizardStore({
    lang,
    flags: { set, step: cli.options.step, saveSecrets: cli.options.saveSecrets },
    signal,
    open: (options) => openWalk({ ...options, store: profiles }),
  });
  const fixedProfile = profileFromFlags(cli.options);
  let resolveExit: (state: WizardState) => void = () => {};
  const exited = new Promise<WizardState>((resolve) => {
    resolveExit = resolve;
  });
  const app = createElement(App, {
    store,
    lang,
    tutorials: () => tutorialChoices(lang),
    profiles: (id: string) => profileChoices(profiles, checkedTutorial(lang, id)),
    ...(tutorialId ? { tutorialId } : {}),
    ...(fixedProfile ? { profile: { name: fixedProfile, sandbox: cli.options.sandbox } } : {}),
    onExit: resolveExit,
  });
  const instance = render(createElement(ThemeContext.Provider, { value: themeFromEnv() }, app), {
    exitOnCtrlC: false,
  });
  const final = await exited;
  instance.unmount();
  await instance.waitUntilExit().catch(() => undefined);
  if (final.error) process.stderr.write(`${final.error}\n`);
  if (final.exitCode === EXIT.interrupted) process.stderr.write(`${t(lang, 'cli.interrupted')}\n`);
  return final.exitCode ?? EXIT.ok;
}
