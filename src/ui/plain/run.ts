import type { ExitCode } from '../../session/exit-codes.js';
import { openStore, type SessionRequest } from '../../session/open.js';
import { checkedTutorial, profileChoices, profileFromFlags, tutorialChoices } from '../interactive/setup.js';
import { catchCtrlC } from './ctrl-c.js';
import { inquirerAsk } from './prompts.js';
import { plainWalk } from './walk.js';

/**
 * `--plain`: the same walk as the wizard, as numbered questions (@inquirer/prompts) and printed
 * results. Needs a terminal for the questions; cli/commands/run.ts refuses to start without one.
 */
export async function runPlain(request: SessionRequest, tutorialId: string | undefined): Promise<ExitCode> {
  const { lang, signal } = request;
  const fixed = profileFromFlags(request);
  const store = openStore(request.env ?? process.env, { writable: true });
  const outcome = await plainWalk({
    lang,
    ask: inquirerAsk(signal),
    write: (line) => process.stdout.write(`${line}\n`),
    ...(tutorialId ? { tutorialId } : {}),
    ...(fixed ? { profile: { name: fixed, sandbox: request.sandbox } } : {}),
    flags: { ...request, store, mode: 'plain' },
    signal,
    tutorials: () => tutorialChoices(lang),
    profiles: (id) => profileChoices(store, checkedTutorial(id)),
    width: Math.max(40, Math.min((process.stdout.columns || 80) - 1, 100)),
    styled: process.stdout.hasColors?.() ?? false,
    catchCtrlC,
  });
  if (outcome.error) process.stderr.write(`${outcome.error}\n`);
  return outcome.code;
}
