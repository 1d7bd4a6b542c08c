import { padEnd, type Segment, type StyledLine, type Tone, truncate, widthOf } from '../text/width.js';
import { Lines } from './lines.js';

export interface SelectItem {
  label: string;
  detail?: string;
  /** A leading mark, e.g. a step's state icon. */
  icon?: { text: string; tone?: Tone };
  tone?: Tone;
}

/** A vertical list with a `›` on the chosen row (visible without colour and to screen readers). */
export function selectLines(items: readonly SelectItem[], cursor: number, width: number): StyledLine[] {
  const iconW = Math.max(0, ...items.map((item) => (item.icon ? widthOf(item.icon.text) + 1 : 0)));
  const widest = Math.max(0, ...items.map((item) => widthOf(item.label)));
  const labelW = Math.min(widest, Math.max(12, Math.floor((width - 2 - iconW) * 0.65)));
  return items.map((item, i) => {
    const chosen = i === cursor;
    const row: Segment[] = [{ text: chosen ? '› ' : '  ', bold: true, tone: 'accent' }];
    if (iconW > 0)
      row.push({
        text: padEnd(item.icon?.text ?? '', iconW),
        ...(item.icon?.tone ? { tone: item.icon.tone } : {}),
      });
    const detailRoom = width - 2 - iconW - labelW - 2;
    const label =
      item.detail && detailRoom >= 8 ? padEnd(item.label, labelW) : truncate(item.label, width - 2 - iconW);
    row.push({ text: label, ...(chosen ? { bold: true } : {}), ...(item.tone ? { tone: item.tone } : {}) });
    if (item.detail && detailRoom >= 8)
      row.push({ text: `  ${truncate(item.detail, detailRoom)}`, tone: 'muted' });
    return row;
  });
}

export function SelectList(props: { items: readonly SelectItem[]; cursor: number; width: number }) {
  return <Lines lines={selectLines(props.items, props.cursor, props.width)} />;
}

/** Moves a list cursor with ↑/↓ (wrapping), Home/End. */
export function moveCursor(
  cursor: number,
  count: number,
  key: { upArrow?: boolean; downArrow?: boolean; home?: boolean; end?: boolean },
): number {
  if (count === 0) return 0;
  if (key.upArrow) return (cursor - 1 + count) % count;
  if (key.downArrow) return (cursor + 1) % count;
  if (key.home) return 0;
  if (key.end) return count - 1;
  return cursor;
}
