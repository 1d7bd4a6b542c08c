import { describe, expect, it, vi } from 'vitest';
import { roomOfThirty } from '../../workshop/testing/sample-room.js';
import { runBoard } from './run-board.js';
import { historyThenWait, terminal, until } from './testing/terminal.js';

// Ink draws nothing live where it believes it runs in CI (the CI job sets CI): this file needs the
// live terminal behaviour, so the variables are gone before Ink loads.
vi.hoisted(() => {
  for (const key of Object.keys(process.env))
    if (key === 'CI' || key === 'CONTINUOUS_INTEGRATION' || key.startsWith('CI_')) delete process.env[key];
});

describe('runBoard', () => {
  const { room, events } = roomOfThirty();

  it('shows the history at once and returns on q, having stopped reading', async () => {
    const term = terminal();
    const source = historyThenWait(events);
    const done = runBoard({
      room,
      lang: 'en',
      events: source.iterable,
      signal: new AbortController().signal,
      streams: term.streams,
      env: {},
    });
    await until(() => term.output().includes('22/30 verified · 5 stuck at consume'));
    term.press('q');
    expect(await done).toBe('quit');
    expect(source.state.closed).toBe(true);
  });

  it('returns when the signal aborts', async () => {
    const term = terminal();
    const controller = new AbortController();
    const done = runBoard({
      room,
      lang: 'zh',
      events: historyThenWait(events).iterable,
      signal: controller.signal,
      streams: term.streams,
      env: { NO_COLOR: '1' },
    });
    await until(() => term.output().includes('22/30 已验证'));
    controller.abort();
    expect(await done).toBe('aborted');
  });
});
