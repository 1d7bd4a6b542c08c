import { actionCatalogue } from '../../actions/registry.js';
import { describeGenerated } from '../../codegen/generate.js';
import { envVarName } from '../../engine/params.js';
import { ParamsInvalidError } from '../../engine/runner.js';
import type { EngineEvent } from '../../engine/types.js';
import { type Lang, render, t } from '../../i18n/index.js';
import { roundTripVerified } from '../../session/code-after.js';
import { SessionError } from '../../session/errors.js';
import { EXIT, type ExitCode } from '../../session/exit-codes.js';
import { checkRequest, openSession, type SessionRequest } from '../../session/open.js';
import type { Session } from '../../session/session.js';
import { tutorialIds } from '../../session/tutorials.js';
import { jsonReporter } from '../../ui/json/reporter.js';
import { transcriptReporter } from '../../ui/transcript/reporter.js';
import type { ParsedCli } from '../args.js';
import { type Output, stderrLine } from '../output.js';

/** The request the command line makes, for any front end. */
export function requestOf(
  cli: ParsedCli,
  lang: Lang,
  tutorial: string,
  mode: SessionRequest['mode'],
  signal: AbortSignal,
): SessionRequest {
  return {
    tutorial,
    profile: cli.options.profile,
    sandbox: cli.options.sandbox,
    set: cli.options.set,
    step: cli.options.step,
    saveSecrets: cli.options.saveSecrets,
    out: cli.options.out,
    mode,
    lang,
    signal,
  };
}

/** A session that could not open: one line on stderr, or one JSON line under --json; exit 2. */
export function reportSessionError(lang: Lang, error: SessionError, output: Output, json: boolean): ExitCode {
  if (json) output.line(JSON.stringify(error.toJson(lang)));
  else stderrLine(error.render(lang));
  return EXIT.usage;
}

/** How to fix each refused parameter depends on where its value came from. */
function fixLine(lang: Lang, session: Session, param: string): string {
  const values = { param, env: envVarName(param), profile: session.profile };
  switch (session.sources[param]) {
    case 'set':
      return t(lang, 'session.fix.set', values);
    case 'env':
      return t(lang, 'session.fix.env', values);
    case 'profile':
      return t(lang, 'session.fix.profile', values);
    default:
      return t(lang, 'session.fix.missing', values);
  }
}

function printParamProblems(
  lang: Lang,
  session: Session,
  error: ParamsInvalidError,
  output: Output,
  json: boolean,
): void {
  if (json) {
    output.line(
      JSON.stringify({
        type: 'error',
        code: 'PARAMS_INVALID',
        problems: error.problems.map((p) => ({
          param: p.param,
          kind: p.kind,
          message: render(lang, p.message),
          source: session.sources[p.param] ?? null,
          env: envVarName(p.param),
          fix: fixLine(lang, session, p.param),
        })),
      }),
    );
    return;
  }
  stderrLine(t(lang, 'params.invalidHeading'));
  for (const p of error.problems) {
    stderrLine(`  - ${p.param}: ${render(lang, p.message)}`);
    stderrLine(`    ${fixLine(lang, session, p.param)}`);
  }
}

/** `--yes` and `--json`: no questions, a transcript or NDJSON, an exit code. */
export async function runNonInteractive(request: SessionRequest, output: Output): Promise<ExitCode> {
  const { lang, signal } = request;
  const json = request.mode === 'json';
  let session: Session;
  try {
    session = await openSession({
      ...request,
      onSandboxStarting: (broker) => {
        if (!json) stderrLine(t(lang, 'session.sandboxStarting', { broker }));
      },
    });
  } catch (error) {
    if (error instanceof SessionError) return reportSessionError(lang, error, output, json);
    throw error;
  }
  try {
    for (const notice of session.notices) stderrLine(notice);
    const startStep = session.tutorial.steps[session.startAt]?.id;
    if (session.resumed && startStep && !json) stderrLine(t(lang, 'ui.resuming', { step: startStep }));
    const show: (event: EngineEvent) => void = json
      ? jsonReporter(lang, output.line)
      : transcriptReporter(session.tutorial, lang, output.line);
    session.listen(show);
    output.onClosed(() => session.markOutputClosed());
    let summary: Awaited<ReturnType<Session['runAll']>>;
    try {
      summary = await session.runAll(signal);
    } catch (error) {
      if (!(error instanceof ParamsInvalidError)) throw error;
      printParamProblems(lang, session, error, output, json);
      return EXIT.usage;
    }
    if (output.closed) return EXIT.ok;
    if (summary.interrupted) return EXIT.interrupted;
    printCode(lang, session, output, json, summary.results);
    return summary.failed > 0 ? EXIT.stepFailed : EXIT.ok;
  } finally {
    session.release();
  }
}

