import { codeAfterRun } from '../../codegen/after-run.js';
import { envVarName } from '../../engine/params.js';
import { newRunId, ParamsInvalidError, runTutorial } from '../../engine/runner.js';
import { isSecretKey } from '../../engine/secrets.js';
import type { EngineEvent } from '../../engine/types.js';
import { type Lang, render, t } from '../../i18n/index.js';
import { damageNotices } from '../../profile/notice.js';
import { recordRunParams } from '../../profile/run-params.js';
import { ProfileStore } from '../../profile/store.js';
import { sandboxUp } from '../../sandbox/sandbox.js';
import { checkTutorialArgs } from '../../session/check-args.js';
import { progressRecorder, saveParams } from '../../session/persist.js';
import { availableTutorials, type PreparedSession, prepareSession } from '../../session/prepare.js';
import { acquireRunLock, ProfileBusyError } from '../../session/run-lock.js';
import { jsonReporter } from '../../ui/json/reporter.js';
import { transcriptReporter } from '../../ui/transcript/reporter.js';
import { type ParsedCli, parseSetPairs } from '../args.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import { sandboxErrorText } from './sandbox.js';

const err = (line: string) => process.stderr.write(`${line}\n`);

export interface RunSetup {
  session: PreparedSession;
  startAt?: string;
  resumed: boolean;
}

/** Everything before the first step: tutorial, sandbox, profile, parameters, starting step. */
export async function setupRun(
  cli: ParsedCli,
  lang: Lang,
  tutorialId: string,
  signal: AbortSignal,
): Promise<RunSetup | ExitCode> {
  const set = parseSetPairs(cli.options.set);
  const checked = checkTutorialArgs(lang, tutorialId, set, cli.options.step);
  if (!checked.tutorial) {
    err(checked.problem);
    return EXIT.usage;
  }
  const { tutorial } = checked;
  if (cli.options.sandbox) {
    if (!cli.options.json) err(t(lang, 'ui.sandboxStarting'));
    try {
      await sandboxUp({ signal, only: [tutorial.id === 'rocketmq' ? 'rocketmq' : 'kafka'], quick: true });
    } catch (error) {
      const text = sandboxErrorText(lang, error);
      if (text === undefined) throw error;
      err(text);
      return EXIT.usage;
    }
  }
  const store = new ProfileStore();
  const profile = cli.options.profile ?? (cli.options.sandbox ? 'sandbox' : 'default');
  const session = prepareSession({
    tutorial,
    profile,
    set,
    env: process.env,
    useSandbox: cli.options.sandbox,
    store,
  });
  for (const line of damageNotices(lang, store)) err(line);
  const startAt = cli.options.step ?? session.resumeAt;
  return { session, startAt, resumed: !cli.options.step && session.resumeAt !== undefined };
}

/** One run per profile and tutorial at a time; says who holds it otherwise. */
export function holdProfile(session: PreparedSession, lang: Lang): (() => void) | undefined {
  try {
    return acquireRunLock(session.store, session.profile, session.tutorial.id);
  } catch (error) {
    if (!(error instanceof ProfileBusyError)) throw error;
    err(t(lang, 'ui.profileBusy', { profile: error.profile, tutorial: error.tutorial, pid: error.pid }));
    return undefined;
  }
}

/** What the user typed with --set is remembered; environment variables and the sandbox are not copied. */
function givenOnCommandLine(session: PreparedSession, saveSecrets: boolean): Record<string, string> {
  const { values, sources } = session.resolved;
  // With --save-secrets, a secret given in an MQ_TUTOR_* variable is what the user asks to keep.
  const keep = (key: string) =>
    sources[key] === 'set' || (saveSecrets && isSecretKey(key) && sources[key] === 'env');
  return Object.fromEntries(Object.entries(values).filter(([key]) => keep(key)));
}

