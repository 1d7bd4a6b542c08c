import { type Lang, t } from '../../i18n/index.js';
import type { BoardView } from '../../workshop/view.js';
import { headerLines } from '../ink/components/header.js';
import { keyBarLines } from '../ink/components/key-bar.js';
import { Lines } from '../ink/components/lines.js';
import { type StyledLine, widthOf, wrapSegments } from '../ink/text/width.js';

/**
 * The top of the board: the room's name (its id and tutorial on the right), the count line, and,
 * when the stream of events stopped, why.
 */
export function boardHeaderLines(view: BoardView, width: number, lang: Lang, failure?: string): StyledLine[] {
  const left = t(lang, 'workshop.header.title', { name: view.room.name });
  const room = t(lang, 'workshop.header.room', { id: view.room.id, tutorial: view.room.tutorial });
  // The room's name matters more than its id: the id goes when both do not fit.
  const right = widthOf(left) + 2 + widthOf(room) <= width ? room : '';
  const lines = [
    ...headerLines(left, right, width),
    ...wrapSegments([{ text: view.summary, bold: true }], width),
  ];
  if (failure)
    lines.push(
      ...wrapSegments([{ text: t(lang, 'workshop.feed.failed', { reason: failure }), tone: 'error' }], width),
    );
  return lines;
}

/** What the numbered step columns stand for: `1 prepare-env · 2 check-cert · …`. */
export function legendLines(view: BoardView, width: number): StyledLine[] {
  return keyBarLines(
    view.steps.map((step, i) => [String(i + 1), step.id] as const),
    width,
  );
}

export function BoardHeader(props: { view: BoardView; width: number; lang: Lang; failure?: string }) {
  return <Lines lines={boardHeaderLines(props.view, props.width, props.lang, props.failure)} />;
}
