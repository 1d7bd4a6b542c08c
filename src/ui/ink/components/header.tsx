import { type StyledLine, truncate, widthOf } from '../text/width.js';
import { Lines } from './lines.js';

/** One row: the tutorial on the left, the profile on the right when both fit. */
export function headerLines(left: string, right: string, width: number): StyledLine[] {
  const gap = 2;
  if (right && widthOf(left) + gap + widthOf(right) <= width) {
    const pad = width - widthOf(left) - widthOf(right);
    return [[{ text: left, bold: true }, { text: ' '.repeat(pad) }, { text: right, tone: 'muted' }]];
  }
  const roomLeft = right ? Math.max(10, width - widthOf(right) - gap) : width;
  const cut = truncate(left, roomLeft);
  const tail = right ? truncate(right, Math.max(0, width - widthOf(cut) - gap)) : '';
  return [[{ text: cut, bold: true }, ...(tail ? [{ text: `  ${tail}`, tone: 'muted' as const }] : [])]];
}

export function Header(props: { left: string; right: string; width: number }) {
  return <Lines lines={headerLines(props.left, props.right, props.width)} />;
}
