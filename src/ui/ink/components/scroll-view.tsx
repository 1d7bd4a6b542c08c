import { type Lang, t } from '../../../i18n/index.js';
import type { StyledLine } from '../text/width.js';
import { Lines } from './lines.js';

export interface Viewport {
  lines: StyledLine[];
  /** The offset actually used (clamped). */
  offset: number;
  /** The largest useful offset: scrolling further shows nothing new. */
  maxOffset: number;
}

/**
 * A window of `height` rows onto longer content. When the content does not fit, the last row says
 * how much is below (or, at the end, how much is above), so the window's height never changes.
 */
export function viewport(
  content: readonly StyledLine[],
  offset: number,
  height: number,
  lang: Lang,
): Viewport {
  if (height <= 0) return { lines: [], offset: 0, maxOffset: 0 };
  if (content.length <= height) return { lines: [...content], offset: 0, maxOffset: 0 };
  const room = Math.max(1, height - 1);
  const maxOffset = content.length - room;
  const at = Math.min(Math.max(0, offset), maxOffset);
  const shown = content.slice(at, at + room);
  const below = content.length - at - room;
  const note = below > 0 ? t(lang, 'wizard.more', { n: below }) : t(lang, 'wizard.above', { n: at });
  return { lines: [...shown, [{ text: note, tone: 'muted', dim: true }]], offset: at, maxOffset };
}

export function ScrollView(props: {
  content: readonly StyledLine[];
  offset: number;
  height: number;
  lang: Lang;
}) {
  return <Lines lines={viewport(props.content, props.offset, props.height, props.lang).lines} />;
}
