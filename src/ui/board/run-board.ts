import { type RenderOptions, render } from 'ink';
import { createElement } from 'react';
import type { Lang } from '../../i18n/index.js';
import type { ProgressEvent, Room } from '../../workshop/progress.js';
import { ThemeContext, themeFromEnv } from '../ink/theme.js';
import { BoardApp } from './board-app.js';
import { LiveBoard } from './live-board.js';

export interface RunBoardOptions {
  room: Room;
  lang: Lang;
  /** The room's progress events (history first, then live), or a live board already fed. */
  events: AsyncIterable<ProgressEvent> | LiveBoard;
  signal: AbortSignal;
  /** Words instead of icons; by default when Ink runs for a screen reader. */
  words?: boolean;
  /** Other streams than the process's (tests). */
  streams?: Pick<RenderOptions, 'stdin' | 'stdout' | 'stderr' | 'patchConsole'>;
  env?: NodeJS.ProcessEnv;
}

/**
 * `workshop watch`: the live board on the terminal until the user presses q (or Ctrl-C), or
 * `signal` aborts. Stops reading `events` when it ends; the caller then closes the transport.
 */
export async function runBoard(options: RunBoardOptions): Promise<'quit' | 'aborted'> {
  const { signal } = options;
  const live = options.events instanceof LiveBoard ? options.events : new LiveBoard(options.room);
  const reading = new AbortController();
  let finish: (how: 'quit' | 'aborted') => void = () => {};
  const finished = new Promise<'quit' | 'aborted'>((resolve) => {
    finish = resolve;
  });
  const onAbort = () => finish('aborted');
  if (signal.aborted) onAbort();
  signal.addEventListener('abort', onAbort, { once: true });
  if (!(options.events instanceof LiveBoard)) void live.feed(options.events, reading.signal);

  const app = createElement(BoardApp, {
    live,
    lang: options.lang,
    onQuit: () => finish('quit'),
    ...(options.words === undefined ? {} : { words: options.words }),
  });
  const instance = render(createElement(ThemeContext.Provider, { value: themeFromEnv(options.env) }, app), {
    exitOnCtrlC: false,
    ...options.streams,
  });
  const how = await finished;
  signal.removeEventListener('abort', onAbort);
  reading.abort();
  instance.unmount();
  await instance.waitUntilExit().catch(() => undefined);
  return how;
}
