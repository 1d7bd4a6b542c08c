import type { Lang } from '../../../i18n/index.js';
import { t } from '../../../i18n/index.js';
import { type Segment, type StyledLine, type Tone, truncate, widthOf } from '../text/width.js';
import { Lines } from './lines.js';

export type RailState = 'pending' | 'running' | 'passed' | 'warned' | 'failed' | 'skipped' | 'na';

export interface RailItem {
  id: string;
  state: RailState;
  /** The step on screen. */
  current: boolean;
  /** The state comes from an earlier run, not this walk. */
  earlier: boolean;
}

export const RAIL_ICON: Record<RailState, string> = {
  pending: '○',
  running: '◐',
  passed: '✔',
  warned: '!',
  failed: '✖',
  skipped: '–',
  na: '·',
};

const TONE: Record<RailState, Tone | undefined> = {
  pending: 'muted',
  running: 'accent',
  passed: 'ok',
  warned: 'warn',
  failed: 'error',
  skipped: 'muted',
  na: 'muted',
};

const WORD: Record<RailState, Parameters<typeof t>[1]> = {
  pending: 'wizard.state.ahead',
  running: 'wizard.short.running',
  passed: 'wizard.short.passed',
  warned: 'wizard.short.warned',
  failed: 'wizard.short.failed',
  skipped: 'wizard.short.skipped',
  na: 'wizard.short.notNeeded',
};

/**
 * Every step with its state, packed into as few rows as the width allows: `✔ prepare-env  ✔
 * check-cert  [◐ produce]  ○ consume`. The current step is bracketed (visible without colour).
 * For screen readers the icons become words.
 */
export function railLines(
  items: readonly RailItem[],
  width: number,
  options: { lang: Lang; words?: boolean },
): StyledLine[] {
  const pieces: Segment[][] = items.map((item, i) => {
    const label = options.words
      ? `${i + 1} ${item.id}: ${t(options.lang, WORD[item.state])}`
      : `${RAIL_ICON[item.state]} ${item.id}`;
    const text = item.current ? `[${label}]` : label;
    return [
      {
        text: truncate(text, width),
        tone: TONE[item.state],
        ...(item.current ? { bold: true } : {}),
        ...(item.earlier && !item.current ? { dim: true } : {}),
      },
    ];
  });
  const lines: StyledLine[] = [];
  let line: StyledLine = [];
  let used = 0;
  const gap = options.words ? '; ' : '  ';
  for (const piece of pieces) {
    const w = widthOf(piece[0]?.text ?? '');
    if (line.length > 0 && used + gap.length + w > width) {
      lines.push(line);
      line = [];
      used = 0;
    }
    if (line.length > 0) {
      line.push({ text: gap });
      used += gap.length;
    }
    line.push(...piece);
    used += w;
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

export function ProgressRail(props: {
  items: readonly RailItem[];
  width: number;
  lang: Lang;
  words?: boolean;
}) {
  return <Lines lines={railLines(props.items, props.width, { lang: props.lang, words: props.words })} />;
}
