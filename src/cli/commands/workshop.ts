import { type Lang, t } from '../../i18n/index.js';
import { SessionError } from '../../session/errors.js';
import { EXIT, type ExitCode } from '../../session/exit-codes.js';
import { tutorialIds } from '../../session/tutorials.js';
import { openRoom, roomFeed, roomHistory } from '../../session/workshop/board-feed.js';
import { checkRoom } from '../../session/workshop/check.js';
import { initRoom } from '../../session/workshop/init.js';
import { applyEvent, emptyBoard } from '../../workshop/board.js';
import { boardRoom } from '../../workshop/room-file.js';
import { boardView } from '../../workshop/view.js';
import type { ParsedCli } from '../args.js';
import { type Output, stderrLine } from '../output.js';
import { reportSessionError } from './run.js';

const MAX_LEARNERS = 500;

function learnersOf(value: string | undefined): number | undefined {
  if (value === undefined) return 30;
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= MAX_LEARNERS ? n : undefined;
}

async function init(cli: ParsedCli, lang: Lang, signal: AbortSignal, output: Output): Promise<ExitCode> {
  if (cli.options.check) {
    const file = cli.args[1] ?? cli.options.out;
    if (!file) throw new SessionError('ROOM_FILE', 'room.needFile', { command: 'workshop init --check' });
    const opened = openRoom(file, process.env, lang);
    try {
      const result = await checkRoom(opened, lang, signal);
      for (const line of result.lines) output.line(line);
      return result.ok ? EXIT.ok : EXIT.stepFailed;
    } finally {
      await opened.channel.close();
    }
  }
  const tutorial = cli.args[1];
  if (!tutorial) throw new SessionError('NO_TUTORIAL', 'ui.needTutorial', { known: tutorialIds().join('|') });
  if (!cli.options.out) throw new SessionError('ROOM_FILE', 'room.needOut');
  const learners = learnersOf(cli.options.learners);
  if (learners === undefined)
    throw new SessionError('ROOM_PARAMS', 'room.badLearners', { value: cli.options.learners ?? '' });
  const result = await initRoom({
    tutorial,
    sandbox: cli.options.sandbox,
    ...(cli.options.profile ? { profile: cli.options.profile } : {}),
    set: cli.options.set,
    out: cli.options.out,
    learners,
    ...(cli.options.name ? { name: cli.options.name } : {}),
    includeSecrets: cli.options.includeSecrets,
    ...(cli.options.nameServer ? { nameServer: cli.options.nameServer } : {}),
    lang,
    signal,
    onSandboxStarting: (broker) => stderrLine(t(lang, 'session.sandboxStarting', { broker })),
  });
  for (const line of result.lines) output.line(line);
  return EXIT.ok;
}

async function status(cli: ParsedCli, lang: Lang, signal: AbortSignal, output: Output): Promise<ExitCode> {
  const file = cli.args[1];
  if (!file) throw new SessionError('ROOM_FILE', 'room.needFile', { command: 'workshop status' });
  const opened = openRoom(file, process.env, lang);
  try {
    const events = await roomHistory(opened, signal);
    const room = boardRoom(opened.room);
    if (cli.options.json) {
      let board = emptyBoard(room);
      for (const event of events) board = applyEvent(board, event);
      const view = boardView(board, { now: Date.now(), lang });
      output.line(
        JSON.stringify({
          type: 'board',
          room: view.room,
          steps: view.steps,
          counts: view.counts,
          summary: view.summary,
          learners: view.rows,
        }),
      );
      return EXIT.ok;
    }
    const { boardOnce } = await import('../../ui/board/board-once.js');
    output.line(
      boardOnce({ room, lang, events, width: process.stdout.isTTY ? process.stdout.columns : 80 }).trimEnd(),
    );
    return EXIT.ok;
  } finally {
    await opened.channel.close();
  }
}

async function watch(cli: ParsedCli, lang: Lang, signal: AbortSignal, output: Output): Promise<ExitCode> {
  const file = cli.args[1];
  if (!file) throw new SessionError('ROOM_FILE', 'room.needFile', { command: 'workshop watch' });
  const port = cli.options.port === undefined ? 0 : Number(cli.options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new SessionError('ROOM_PARAMS', 'room.badPort', { value: cli.options.port ?? '' });
  if (!cli.options.web && (!process.stdin.isTTY || !process.stdout.isTTY)) {
    stderrLine(t(lang, 'room.watch.noTty', { file }));
    return EXIT.usage;
  }
  const opened = openRoom(file, process.env, lang);
  const reading = new AbortController();
  const stop = () => reading.abort();
  signal.addEventListener('abort', stop, { once: true });
  const room = boardRoom(opened.room);
  try {
    const events = roomFeed(opened, reading.signal);
    if (cli.options.web) {
      const { serveBoard } = await import('../../ui/web/serve-board.js');
      const served = await serveBoard({ room, lang, events, port, signal: reading.signal });
      output.line(t(lang, 'room.watch.web', { url: served.url }));
      await new Promise<void>((resolve) => {
        if (reading.signal.aborted) resolve();
        reading.signal.addEventListener('abort', () => resolve(), { once: true });
      });
      await served.close();
      return EXIT.ok;
    }
    const { runBoard } = await import('../../ui/board/run-board.js');
    await runBoard({ room, lang, events, signal: reading.signal });
    return EXIT.ok;
  } finally {
    signal.removeEventListener('abort', stop);
    reading.abort();
    await opened.channel.close();
  }
}

/** `mq-tutor workshop init|watch|status`. */
export async function workshopCommand(
  cli: ParsedCli,
  lang: Lang,
  signal: AbortSignal,
  output: Output,
): Promise<ExitCode> {
  const sub = cli.args[0];
  try {
    switch (sub) {
      case 'init':
        return await init(cli, lang, signal, output);
      case 'status':
        return await status(cli, lang, signal, output);
      case 'watch':
        return await watch(cli, lang, signal, output);
      default:
        stderrLine(t(lang, 'room.unknownSub', { sub: sub ?? '' }));
        return EXIT.usage;
    }
  } catch (error) {
    if (error instanceof SessionError) return reportSessionError(lang, error, output, cli.options.json);
    throw error;
  }
}
