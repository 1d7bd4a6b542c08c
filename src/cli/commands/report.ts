import path from 'node:path';
import { type Lang, t } from '../../i18n/index.js';
import { damageNotices } from '../../profile/notice.js';
import { isProfileName } from '../../profile/store.js';
import { EXIT, type ExitCode } from '../../session/exit-codes.js';
import { openStore } from '../../session/open.js';
import { findLastRun, reportOf } from '../../session/report.js';
import { tutorialIds } from '../../session/tutorials.js';
import { writeFileAtomic } from '../../util/files.js';
import type { ParsedCli } from '../args.js';
import { type Output, stderrLine } from '../output.js';

/**
 * `mq-tutor report [<tutorial>] [--profile p] [--out file.md]`: the Markdown troubleshooting report
 * of the last run. Without --profile, the most recent run of any profile (with --sandbox, of the
 * sandbox profile); without a tutorial, the most recently run one. It only reads the profiles.
 */
export function reportCommand(cli: ParsedCli, lang: Lang, output: Output): ExitCode {
  const [tutorial, ...rest] = cli.args;
  if (rest.length > 0) {
    stderrLine(t(lang, 'report.usage', { known: tutorialIds().join('|') }));
    return EXIT.usage;
  }
  const profile = cli.options.profile ?? (cli.options.sandbox ? 'sandbox' : undefined);
  if (profile !== undefined && !isProfileName(profile)) {
    stderrLine(t(lang, 'profile.badName', { name: profile }));
    return EXIT.usage;
  }
  const store = openStore(process.env, { readOnly: true });
  const target = findLastRun(store, { profile, tutorial });
  for (const line of damageNotices(lang, store)) stderrLine(line);
  if (!target) {
    stderrLine(t(lang, 'report.noRun', { where: profile ? t(lang, 'report.inProfile', { profile }) : '' }));
    return EXIT.usage;
  }
  const markdown = reportOf(store, target, { lang, useSandbox: cli.options.sandbox });
  if (cli.options.out) {
    const file = path.resolve(cli.options.out);
    writeFileAtomic(file, markdown, 0o644);
    stderrLine(t(lang, 'report.written', { file }));
  } else {
    output.line(markdown.replace(/\n$/, ''));
  }
  return EXIT.ok;
}
