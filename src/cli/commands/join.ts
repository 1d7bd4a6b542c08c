import { type Lang, t } from '../../i18n/index.js';
import { SessionError } from '../../session/errors.js';
import { EXIT, type ExitCode } from '../../session/exit-codes.js';
import type { SessionRequest } from '../../session/open.js';
import { parseSetPairs } from '../../session/set-pairs.js';
import { joinRoom } from '../../session/workshop/join.js';
import type { ParsedCli } from '../args.js';
import { type Output, stderrLine } from '../output.js';
import { reportSessionError, runInteractive, runNonInteractive } from './run.js';

/** A secret the room lacks, asked once without echo (only on a terminal). */
async function askHidden(lang: Lang, signal: AbortSignal, param: string): Promise<string | undefined> {
  const { inquirerAsk } = await import('../../ui/plain/prompts.js');
  const value = await inquirerAsk(signal).password(t(lang, 'room.askSecret', { param }), {});
  return value.trim() || undefined;
}

/**
 * `mq-tutor join <room.json> --name <learner>`: the learner's seat in the room, then the tutorial as
 * `run` does it (the wizard by default, or --plain, --yes, --json), its progress published to the room.
 */
export async function joinCommand(
  cli: ParsedCli,
  lang: Lang,
  signal: AbortSignal,
  output: Output,
): Promise<ExitCode> {
  const json = cli.options.json;
  const file = cli.args[0];
  const fail = (error: SessionError) => reportSessionError(lang, error, output, json);
  if (!file) return fail(new SessionError('ROOM_FILE', 'room.needFile', { command: 'join' }));
  if (!cli.options.name) return fail(new SessionError('LEARNER_NAME', 'room.needName', { file }));
  const terminal = process.stdin.isTTY === true && process.stdout.isTTY === true;
  if (!cli.options.yes && !terminal) {
    stderrLine(t(lang, 'cli.noTty'));
    return EXIT.usage;
  }
  const mode: SessionRequest['mode'] = json
    ? 'json'
    : cli.options.yes
      ? 'yes'
      : cli.options.plain
        ? 'plain'
        : 'wizard';
  // The full screen owns the terminal while it runs: what the learner must hear waits for its end.
  const later: string[] = [];
  const tell = (text: string) => {
    const line = t(lang, 'room.progressUnpublished', { reason: text });
    if (mode === 'wizard') later.push(line);
    else stderrLine(line);
  };
  let joined: Awaited<ReturnType<typeof joinRoom>>;
  try {
    let set: Record<string, string>;
    try {
      set = parseSetPairs(cli.options.set);
    } catch (error) {
      if (error instanceof SessionError) return fail(error);
      throw error;
    }
    joined = await joinRoom({
      file,
      name: cli.options.name,
      lang,
      signal,
      env: process.env,
      ...(terminal && !cli.options.yes
        ? { askSecret: (param: string) => askHidden(lang, signal, param) }
        : {}),
      onPublishFailure: tell,
    });
    joined.set = { ...joined.set, ...set };
  } catch (error) {
    if (error instanceof SessionError) return fail(error);
    throw error;
  }
  const said = { room: joined.room.name, learner: joined.learner, group: joined.group };
  if (json) output.line(JSON.stringify({ type: 'joined', roomId: joined.room.id, ...said }));
  else stderrLine(t(lang, 'room.joined', said));
  const request: SessionRequest = {
    tutorial: joined.room.tutorial,
    profile: joined.profile,
    sandbox: false,
    useSandbox: joined.room.sandbox,
    set: joined.set,
    ...(cli.options.step ? { step: cli.options.step } : {}),
    saveSecrets: cli.options.saveSecrets,
    ...(cli.options.out ? { out: cli.options.out } : {}),
    mode,
    lang,
    signal,
    env: joined.env,
    onEvent: joined.publisher.onEvent,
  };
  try {
    return mode === 'json' || mode === 'yes'
      ? await runNonInteractive(request, output)
      : await runInteractive(request, joined.room.tutorial);
  } finally {
    await joined.publisher.close();
    for (const line of later) stderrLine(line);
  }
}
