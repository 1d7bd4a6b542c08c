import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { applyEvent, emptyBoard } from '../../workshop/board.js';
import type { ProgressEvent, Room } from '../../workshop/progress.js';
import { roomOfThirty, step, T0, walk } from '../../workshop/testing/sample-room.js';
import { boardView } from '../../workshop/view.js';
import { plain } from '../ink/testing/keys.js';
import { lineText, widthOf } from '../ink/text/width.js';
import { textProps } from '../ink/theme.js';
import { BoardTable, tableLines } from './board-table.js';

const NOW = T0 + 600_000;
function viewOf(room: Room, events: readonly ProgressEvent[], lang: 'en' | 'zh' = 'en') {
  return boardView(
    events.reduce((b, e) => applyEvent(b, e), emptyBoard(room)),
    { now: NOW, lang },
  );
}
const { room, events } = roomOfThirty();

describe('BoardTable', () => {
  it('one row per learner in the view’s order: mark, name, a cell per step, step, time, code', () => {
    const view = viewOf(room, events);
    const { head, body } = tableLines(view, 79, 'en');
    expect(lineText(head[0] ?? [])).toMatch(/^ {2}learner\s+1 2 3 4 5 6 {2}step\s+time {2}diagnosis$/);
    expect(body.map((line) => lineText(line).slice(2).split(' ')[0])).toEqual(
      view.rows.map((r) => r.learner),
    );
    expect(lineText(body[0] ?? [])).toMatch(/^✖ victor\s+✔ ✔ ✔ ✔ ✖ ○ {2}consume\s+0:36 {2}CONSUME_NOT_SEEN$/);
    expect(lineText(body[5] ?? [])).toMatch(/^○ ömer\s+○ ○ ○ ○ ○ ○$/);
    expect(lineText(body.at(-1) ?? [])).toMatch(/^✔ \S+\s+✔ ✔ ✔ ✔ ✔ ✔ {2}verify\s+0:02$/);
  });

  it('fits 79 and 59 cells in English and Chinese, keeping diagnosis codes whole', () => {
    for (const lang of ['en', 'zh'] as const) {
      const view = viewOf(
        room,
        [...events, ...walk('a-learner-with-a-very-long-name', 500, { through: 1 })],
        lang,
      );
      for (const width of [79, 59]) {
        const { head, body } = tableLines(view, width, lang);
        for (const line of [...head, ...body]) expect(widthOf(lineText(line))).toBeLessThanOrEqual(width);
        expect(lineText(body[0] ?? [])).toContain('CONSUME_NOT_SEEN');
      }
    }
  });

  it('Chinese names and column titles line up: the step cells start in the same cell on every row', () => {
    const view = viewOf(room, events, 'zh');
    const { head, body } = tableLines(view, 79, 'zh');
    const cellsAt = (text: string, cells: RegExp) => {
      const at = text.slice(2).search(cells) + 2;
      return widthOf(text.slice(0, at));
    };
    const headAt = cellsAt(lineText(head[0] ?? []), /1 2 3 4 5 6/);
    for (const line of body) expect(cellsAt(lineText(line), /[✔✖◐○]( [✔✖◐○]){5}/)).toBe(headAt);
    expect(lineText(head[0] ?? [])).toMatch(/^ {2}学员\s+1 2 3 4 5 6 {2}当前步骤\s+用时 {2}诊断$/);
  });

  it('a stuck learner stands out without colour too: bold, with ✖', () => {
    const view = viewOf(room, events);
    const stuck = tableLines(view, 79, 'en').body[0] ?? [];
    const name = stuck.find((seg) => seg.text.startsWith('victor'));
    expect(name).toMatchObject({ bold: true, tone: 'error' });
    expect(textProps(name ?? { text: '' }, { color: false })).toEqual({ bold: true });
  });

  it('in narrow terminals the code and then the step give way', () => {
    const view = viewOf(room, events);
    const narrow = tableLines(view, 40, 'en').body.map(lineText);
    for (const line of narrow) expect(widthOf(line)).toBeLessThanOrEqual(40);
    expect(narrow[0]).not.toContain('CONSUME');
    expect(narrow[0]).toContain('✔ ✔ ✔ ✔ ✖ ○');
  });

  it('words instead of icons: one sentence per learner, wrapped', () => {
    const view = viewOf(room, [...events, step('ömer', 'prepare-env', 'started', 599)]);
    const text = tableLines(view, 79, 'en', true).body.map(lineText).join('\n');
    expect(text).toContain('victor: stuck; step 5 consume: failed; time 0:36; diagnosis CONSUME_NOT_SEEN;');
    expect(text).toContain('ömer: in progress; step 1 prepare-env: running; time 0:01');
    expect(text).not.toMatch(/[✔✖◐○]/);
    const zh = tableLines(viewOf(room, events, 'zh'), 59, 'zh', true).body.map(lineText);
    expect(zh.slice(0, 2)).toEqual([
      'victor：卡住；第 5 步 consume：失败；用时 0:36；诊断',
      '  CONSUME_NOT_SEEN；各步骤：1 通过，2 通过，3 通过，4 通',
    ]);
    for (const line of zh) expect(widthOf(line)).toBeLessThanOrEqual(59);
  });

  it('an empty room says nobody has joined', () => {
    const { lastFrame } = render(<BoardTable view={viewOf(room, [], 'zh')} width={79} lang="zh" />);
    expect(plain(lastFrame())).toBe('还没有学员加入本教室。');
  });
});
