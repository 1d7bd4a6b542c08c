import { type ParsedCli, parseSetPairs } from '../../cli/args.js';
import type { ExitCode } from '../../cli/exit-codes.js';
import type { Lang } from '../../i18n/index.js';
import { ProfileStore } from '../../profile/store.js';
import {
  checkedTutorial,
  openWalk,
  profileChoices,
  profileFromFlags,
  tutorialChoices,
} from '../interactive/setup.js';
import { catchCtrlC } from './ctrl-c.js';
import { inquirerAsk } from './prompts.js';
import { plainWalk } from './walk.js';

/**
 * `--plain`: the same walk as the wizard, as numbered questions (@inquirer/prompts) and printed
 * results. Needs a terminal for the questions; cli/commands/run.ts refuses to start without one.
 */
export async function runPlain(
  cli: ParsedCli,
  lang: Lang,
  tutorialId: string | undefined,
  signal: AbortSignal,
): Promise<ExitCode> {
  const set = parseSetPairs(cli.options.set);

  const fixed = profileFromFlags(cli.options);
  const store = new ProfileStore();
  const outcome = await plainWalk({
    lang,
    ask: inquirerAsk(signal),
    write: (line) => process.stdout.write(`${line}\n`),
    ...(tutorialId ? { tutorialId } : {}),
    ...(fixed ? { profile: { name: fixed, sandbox: cli.options.sandbox } } : {}),
    set,
    step: cli.options.step,
    saveSecrets: cli.options.saveSecrets,
    signal,
    tutorials: () => tutorialChoices(lang),
    profiles: (id) => profileChoices(store, checkedTutorial(lang, id)),
    open: (options) => openWalk({ ...options, store }),
    width: Math.max(40, Math.min((process.stdout.columns || 80) - 1, 100)),
    styled: process.stdout.hasColors?.() ?? false,
    catchCtrlC,
  });
  if (outcome.error) process.stderr.write(`${outcome.error}\n`);
  return outcome.code;
}
