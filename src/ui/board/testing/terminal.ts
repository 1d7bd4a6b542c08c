import { EventEmitter } from 'node:events';
import type { RenderOptions } from 'ink';
import type { ProgressEvent } from '../../../workshop/progress.js';
import { plain } from '../../ink/testing/keys.js';

/** A terminal for Ink: what it writes is kept; keys are written into stdin. */
export function terminal() {
  const frames: string[] = [];
  const stdout = Object.assign(new EventEmitter(), {
    columns: 80,
    rows: 24,
    isTTY: true,
    write: (data: string) => {
      frames.push(data);
      return true;
    },
  });
  let pending: string | null = null;
  const stdin = Object.assign(new EventEmitter(), {
    isTTY: true,
    setEncoding: () => {},
    setRawMode: () => {},
    resume: () => {},
    pause: () => {},
    ref: () => {},
    unref: () => {},
    read: () => {
      const data = pending;
      pending = null;
      return data;
    },
  });
  const press = (key: string) => {
    pending = key;
    stdin.emit('readable');
  };
  const streams = { stdout, stdin, stderr: stdout, patchConsole: false } as unknown as Pick<
    RenderOptions,
    'stdin' | 'stdout' | 'stderr' | 'patchConsole'
  >;
  return { streams, raw: () => frames.join(''), output: () => plain(frames.join('')), press };
}

/** The room's history, then nothing until closed: as the transport does while it waits for more. */
export function historyThenWait(events: readonly ProgressEvent[]) {
  const state = { closed: false };
  const iterable: AsyncIterable<ProgressEvent> = {
    [Symbol.asyncIterator]: () => {
      let i = 0;
      return {
        next: () =>
          i < events.length
            ? Promise.resolve({ done: false, value: events[i++] as ProgressEvent })
            : new Promise<IteratorResult<ProgressEvent>>(() => {}),
        return: async () => {
          state.closed = true;
          return { done: true, value: undefined };
        },
      };
    },
  };
  return { iterable, state };
}

/** Waits until `test` holds (a loaded machine renders later than an idle one), at most `ms`. */
export async function until(test: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error('timed out waiting for the screen');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
