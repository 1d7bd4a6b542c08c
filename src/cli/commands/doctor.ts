import path from 'node:path';
import { type Lang, t } from '../../i18n/index.js';
import { doctorMarkdown, doctorSession } from '../../session/doctor.js';
import { EXIT, type ExitCode } from '../../session/exit-codes.js';
import { tutorialIds } from '../../session/tutorials.js';
import { doctorJson } from '../../ui/doctor/json.js';
import { doctorText } from '../../ui/doctor/text.js';
import { writeFileAtomic } from '../../util/files.js';
import type { ParsedCli } from '../args.js';
import { type Output, stderrLine } from '../output.js';

/**
 * `mq-tutor doctor <tutorial> [--profile p | --sandbox] [--set k=v …] [--json] [--report file.md]`:
 * probes the connection the tutorial would make, changes nothing on the broker, and gives the most
 * likely cause first. Exit 0 when nothing is wrong, 1 when a problem was found, 2 on a usage error.
 */
export async function doctorCommand(
  cli: ParsedCli,
  lang: Lang,
  signal: AbortSignal,
  output: Output,
): Promise<ExitCode> {
  const [tutorial, ...rest] = cli.args;
  if (!tutorial || rest.length > 0) {
    stderrLine(t(lang, 'doctor.usage', { known: tutorialIds().join('|') }));
    return EXIT.usage;
  }
  const session = await doctorSession({
    tutorial,
    profile: cli.options.profile,
    sandbox: cli.options.sandbox,
    set: cli.options.set,
    lang,
    signal,
    onSandboxStarting: () => stderrLine(t(lang, 'ui.sandboxStarting')),
  });
  for (const line of session.notices) stderrLine(line);
  const header = { tutorial: session.tutorial.id, profile: session.profile };
  if (cli.options.json) output.line(JSON.stringify(doctorJson(lang, session.report, header)));
  else for (const line of doctorText(lang, session.report, header)) output.line(line);
  if (cli.options.report) {
    const file = path.resolve(cli.options.report);
    try {
      writeFileAtomic(file, doctorMarkdown(session, lang), 0o644);
      stderrLine(t(lang, 'doctor.reportWritten', { file }));
    } catch (error) {
      stderrLine(
        t(lang, 'doctor.reportUnwritable', { file, code: (error as NodeJS.ErrnoException).code ?? '' }),
      );
      return EXIT.usage;
    }
  }
  return session.report.verdict.code === 'HEALTHY' ? EXIT.ok : EXIT.problemFound;
}
