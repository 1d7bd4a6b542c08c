import { readFileSync } from 'node:fs';
import path from 'node:path';
import { detectLang, type Lang, t } from '../i18n/index.js';
import { packageRoot } from '../util/paths.js';
import { type ParsedCli, parseCli, UsageError } from './args.js';
import { sandboxCommand } from './commands/sandbox.js';
import { EXIT, type ExitCode } from './exit-codes.js';

function version(): string {
  const pkg = JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

function usageErrorText(lang: Lang, error: UsageError): string {
  const key = {
    'unknown-command': 'cli.unknownCommand',
    'bad-option': 'cli.badOption',
    'missing-argument': 'cli.missingArgument',
    'bad-value': 'cli.badValue',
  } as const;
  return t(lang, key[error.reason], { detail: error.detail });
}

async function dispatch(cli: ParsedCli, lang: Lang, signal: AbortSignal): Promise<ExitCode> {
  switch (cli.command) {
    case 'version':
      process.stdout.write(`${version()}\n`);
      return EXIT.ok;
    case 'help':
      process.stdout.write(`${t(lang, 'cli.usage')}\n`);
      return EXIT.ok;
    case 'sandbox':
      return sandboxCommand(cli.args, lang, signal);
    case 'steps': {
      const { stepsCommand } = await import('./commands/steps.js');
      return stepsCommand(cli.args, lang);
    }
    case 'profile': {
      const { profileCommand } = await import('./commands/profile.js');
      return profileCommand(cli, lang);
    }
    case 'report': {
      const { reportCommand } = await import('./commands/report.js');
      return reportCommand(cli, lang);
    }
    case 'code': {
      const { codeCommand } = await import('./commands/code.js');
      return codeCommand(cli, lang);
    }
    default: {
      const { runCommand } = await import('./commands/run.js');
      return runCommand(cli, lang, signal);
    }
  }
}

/**
 * Ctrl-C, SIGTERM and a closed terminal (SIGHUP) abort the running work, which then cleans up (a
 * consumer leaves its group). A second Ctrl-C a moment later leaves at once. The signal that arrives
 * right after the first is ignored: a library of conf's (when-exit) sends each signal once more.
 */
function interruptController(): AbortController {
  const controller = new AbortController();
  let firstAt = 0;
  const onSignal = () => {
    if (!controller.signal.aborted) {
      firstAt = Date.now();
      controller.abort(new Error('interrupted'));
    } else if (Date.now() - firstAt > 1000) {
      process.exit(EXIT.interrupted);
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  return controller;
}

export async function main(argv: readonly string[]): Promise<ExitCode> {
  let cli: ParsedCli;
  try {
    cli = parseCli(argv);
  } catch (error) {
    const lang = detectLang(undefined);
    if (error instanceof UsageError) {
      process.stderr.write(`${usageErrorText(lang, error)}\n`);
      return EXIT.usage;
    }
    throw error;
  }
  const lang = detectLang(cli.options.lang);
  const controller = interruptController();
  try {
    const code = await dispatch(cli, lang, controller.signal);
    return controller.signal.aborted ? EXIT.interrupted : code;
  } catch (error) {
    if (controller.signal.aborted) return EXIT.interrupted;
    if (error instanceof UsageError) {
      process.stderr.write(`${usageErrorText(lang, error)}\n`);
      return EXIT.usage;
    }
    const detail = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${t(lang, 'cli.unexpectedError', { detail })}\n`);
    if (process.env.MQ_TUTOR_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    return EXIT.stepFailed;
  }
}
