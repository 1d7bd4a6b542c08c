import { type Lang, t } from '../../i18n/index.js';
import { clock } from '../../workshop/clock.js';
import type { BoardView } from '../../workshop/view.js';
import { widthOf } from '../ink/text/width.js';

/**
 * Cell widths of the board's table. A row reads
 * `{mark}{name} {cells}  {step} {time}  {code}`: a mark (icon and space), the learner, one icon per
 * step, the current step, its time, the last diagnosis code. A width of 0 leaves a column out.
 */
export interface Columns {
  name: number;
  cells: number;
  step: number;
  time: number;
  code: number;
}

export const MARK = 2;

const MIN = { name: 8, step: 7, code: 16 };
const MAX = { name: 20, step: 14 };

const widest = (texts: readonly string[]) => texts.reduce((w, text) => Math.max(w, widthOf(text)), 1);

export function timeText(ms: number | undefined): string {
  return ms === undefined ? '' : clock(ms);
}

/**
 * Widths that fit `width` cells. Name and step are as wide as their widest entry (within bounds);
 * the code takes the rest of the line. When the code would get too little, the wider of name and
 * step gives way, down to its minimum; then the code column is left out, and then step and time.
 */
export function tableColumns(view: BoardView, width: number, lang: Lang): Columns {
  const { rows } = view;
  const cells = Math.max(1, view.steps.length * 2 - 1);
  const time = Math.max(4, widest([t(lang, 'workshop.col.time'), ...rows.map((r) => timeText(r.stepMs))]));
  const wantCode = widest([t(lang, 'workshop.col.code'), ...rows.map((r) => r.code ?? '')]);
  let name = Math.min(MAX.name, widest([t(lang, 'workshop.col.learner'), ...rows.map((r) => r.learner)]));
  let step = Math.min(
    MAX.step,
    widest([t(lang, 'workshop.col.step'), ...rows.map((r) => r.current?.id ?? '')]),
  );
  const minCode = Math.min(MIN.code, wantCode);
  const codeRoom = () => width - (MARK + name + 1 + cells + 2 + step + 1 + time + 2);
  while (codeRoom() < minCode && (name > MIN.name || step > MIN.step)) {
    if (name - MIN.name >= step - MIN.step) name -= 1;
    else step -= 1;
  }
  if (codeRoom() >= minCode) return { name, cells, step, time, code: Math.min(codeRoom(), wantCode) };
  const stepRoom = width - (MARK + name + 1 + cells + 2 + time);
  if (stepRoom >= step + 1) return { name, cells, step, time, code: 0 };
  return { name: Math.max(1, Math.min(name, width - (MARK + 1 + cells))), cells, step: 0, time: 0, code: 0 };
}