function printParamProblems(lang: Lang, error: ParamsInvalidError, json: boolean): void {
  if (json) {
    process.stdout.write(
      `${JSON.stringify({
        type: 'error',
        code: 'PARAMS_INVALID',
        problems: error.problems.map((p) => ({
          param: p.param,
          kind: p.kind,
          message: render(lang, p.message),
          env: envVarName(p.param),
        })),
      })}\n`,
    );
    return;
  }
  err(t(lang, 'params.invalidHeading'));
  for (const p of error.problems) err(`  - ${p.param}: ${render(lang, p.message)}`);
  const first = error.problems[0]?.param ?? 'password';
  err(t(lang, 'params.howToSet', { example: `${envVarName(first)}=...` }));
}

/** `--yes` and `--json`: no questions, a transcript or NDJSON, an exit code. */
export async function runNonInteractive(
  cli: ParsedCli,
  lang: Lang,
  tutorialId: string,
  signal: AbortSignal,
): Promise<ExitCode> {
  const setup = await setupRun(cli, lang, tutorialId, signal);
  if (typeof setup === 'number') return setup;
  const { session, startAt } = setup;
  if (!holdProfile(session, lang)) return EXIT.usage;
  const runId = newRunId();
  const render = cli.options.json ? jsonReporter(lang) : transcriptReporter(session.tutorial, lang);
  const record = progressRecorder({
    store: session.store,
    profile: session.profile,
    tutorial: session.tutorial,
    lang,
    mode: cli.options.json ? 'json' : 'yes',
    runId,
  });
  if (setup.resumed && startAt && !cli.options.json) err(t(lang, 'ui.resuming', { step: startAt }));
  const onEvent = (event: EngineEvent) => {
    record(event);
    if (event.type === 'run-started')
      recordRunParams(session.store, session.profile, session.tutorial, runId, session.resolved);
    render(event);
  };
  try {
    const values = session.resolved.values;
    // Saved before the first step, so that a run killed midway resumes with these values.
    saveParams(
      session.store,
      session.profile,
      session.tutorial,
      givenOnCommandLine(session, cli.options.saveSecrets),
      cli.options.saveSecrets,
    );
    const summary = await runTutorial({
      tutorial: session.tutorial,
      values,
      startAt,
      signal,
      onEvent,
      earlier: session.earlier,
      runId,
    });
    if (summary.interrupted) return EXIT.interrupted;
    codeAfterRun({
      ...session,
      values,
      results: summary.results,
      lang,
      json: cli.options.json,
      outDir: cli.options.out,
    });
    return summary.failed > 0 ? EXIT.stepFailed : EXIT.ok;
  } catch (error) {
    if (error instanceof ParamsInvalidError) {
      printParamProblems(lang, error, cli.options.json);
      saveParams(
        session.store,
        session.profile,
        session.tutorial,
        givenOnCommandLine(session, cli.options.saveSecrets),
        cli.options.saveSecrets,
      );
      return EXIT.usage;
    }
    throw error;
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

export async function runCommand(cli: ParsedCli, lang: Lang, signal: AbortSignal): Promise<ExitCode> {
  const tutorialId = cli.command === 'run' ? cli.args[0] : undefined;
  if (cli.command === 'run' && !tutorialId) {
    err(t(lang, 'ui.needTutorial', { known: availableTutorials().join('|') }));
    return EXIT.usage;
  }
  if (cli.options.yes) {
    if (!tutorialId) {
      err(t(lang, 'ui.needTutorial', { known: availableTutorials().join('|') }));
      return EXIT.usage;
    }
    return runNonInteractive(cli, lang, tutorialId, signal);
  }
  if (tutorialId) {
    // Checked once here for both interactive front ends, before any screen opens.
    const checked = checkTutorialArgs(lang, tutorialId, parseSetPairs(cli.options.set), cli.options.step);
    if (!checked.tutorial) {
      err(checked.problem);
      return EXIT.usage;
    }
  }
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    err(t(lang, 'cli.noTty'));
    return EXIT.usage;
  }
  if (cli.options.plain) {
    const { runPlain } = await import('../../ui/plain/run.js');
    return runPlain(cli, lang, tutorialId, signal);
  }
  const { runWizard } = await withoutFetch(() => import('../../ui/ink/run.js'));
  return runWizard(cli, lang, tutorialId, signal);
}
