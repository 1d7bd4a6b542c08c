import type { Lang } from '../../i18n/index.js';
import { applyEvent, emptyBoard } from '../../workshop/board.js';
import type { ProgressEvent, Room } from '../../workshop/progress.js';
import { boardView } from '../../workshop/view.js';
import { lineText } from '../ink/text/width.js';
import { boardHeaderLines, legendLines } from './board-header.js';
import { tableLines } from './board-table.js';

export interface BoardOnceOptions {
  room: Room;
  lang: Lang;
  /** The room's history as read from the topic. */
  events: Iterable<ProgressEvent>;
  /** Cells per line (the terminal's width, or 80 when not a terminal). */
  width?: number;
  now?: number;
  /** Words instead of icons, one sentence per learner. */
  words?: boolean;
}

/**
 * `workshop status`: the board once, as plain text (no colour, no cursor movement), every learner
 * listed. The same view, order and count line as the live screens.
 */
export function boardOnce(options: BoardOnceOptions): string {
  let board = emptyBoard(options.room);
  for (const event of options.events) board = applyEvent(board, event);
  const view = boardView(board, { now: options.now ?? Date.now(), lang: options.lang });
  const width = Math.max(20, options.width ?? 80);
  const { head, body } = tableLines(view, width, options.lang, options.words);
  const lines = [
    ...boardHeaderLines(view, width, options.lang),
    ...(options.words ? [] : legendLines(view, width)),
    ...head,
    ...body,
  ];
  return `${lines.map((line) => lineText(line).trimEnd()).join('\n')}\n`;
}
