import type { ParsedCli } from '../../cli/args.js';
import { EXIT, type ExitCode } from '../../cli/exit-codes.js';
import type { Lang } from '../../i18n/index.js';

// TEMPORARY until the full-screen wizard lands (issue 5).
export async function runWizard(
  _cli: ParsedCli,
  _lang: Lang,
  _tutorial: string | undefined,
  _signal: AbortSignal,
): Promise<ExitCode> {
  process.stderr.write('The full-screen wizard is not built yet; use --yes.\n');
  return EXIT.usage;
}
