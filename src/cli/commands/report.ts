import path from 'node:path';
import { type Lang, t } from '../../i18n/index.js';
import { damageNotices } from '../../profile/notice.js';
import { isProfileName, ProfileStore } from '../../profile/store.js';
import { buildReport, findLastRun } from '../../report/report.js';
import { availableTutorials } from '../../session/prepare.js';
import { writeFileAtomic } from '../../util/files.js';
import type { ParsedCli } from '../args.js';
import { EXIT, type ExitCode } from '../exit-codes.js';

const err = (line: string) => process.stderr.write(`${line}\n`);

/**
 * `mq-tutor report [<tutorial>] [--profile p] [--out file.md]`: the Markdown troubleshooting report
 * of the last run. Without --profile, the most recent run of any profile (with --sandbox, of the
 * sandbox profile); without a tutorial, the most recently run one.
 */
export function reportCommand(cli: ParsedCli, lang: Lang): ExitCode {
  const known = availableTutorials();
  const [tutorial, ...rest] = cli.args;
  if (rest.length > 0 || (tutorial !== undefined && !known.includes(tutorial))) {
    err(t(lang, 'report.usage', { known: known.join('|') }));
    return EXIT.usage;
  }
  const profile = cli.options.profile ?? (cli.options.sandbox ? 'sandbox' : undefined);
  if (profile !== undefined && !isProfileName(profile)) {
    err(t(lang, 'profile.badName', { name: profile }));
    return EXIT.usage;
  }
  const store = new ProfileStore();
  const target = findLastRun(store, { profile, tutorial });
  for (const line of damageNotices(lang, store)) err(line);
  if (!target) {
    err(t(lang, 'report.noRun', { where: profile ? t(lang, 'report.inProfile', { profile }) : '' }));
    return EXIT.usage;
  }
  const markdown = buildReport({ store, target, lang, useSandbox: cli.options.sandbox });
  if (cli.options.out) {
    const file = path.resolve(cli.options.out);
    writeFileAtomic(file, markdown, 0o644);
    err(t(lang, 'report.written', { file }));
  } else {
    process.stdout.write(markdown);
  }
  return EXIT.ok;
}
