import path from 'node:path';
import {
  defaultCodeDir,
  describeGenerated,
  type GeneratedSet,
  generateInto,
  SecretLeakError,
} from '../../codegen/generate.js';
import { type CodeLanguage, codeLanguage, MissingParamsError, secretEnvVars } from '../../codegen/model.js';
import { isLang, type Lang, t } from '../../i18n/index.js';
import { damageNotices } from '../../profile/notice.js';
import { ProfileStore } from '../../profile/store.js';
import { checkTutorialArgs } from '../../session/check-args.js';
import { availableTutorials, prepareSession } from '../../session/prepare.js';
import { type ParsedCli, parseSetPairs } from '../args.js';
import { EXIT, type ExitCode } from '../exit-codes.js';

const out = (line = '') => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

/**
 * `mq-tutor code <tutorial> --lang python|ts [--out dir]`: the producer and consumer programs of the
 * source document, filled with the profile's parameters (with --set, MQ_TUTOR_* and, for the sandbox
 * profile, the sandbox's values on top, as for a run). `--lang` names the programming language here;
 * the language of the comments comes from LANG. Without it (or with zh/en) both are written.
 */
export async function codeCommand(cli: ParsedCli, lang: Lang): Promise<ExitCode> {
  const [tutorialId, ...rest] = cli.args;
  const known = availableTutorials();
  const usage = () => {
    err(t(lang, 'codegen.usage', { known: known.join('|') }));
    return EXIT.usage;
  };
  if (!tutorialId || rest.length > 0) return usage();
  const chosen = codeLanguage(cli.options.lang);
  if (cli.options.lang && !chosen && !isLang(cli.options.lang)) return usage();
  const languages: CodeLanguage[] = chosen ? [chosen] : ['python', 'ts'];

  const set = parseSetPairs(cli.options.set);
  const checked = checkTutorialArgs(lang, tutorialId, set);
  if (!checked.tutorial) {
    err(checked.problem);
    return EXIT.usage;
  }
  const { tutorial } = checked;
  const store = new ProfileStore();
  const profile = cli.options.profile ?? (cli.options.sandbox ? 'sandbox' : 'default');
  const session = prepareSession({
    tutorial,
    profile,
    set,
    env: process.env,
    useSandbox: cli.options.sandbox || profile === 'sandbox',
    store,
  });
  for (const line of damageNotices(lang, store)) err(line);

  const sets: GeneratedSet[] = [];
  try {
    for (const language of languages) {
      const dir = cli.options.out
        ? path.resolve(languages.length > 1 ? path.join(cli.options.out, language) : cli.options.out)
        : defaultCodeDir(tutorial.id, language);
      sets.push(
        generateInto(
          dir,
          { tutorial, language, values: session.resolved.values, profile, lang },
          cli.options.yes,
        ),
      );
    }
  } catch (error) {
    if (error instanceof MissingParamsError) {
      err(t(lang, 'codegen.missing', { params: error.params.join(', '), tutorial: tutorial.id }));
      return EXIT.usage;
    }
    if (error instanceof SecretLeakError) {
      err(t(lang, 'codegen.leak', { file: error.file }));
      return EXIT.stepFailed;
    }
    throw error;
  }
  for (const set of sets) for (const line of describeGenerated(lang, set)) out(line);
  const readme = path.relative(process.cwd(), path.join(sets[0]?.dir ?? '.', 'README.md'));
  out(t(lang, 'codegen.next', { readme, vars: secretEnvVars(tutorial).join(', ') }));
  return sets.some((s) => s.files.some((f) => f.state === 'kept')) ? EXIT.usage : EXIT.ok;
}
