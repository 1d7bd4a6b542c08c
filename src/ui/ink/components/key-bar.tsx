import type { StyledLine } from '../text/width.js';
import { widthOf } from '../text/width.js';
import { Lines } from './lines.js';

/** A key and what it does, e.g. ['Enter', 'run']. */
export type KeyHint = readonly [key: string, label: string];

/** The keys that work right now, as `Enter run · e edit · q quit`, wrapped between hints. */
export function keyBarLines(keys: readonly KeyHint[], width: number): StyledLine[] {
  const lines: StyledLine[] = [];
  let line: StyledLine = [];
  let used = 0;
  const sep = ' · ';
  for (const [key, label] of keys) {
    const w = widthOf(key) + 1 + widthOf(label);
    if (line.length > 0 && used + sep.length + w > width) {
      lines.push(line);
      line = [];
      used = 0;
    }
    if (line.length > 0) {
      line.push({ text: sep, tone: 'muted' });
      used += sep.length;
    }
    line.push({ text: key, bold: true, tone: 'accent' }, { text: ` ${label}` });
    used += w;
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

export function KeyBar({ keys, width }: { keys: readonly KeyHint[]; width: number }) {
  return <Lines lines={keyBarLines(keys, width)} />;
}
