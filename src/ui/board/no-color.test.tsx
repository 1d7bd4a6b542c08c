import { afterAll, describe, expect, it, vi } from 'vitest';
import { roomOfThirty } from '../../workshop/testing/sample-room.js';
import { runBoard } from './run-board.js';
import { historyThenWait, terminal, until } from './testing/terminal.js';

// Ink draws nothing live where it believes it runs in CI (the CI job sets CI): this file needs the
// live terminal behaviour, so the variables are gone before Ink loads.
vi.hoisted(() => {
  for (const key of Object.keys(process.env))
    if (key === 'CI' || key === 'CONTINUOUS_INTEGRATION' || key.startsWith('CI_')) delete process.env[key];
});

// Colours are off when tests do not run in a terminal; this file turns them on before Ink loads.
const before = vi.hoisted(() => {
  const value = process.env.FORCE_COLOR;
  process.env.FORCE_COLOR = '1';
  return value;
});
afterAll(() => {
  if (before === undefined) delete process.env.FORCE_COLOR;
  else process.env.FORCE_COLOR = before;
});

async function shown(env: NodeJS.ProcessEnv): Promise<string> {
  const { room, events } = roomOfThirty();
  const term = terminal();
  const controller = new AbortController();
  const done = runBoard({
    room,
    lang: 'en',
    events: historyThenWait(events).iterable,
    signal: controller.signal,
    streams: term.streams,
    env,
  });
  await until(() => term.output().includes('22/30 verified'));
  controller.abort();
  await done;
  return term.raw();
}

const COLOUR = /\u001b\[(3[0-7]|9[0-7])m/;

describe('the board and NO_COLOR', () => {
  it('in colour, the stuck are red', async () => {
    expect(await shown({})).toMatch(/\u001b\[31m[^\n]*victor/);
  });

  it('with NO_COLOR there is no colour at all; the stuck stay bold', async () => {
    const raw = await shown({ NO_COLOR: '1' });
    expect(raw).not.toMatch(COLOUR);
    expect(raw).toMatch(/\u001b\[1m[^\n]*victor/);
  });
});
