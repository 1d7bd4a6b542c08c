import { type Lang, t } from '../../i18n/index.js';
import type { CellState, RowState } from '../../workshop/row.js';
import type { BoardView } from '../../workshop/view.js';
import { CELL_WORD, ROW_MARK, ROW_WORD } from '../board/board-table.js';
import { timeText } from '../board/columns.js';
import { RAIL_ICON } from '../ink/components/progress-rail.js';

/**
 * What the page receives on every change: the board's view with every word already in the room's
 * language, so that the page's script only places text (it holds no words and no rules of its own).
 */
export interface WebBoard {
  lang: Lang;
  /** The browser tab's title. */
  pageTitle: string;
  title: string;
  room: string;
  summary: string;
  failure: string | null;
  empty: string | null;
  heads: { learner: string; state: string; step: string; time: string; code: string };
  steps: { n: number; id: string; title: string }[];
  rows: WebRow[];
  ticking: boolean;
}

export interface WebRow {
  learner: string;
  state: RowState;
  mark: string;
  stateWord: string;
  cells: { state: CellState; icon: string; word: string; current: boolean }[];
  step: string;
  stepTitle: string;
  time: string;
  code: string;
}

const CELL_ICON: Record<CellState, string> = { ...RAIL_ICON };

export function webBoard(view: BoardView, lang: Lang, failure?: string): WebBoard {
  return {
    lang,
    pageTitle: t(lang, 'workshop.web.pageTitle', { name: view.room.name }),
    title: t(lang, 'workshop.header.title', { name: view.room.name }),
    room: t(lang, 'workshop.header.room', { id: view.room.id, tutorial: view.room.tutorial }),
    summary: view.summary,
    failure: failure ? t(lang, 'workshop.feed.failed', { reason: failure }) : null,
    empty: view.rows.length === 0 ? t(lang, 'workshop.empty') : null,
    heads: {
      learner: t(lang, 'workshop.col.learner'),
      state: t(lang, 'workshop.col.state'),
      step: t(lang, 'workshop.col.step'),
      time: t(lang, 'workshop.col.time'),
      code: t(lang, 'workshop.col.code'),
    },
    steps: view.steps.map((step, i) => ({ n: i + 1, id: step.id, title: step.title })),
    rows: view.rows.map((row) => ({
      learner: row.learner,
      state: row.state,
      mark: ROW_MARK[row.state].icon,
      stateWord: t(lang, ROW_WORD[row.state]),
      cells: row.cells.map((state, i) => ({
        state,
        icon: CELL_ICON[state],
        word: t(lang, 'workshop.words.at', {
          n: i + 1,
          step: view.steps[i]?.id ?? '',
          status: t(lang, CELL_WORD[state]),
        }),
        current: row.current?.index === i,
      })),
      step: row.current?.id ?? '',
      stepTitle: row.current ? (view.steps[row.current.index]?.title ?? '') : '',
      time: timeText(row.stepMs),
      code: row.code ?? '',
    })),
    ticking: view.ticking,
  };
}
