import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { roomOfThirty, step, T0 } from '../../workshop/testing/sample-room.js';
import { plain } from '../ink/testing/keys.js';
import { BoardApp } from './board-app.js';
import { LiveBoard } from './live-board.js';
import { until } from './testing/terminal.js';

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

function app(now: () => number) {
  const { room, events } = roomOfThirty();
  const live = new LiveBoard(room, now);
  for (const event of events) live.apply(event);
  const ui = render(
    <BoardApp
      live={live}
      lang="en"
      size={{ columns: 80, rows: 24 }}
      words={false}
      now={now}
      onQuit={() => {}}
    />,
  );
  unmount = ui.unmount;
  return { live, frame: () => plain(ui.lastFrame()) };
}

describe('BoardApp', () => {
  it('a new event re-renders the board: a stuck learner finishing moves down and is counted', async () => {
    let clock = T0 + 600_000;
    const { live, frame } = app(() => clock);
    expect(frame()).toContain('22/30 verified · 5 stuck at consume');
    expect(frame()).toMatch(/✖ victor/);
    clock += 1000;
    live.apply(step('victor', 'consume', 'started', 610, { run: 'victor-run-1' }));
    live.apply(step('victor', 'consume', 'passed', 611, { run: 'victor-run-1', durationMs: 900 }));
    live.apply(step('victor', 'verify', 'started', 611, { run: 'victor-run-1' }));
    live.apply(step('victor', 'verify', 'passed', 612, { run: 'victor-run-1', durationMs: 700 }));
    await until(() =>
      frame().includes('23/30 verified · 4 stuck at consume (CONSUME_NOT_SEEN 2, SASL_AUTH_FAILED 2)'),
    );
    expect(frame()).not.toMatch(/✖ victor/);
    expect(live.getSnapshot().board.lag.at(-1)?.lagMs).toBe(601_000 - 612_000);
  });

  it('a running step’s clock ticks every second without any event', async () => {
    let clock = T0 + 600_000;
    const { live, frame } = app(() => clock);
    live.apply(step('ömer', 'prepare-env', 'started', 590));
    await until(() => /◐ ömer\s+◐ ○ ○ ○ ○ ○ {2}prepare-env\s+0:10/.test(frame()));
    clock += 5000;
    await until(() => /◐ ömer\s+◐ ○ ○ ○ ○ ○ {2}prepare-env\s+0:15/.test(frame()));
  });
});