/** After a verified run: where the programs went (`--out`), or how to get them. */
function printCode(
  lang: Lang,
  session: Session,
  output: Output,
  json: boolean,
  results: Parameters<typeof roundTripVerified>[1],
): void {
  if (session.codeLeak) stderrLine(t(lang, 'codegen.leak', { file: session.codeLeak }));
  if (!roundTripVerified(session.tutorial, results, actionCatalogue)) return;
  if (session.generated.length === 0) {
    if (json) return;
    const profile = session.profile === 'default' ? '' : ` --profile ${session.profile}`;
    output.line('');
    output.line(t(lang, 'codegen.hint', { tutorial: session.tutorial.id, profile }));
    return;
  }
  for (const set of session.generated) {
    if (json)
      output.line(
        JSON.stringify({
          type: 'code',
          tutorial: session.tutorial.id,
          language: set.language,
          dir: set.dir,
          files: set.files.map((f) => ({ path: f.path, state: f.state })),
        }),
      );
    else for (const line of ['', ...describeGenerated(lang, set)]) output.line(line);
  }
}

/**
 * Ink's layout engine (yoga-layout) loads its WebAssembly through `fetch` whenever `fetch` exists,
 * and the first touch of `fetch` loads Node's whole HTTP client: about 50 ms of start-up (measured
 * with npm run bench). Without it, yoga decodes the bytes it carries. mq-tutor itself never fetches.
 */
async function withoutFetch<T>(load: () => Promise<T>): Promise<T> {
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (!descriptor?.configurable) return load();
  Reflect.deleteProperty(globalThis, 'fetch');
  try {
    return await load();
  } finally {
    Object.defineProperty(globalThis, 'fetch', descriptor);
  }
}

export async function runCommand(
  cli: ParsedCli,
  lang: Lang,
  signal: AbortSignal,
  output: Output,
): Promise<ExitCode> {
  const tutorialId = cli.command === 'run' ? cli.args[0] : undefined;
  if ((cli.command === 'run' || cli.options.yes) && !tutorialId) {
    const error = new SessionError('NO_TUTORIAL', 'ui.needTutorial', { known: tutorialIds().join('|') });
    return reportSessionError(lang, error, output, cli.options.json);
  }
  if (cli.options.yes && tutorialId)
    return runNonInteractive(
      requestOf(cli, lang, tutorialId, cli.options.json ? 'json' : 'yes', signal),
      output,
    );
  if (tutorialId) {
    // Checked once here for both interactive front ends, before any screen opens.
    try {
      checkRequest({ tutorial: tutorialId, set: cli.options.set, step: cli.options.step });
    } catch (error) {
      if (error instanceof SessionError) return reportSessionError(lang, error, output, false);
      throw error;
    }
  }
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    stderrLine(t(lang, 'cli.noTty'));
    return EXIT.usage;
  }
  return runInteractive(
    requestOf(cli, lang, tutorialId ?? '', cli.options.plain ? 'plain' : 'wizard', signal),
    tutorialId,
  );
}

/** The full screen (wizard) or line-by-line questions (plain), on a terminal. */
export async function runInteractive(
  request: SessionRequest,
  tutorialId: string | undefined,
): Promise<ExitCode> {
  if (request.mode === 'plain') {
    const { runPlain } = await import('../../ui/plain/run.js');
    return runPlain(request, tutorialId);
  }
  const { runWizard } = await withoutFetch(() => import('../../ui/ink/run.js'));
  return runWizard(request, tutorialId);
}
