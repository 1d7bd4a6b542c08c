import { type Lang, pick } from '../i18n/index.js';
import type { Board } from './board.js';
import { sortRows } from './order.js';
import { printable } from './printable.js';
import { type BoardRow, learnerRow } from './row.js';
import { type BoardCounts, countLine, countRoom } from './summary.js';

/**
 * What every front end of the board shows (the terminal screen, `workshop status` and the web
 * page), computed in one place: the rows in the order to read them, and the room's count line.
 */
export interface BoardView {
  room: { id: string; name: string; tutorial: string };
  steps: { id: string; title: string }[];
  rows: BoardRow[];
  counts: BoardCounts;
  /** The count line in the room's language. */
  summary: string;
  /** Some learner's step is running: its clock moves, so the view changes with time. */
  ticking: boolean;
  /** The time the view was computed for (epoch ms). */
  now: number;
}

export function boardView(board: Board, options: { now: number; lang: Lang }): BoardView {
  const { room } = board;
  const rows = sortRows(
    Object.values(board.learners).map((learner) => learnerRow(learner, room, options.now)),
    options.lang,
  );
  const counts = countRoom(rows, room);
  return {
    room: { id: printable(room.id), name: printable(room.name), tutorial: printable(room.tutorial) },
    steps: room.steps.map((s) => ({ id: printable(s.id), title: printable(pick(options.lang, s.title)) })),
    rows,
    counts,
    summary: countLine(counts, options.lang),
    ticking: rows.some((row) => row.current?.state === 'running'),
    now: options.now,
  };
}
