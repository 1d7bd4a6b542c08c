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
import { EXIT, type ExitCode } from '../../session/exit-codes.js';
import { valuesForCode } from '../../session/report.js';
import { tutorialIds } from '../../session/tutorials.js';
import type { ParsedCli } from '../args.js';
import { type Output, stderrLine } from '../output.js';

/**
 * `mq-tutor code <tutorial> --lang python|ts [--out dir]`: the producer and consumer programs of the
 * source document, filled with the profile's parameters (with --set, MQ_TUTOR_* and, for the sandbox
 * profile, the sandbox's values on top, as for a run). `--lang` names the programming language here;
 * the language of the comments comes from LANG. Without it (or with zh/en) both are written.
 */
export async function codeCommand(cli: ParsedCli, lang: Lang, output: Output): Promise<ExitCode> {
  const [tutorialId, ...rest] = cli.args;
  const err = stderrLine;
  const out = (line = '') => output.line(line);
  const usage = () => {
    err(t(lang, 'codegen.usage', { known: tutorialIds().join('|') }));
    return EXIT.usage;
  };
  if (!tutorialId || rest.length > 0) return usage();
  const chosen = codeLanguage(cli.options.lang);
  if (cli.options.lang && !chosen && !isLang(cli.options.lang)) return usage();
  const languages: CodeLanguage[] = chosen ? [chosen] : ['python', 'ts'];

  const { tutorial, profile, values, nameServer, network, notices } = valuesForCode({
    tutorial: tutorialId,
    profile: cli.options.profile,
    sandbox: cli.options.sandbox,
    set: cli.options.set,
    lang,
  });
  for (const line of notices) err(line);

  const sets: GeneratedSet[] = [];
  try {
    for (const language of languages) {
      const dir = cli.options.out
        ? path.resolve(languages.length > 1 ? path.join(cli.options.out, language) : cli.options.out)
        : defaultCodeDir(tutorial.id, language);
      sets.push(
        generateInto(
          dir,
          { tutorial, language, values, profile, lang, nameServer, ...(network ? { network } : {}) },
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
  const readme = path.join(sets[0]?.dir ?? '.', 'README.md');
  out(t(lang, 'codegen.next', { readme, vars: secretEnvVars(tutorial).join(', ') }));
  return sets.some((s) => s.files.some((f) => f.state === 'kept')) ? EXIT.usage : EXIT.ok;
}
