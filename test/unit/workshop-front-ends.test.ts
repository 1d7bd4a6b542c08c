import { render } from 'ink-testing-library';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { boardOnce } from '../../src/ui/board/board-once.js';
import { BoardScreen } from '../../src/ui/board/board-screen.js';
import { plain } from '../../src/ui/ink/testing/keys.js';
import { webBoard } from '../../src/ui/web/web-view.js';
import { applyEvent, emptyBoard } from '../../src/workshop/board.js';
import { roomOfThirty, step, T0, walk } from '../../src/workshop/testing/sample-room.js';
import { boardView } from '../../src/workshop/view.js';

/**
 * The terminal board, `workshop status` and the web page are three renderings of one view: the
 * same learners in the same order, and the same count line.
 */
describe('one board, three front ends', () => {
  const { room, events } = roomOfThirty();
  const all = [
    ...events,
    ...walk('ömer', 480, { through: 1, next: 'running' }),
    step('alice', 'verify', 'failed', 590, { run: 'alice-run-2', code: 'GROUP_AUTHORIZATION_FAILED' }),
  ];
  const now = T0 + 600_000;
  const lang = 'en' as const;
  const view = boardView(
    all.reduce((b, e) => applyEvent(b, e), emptyBoard(room)),
    { now, lang },
  );
  const order = view.rows.map((r) => r.learner);
  const rowNames = (text: string) =>
    text
      .split('\n')
      .filter((line) => /^[✖◐○✔] /.test(line))
      .map((line) => line.slice(2).split(' ')[0]);

  /** The count line wraps at the width; its pieces joined again. */
  const unwrapped = (text: string) => text.replace(/\n/g, ' ');

  it('the same rows in the same order, and the same count line', () => {
    expect(order.slice(0, 7)).toEqual(['victor', 'walter', '陈静', 'yvonne', 'zoe', 'alice', 'ömer']);

    const once = boardOnce({ room, lang, events: all, width: 120, now });
    expect(rowNames(once)).toEqual(order);
    expect(unwrapped(once)).toContain(view.summary);

    const web = webBoard(view, lang);
    expect(web.rows.map((r) => r.learner)).toEqual(order);
    expect(web.summary).toBe(view.summary);

    const screen = render(
      createElement(BoardScreen, { view, lang, width: 99, rows: 60, words: false, onQuit: () => {} }),
    );
    const frame = plain(screen.lastFrame());
    screen.unmount();
    expect(rowNames(frame)).toEqual(order);
    expect(unwrapped(frame)).toContain(view.summary);
  });
});
