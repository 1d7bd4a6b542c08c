import { type Lang, type MessageKey, t } from '../../i18n/index.js';
import type { BoardRow, CellState, RowState } from '../../workshop/row.js';
import type { BoardView } from '../../workshop/view.js';
import { Lines } from '../ink/components/lines.js';
import { RAIL_ICON } from '../ink/components/progress-rail.js';
import {
  padEnd,
  type Segment,
  type StyledLine,
  type Tone,
  truncate,
  widthOf,
  wrapSegments,
} from '../ink/text/width.js';
import { type Columns, MARK, tableColumns, timeText } from './columns.js';

export const CELL_TONE: Record<CellState, Tone> = {
  pending: 'muted',
  running: 'accent',
  passed: 'ok',
  warned: 'warn',
  failed: 'error',
  skipped: 'muted',
};

export const CELL_WORD: Record<CellState, MessageKey> = {
  pending: 'workshop.cell.pending',
  running: 'wizard.short.running',
  passed: 'wizard.short.passed',
  warned: 'wizard.short.warned',
  failed: 'wizard.short.failed',
  skipped: 'wizard.short.skipped',
};

export const ROW_MARK: Record<RowState, { icon: string; tone: Tone }> = {
  stuck: { icon: RAIL_ICON.failed, tone: 'error' },
  running: { icon: RAIL_ICON.running, tone: 'accent' },
  'not-started': { icon: RAIL_ICON.pending, tone: 'muted' },
  verified: { icon: RAIL_ICON.passed, tone: 'ok' },
};

export const ROW_WORD: Record<RowState, MessageKey> = {
  stuck: 'workshop.row.stuck',
  running: 'workshop.row.running',
  'not-started': 'workshop.row.notStarted',
  verified: 'workshop.row.verified',
};

const CELL_ICON: Record<CellState, string> = { ...RAIL_ICON };

export interface TableLines {
  /** The column titles (none in words mode). */
  head: StyledLine[];
  /** The learners, in the view's order: one line each, or a few in words mode. */
  body: StyledLine[];
}

/**
 * The learners as a compact table, one row each: the stuck stand out (bold, and red where there is
 * colour). In words mode (screen readers) each learner is a sentence instead of a row of icons.
 */
export function tableLines(view: BoardView, width: number, lang: Lang, words = false): TableLines {
  if (view.rows.length === 0)
    return { head: [], body: [[{ text: t(lang, 'workshop.empty'), tone: 'muted' }]] };
  if (words) return { head: [], body: view.rows.flatMap((row) => wordLines(row, view, width, lang)) };
  const cols = tableColumns(view, width, lang);
  return { head: [headLine(view, cols, lang)], body: view.rows.map((row) => rowLine(row, cols)) };
}

function headLine(view: BoardView, cols: Columns, lang: Lang): StyledLine {
  const numbers = view.steps.map((_, i) => String((i + 1) % 10)).join(' ');
  const text = [
    ' '.repeat(MARK),
    padEnd(t(lang, 'workshop.col.learner'), cols.name),
    ' ',
    numbers,
    ...(cols.step ? ['  ', padEnd(t(lang, 'workshop.col.step'), cols.step), ' '] : []),
    ...(cols.time ? [padStart(t(lang, 'workshop.col.time'), cols.time)] : []),
    ...(cols.code ? ['  ', truncate(t(lang, 'workshop.col.code'), cols.code)] : []),
  ].join('');
  return [{ text: text.trimEnd(), tone: 'muted', bold: true }];
}

function rowLine(row: BoardRow, cols: Columns): StyledLine {
  const stuck = row.state === 'stuck';
  const mark = ROW_MARK[row.state];
  const line: Segment[] = [
    { text: `${mark.icon} `, tone: mark.tone },
    {
      text: padEnd(row.learner, cols.name),
      ...(stuck ? { bold: true, tone: 'error' as const } : {}),
      ...(row.state === 'not-started' ? { tone: 'muted' as const } : {}),
    },
    { text: ' ' },
  ];
  row.cells.forEach((cell, i) => {
    if (i > 0) line.push({ text: ' ' });
    line.push({
      text: CELL_ICON[cell],
      tone: CELL_TONE[cell],
      ...(row.current?.index === i ? { bold: true } : {}),
    });
  });
  if (cols.step) line.push({ text: `  ${padEnd(row.current?.id ?? '', cols.step)} ` });
  if (cols.time)
    line.push({ text: padStart(timeText(row.stepMs), cols.time), ...(stuck ? { bold: true } : {}) });
  if (cols.code && row.code)
    line.push(
      { text: '  ' },
      { text: truncate(row.code, cols.code), ...(stuck ? { tone: 'error' } : { dim: true }) },
    );
  return trimLine(line);
}

/** `victor: stuck; step 5 consume: failed; time 0:36; diagnosis X; steps: 1 passed, …`, wrapped. */
function wordLines(row: BoardRow, view: BoardView, width: number, lang: Lang): StyledLine[] {
  const parts = [
    t(lang, 'workshop.words.row', { learner: row.learner, state: t(lang, ROW_WORD[row.state]) }),
  ];
  if (row.current)
    parts.push(
      t(lang, 'workshop.words.at', {
        n: row.current.index + 1,
        step: row.current.id,
        status: t(lang, CELL_WORD[row.current.state]),
      }),
    );
  if (row.stepMs !== undefined) parts.push(t(lang, 'workshop.words.time', { time: timeText(row.stepMs) }));
  if (row.code) parts.push(t(lang, 'workshop.words.code', { code: row.code }));
  const list = row.cells.map((cell, i) => `${i + 1} ${t(lang, CELL_WORD[cell])}`);
  if (view.steps.length > 0 && row.current)
    parts.push(t(lang, 'workshop.words.steps', { list: list.join(t(lang, 'workshop.count.listSep')) }));
  const text = parts.join(t(lang, 'workshop.words.sep'));
  const style = row.state === 'stuck' ? { bold: true } : {};
  return wrapSegments([{ text, ...style }], width, [], [{ text: '  ' }]);
}

function padStart(text: string, width: number): string {
  const cut = truncate(text, width);
  return ' '.repeat(Math.max(0, width - widthOf(cut))) + cut;
}

/** Without trailing spaces: the padding of the columns left empty at the end of a row. */
function trimLine(line: Segment[]): StyledLine {
  const out = line.filter((seg) => seg.text !== '');
  for (let last = out.at(-1); last; last = out.at(-1)) {
    last.text = last.text.trimEnd();
    if (last.text) break;
    out.pop();
  }
  return out;
}

export function BoardTable(props: { view: BoardView; width: number; lang: Lang; words?: boolean }) {
  const { head, body } = tableLines(props.view, props.width, props.lang, props.words);
  return <Lines lines={[...head, ...body]} />;
}
