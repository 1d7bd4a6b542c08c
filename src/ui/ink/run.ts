import { render } from 'ink';
import { createElement } from 'react';
import { type Lang, t } from '../../i18n/index.js';
import { EXIT, type ExitCode } from '../../session/exit-codes.js';
import { openStore, type SessionRequest } from '../../session/open.js';
import { checkedTutorial, profileChoices, profileFromFlags, tutorialChoices } from '../interactive/setup.js';
import { type WizardState, WizardStore } from '../interactive/wizard.js';
import { App } from './app.js';
import { ThemeContext, themeFromEnv } from './theme.js';

/**
 * `mq-tutor` and `mq-tutor run <tutorial>`: the full-screen wizard. Resolves with the exit code once
 * the walk is over: 0/1 from the summary, 2 for a usage problem, 130 when stopped (q, Ctrl-C, signal).
 */
export async function runWizard(request: SessionRequest, tutorialId: string | undefined): Promise<ExitCode> {
  const lang: Lang = request.lang;
  const profiles = openStore(request.env ?? process.env, { writable: true });
  const store = new WizardStore({
    lang,
    flags: { ...request, store: profiles, mode: 'wizard' },
    signal: request.signal,
  });
  const fixedProfile = profileFromFlags(request);
  let resolveExit: (state: WizardState) => void = () => {};
  const exited = new Promise<WizardState>((resolve) => {
    resolveExit = resolve;
  });
  const app = createElement(App, {
    store,
    lang,
    tutorials: () => tutorialChoices(lang),
    profiles: (id: string) => profileChoices(profiles, checkedTutorial(id)),
    ...(tutorialId ? { tutorialId } : {}),
    ...(fixedProfile ? { profile: { name: fixedProfile, sandbox: request.sandbox } } : {}),
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
