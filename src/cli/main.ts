import { detectLang, type Lang, t } from '../i18n/index.js';
import { SessionError } from '../session/errors.js';
import { EXIT, type ExitCode } from '../session/exit-codes.js';
import { configDirError } from '../session/open.js';
import { UnusableFolderError } from '../util/paths.js';
import { packageVersion } from '../util/version.js';
import { type ParsedCli, parseCli, UsageError } from './args.js';
import { sandboxCommand } from './commands/sandbox.js';
import { type Output, stderrLine, watchStdout } from './output.js';

function usageErrorText(lang: Lang, error: UsageError): string {
  const key = {
    'unknown-command': 'cli.unknownCommand',
    'bad-option': 'cli.badOption',
    'missing-argument': 'cli.missingArgument',
    'bad-value': 'cli.badValue',
    'bad-lang': 'cli.badLang',
  } as const;
  return t(lang, key[error.reason], { detail: error.detail, allowed: error.allowed });
}

async function dispatch(cli: ParsedCli, lang: Lang, signal: AbortSignal, output: Output): Promise<ExitCode> {
  switch (cli.command) {
    case 'version':
      output.line(packageVersion());
      return EXIT.ok;
    case 'help':
      output.line(t(lang, 'cli.usage'));
      return EXIT.ok;
    case 'sandbox':
      return sandboxCommand(cli.args, lang, signal, output);
    case 'steps': {
      const { stepsCommand } = await import('./commands/steps.js');
      return stepsCommand(cli.args, lang, output);
    }
    case 'profile': {
      const { profileCommand } = await import('./commands/profile.js');
      return profileCommand(cli, lang, output);
    }
    case 'report': {
      const { reportCommand } = await import('./commands/report.js');
      return reportCommand(cli, lang, output);
    }
    case 'workshop': {
      const { workshopCommand } = await import('./commands/workshop.js');
      return workshopCommand(cli, lang, signal, output);
    }
    case 'join': {
      const { joinCommand } = await import('./commands/join.js');
      return joinCommand(cli, lang, signal, output);
    }
    case 'doctor': {
      const { doctorCommand } = await import('./commands/doctor.js');
      return doctorCommand(cli, lang, signal, output);
    }
    case 'code': {
      const { codeCommand } = await import('./commands/code.js');
      return codeCommand(cli, lang, output);
    }
    default: {
      const { runCommand } = await import('./commands/run.js');
      return runCommand(cli, lang, signal, output);
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
  const output = watchStdout();
  let cli: ParsedCli;
  try {
    cli = parseCli(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      stderrLine(usageErrorText(detectLang(undefined), error));
      return EXIT.usage;
    }
    throw error;
  }
  const lang = detectLang(cli.options.lang);
  const controller = interruptController();
  // A reader that went away (`| head`) ends the run quietly, as a pipe's writer should.
  output.onClosed(() => controller.abort(new Error('output closed')));
  try {
    const code = await dispatch(cli, lang, controller.signal, output);
    if (output.closed) return EXIT.ok;
    return controller.signal.aborted ? EXIT.interrupted : code;
  } catch (error) {
    if (output.closed) return EXIT.ok;
    if (controller.signal.aborted) return EXIT.interrupted;
    if (error instanceof UsageError) {
      stderrLine(usageErrorText(lang, error));
      return EXIT.usage;
    }
    const usage =
      error instanceof SessionError
        ? error
        : error instanceof UnusableFolderError
          ? configDirError(error)
          : undefined;
    if (usage) {
      if (cli.options.json) output.line(JSON.stringify(usage.toJson(lang)));
      else stderrLine(usage.render(lang));
      return EXIT.usage;
    }
    const detail = error instanceof Error ? error.message : String(error);
    stderrLine(t(lang, 'cli.unexpectedError', { detail }));
    if (process.env.MQ_TUTOR_DEBUG) stderrLine((error as Error)?.stack ?? '');
    return EXIT.stepFailed;
  }
}
