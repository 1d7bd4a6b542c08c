import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Lang } from '../../i18n/index.js';
import { applyEvent, emptyBoard } from '../../workshop/board.js';
import { roomOfThirty, T0, walk } from '../../workshop/testing/sample-room.js';
import { boardView } from '../../workshop/view.js';
import { KEY, plain, press, tick } from '../ink/testing/keys.js';
import { widthOf } from '../ink/text/width.js';
import { BoardScreen } from './board-screen.js';

/** The room plus two learners on their way: 30 rows. */
function thirty(lang: Lang) {
  const { room, events } = roomOfThirty();
  const all = [
    ...events,
    ...walk('late-1', 400, { through: 2, next: 'running' }),
    ...walk('late-2', 450, { through: 0, next: 'running' }),
  ];
  const board = all.reduce((b, e) => applyEvent(b, e), emptyBoard(room));
  return boardView(board, { now: T0 + 600_000, lang });
}

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

function screen(lang: Lang, width: number, rows: number, words = false) {
  const onQuit = vi.fn();
  const ui = render(
    <BoardScreen view={thirty(lang)} lang={lang} width={width} rows={rows} words={words} onQuit={onQuit} />,
  );
  unmount = ui.unmount;
  return { ...ui, onQuit, frame: () => plain(ui.lastFrame()) };
}

function fits(frame: string, width: number, rows: number) {
  const lines = frame.split('\n');
  expect(lines.length).toBeLessThanOrEqual(rows);
  for (const line of lines) expect(widthOf(line)).toBeLessThanOrEqual(width);
}

describe('BoardScreen', () => {
  it('80x24, 30 learners: the room, the count line, the legend, the stuck first, the keys', () => {
    expect(thirty('en').rows).toHaveLength(30);
    const s = screen('en', 79, 23);
    const frame = s.frame();
    fits(frame, 79, 23);
    const lines = frame.split('\n');
    expect(lines[0]).toMatch(/^Workshop board · Kafka 101 · Tuesday\s+room room-1 · kafka-quickstart$/);
    expect(frame).toContain('22/30 verified · 5 stuck at consume (CONSUME_NOT_SEEN 3, SASL_AUTH_FAILED 2)');
    expect(frame).toContain('1 prepare-env · 2 check-cert · 3 check-network');
    expect(frame).toMatch(/learner\s+1 2 3 4 5 6 {2}step\s+time {2}diagnosis/);
    const firstRow = lines.findIndex((line) => line.startsWith('✖ '));
    expect(lines.slice(firstRow, firstRow + 5).every((line) => line.startsWith('✖ '))).toBe(true);
    expect(lines[firstRow + 5]).toMatch(/^◐ late-1\s+✔ ✔ ✔ ◐ ○ ○ {2}produce\s+3:11$/);
    expect(frame).toMatch(/↓ \d+ more lines \(PgDn\)/);
    expect(lines.at(-1)).toBe('↑↓ scroll · PgUp/PgDn page · q quit');
  });

  it('60x24 in Chinese: fits, with Chinese words and names', () => {
    const frame = screen('zh', 59, 23).frame();
    fits(frame, 59, 23);
    expect(frame).toContain('工作坊看板 · Kafka 101 · Tuesday');
    expect(frame).toContain('22/30 已验证 · 5 人卡在 consume');
    expect(frame).toMatch(/学员\s+1 2 3 4 5 6/);
    expect(frame).toMatch(/✖ 陈静\s+✔ ✔ ✔ ✔ ✖ ○/);
    expect(frame).toContain('↓ 还有');
    expect(frame).toContain('↑↓ 滚动 · PgUp/PgDn 翻页 · q 退出');
  });

  it('every size from 60 to 100 columns and 16 to 40 rows, both languages, fits', () => {
    for (const lang of ['en', 'zh'] as const)
      for (const [width, rows] of [
        [59, 15],
        [79, 23],
        [99, 39],
      ] as const)
        fits(screen(lang, width, rows).frame(), width, rows);
  });

  it('scrolls with ↓ ↑ PgDn PgUp End Home, keeping its height', async () => {
    const s = screen('en', 79, 23);
    const first = s.frame();
    expect(first).not.toContain('王小明');
    await press(s.stdin, KEY.down);
    expect(s.frame()).not.toContain('✖ victor');
    expect(s.frame()).toContain('✖ walter');
    await press(s.stdin, KEY.pageDown, KEY.pageDown);
    const end = s.frame();
    expect(end).toContain('王小明');
    expect(end).toMatch(/↑ \d+ lines above \(PgUp\)/);
    fits(end, 79, 23);
    expect(end.split('\n')).toHaveLength(first.split('\n').length);
    await press(s.stdin, KEY.pageUp, KEY.pageUp, KEY.pageUp);
    expect(s.frame()).toBe(first);
    await press(s.stdin, '\u001b[F');
    expect(s.frame()).toContain('王小明');
    await press(s.stdin, '\u001b[H');
    expect(s.frame()).toBe(first);
  });

  it('q quits', async () => {
    const s = screen('en', 79, 23);
    await press(s.stdin, 'q');
    expect(s.onQuit).toHaveBeenCalled();
  });

  it('words instead of icons for screen readers, still within the screen', async () => {
    const s = screen('en', 79, 23, true);
    const frame = s.frame();
    fits(frame, 79, 23);
    expect(frame).toContain('victor: stuck; step 5 consume: failed; time 0:36');
    expect(frame).not.toMatch(/[✔✖◐○]/);
    await press(s.stdin, KEY.pageDown);
    await tick();
    expect(s.frame()).not.toContain('victor: stuck');
  });
});
