import { type Lang, type Message, render, t } from '../../../i18n/index.js';
import { type StyledLine, truncate, widthOf, wrap } from '../text/width.js';
import { Lines } from './lines.js';
import { elapsed, spinnerFrame } from './spinner.js';

export interface RunView {
  lang: Lang;
  title: string;
  progress: readonly Message[];
  elapsedMs: number;
  width: number;
  height: number;
  /** No animation for screen readers. */
  still?: boolean;
  /** Replaces the "Running" line, e.g. while stopping. */
  status?: string;
}

/** The live run: a spinner with the elapsed time, then the newest progress lines that fit. */
export function runLines(view: RunView): StyledLine[] {
  const { lang, width } = view;
  const time = elapsed(view.elapsedMs);
  const head = view.status ?? t(lang, 'wizard.running', { title: view.title });
  const icon = view.still ? '…' : spinnerFrame(view.elapsedMs);
  const headText = truncate(`${icon} ${head}`, width - widthOf(time) - 2);
  const rows: StyledLine[] = [
    [
      { text: headText, tone: 'accent', bold: true },
      { text: ' '.repeat(Math.max(2, width - widthOf(headText) - widthOf(time))) },
      { text: time, tone: 'muted' },
    ],
  ];
  const room = Math.max(0, view.height - 1);
  const progress: StyledLine[] = view.progress.flatMap((m) =>
    wrap(render(lang, m), width - 4).map((line, i) => [{ text: i === 0 ? `  • ${line}` : `    ${line}` }]),
  );
  rows.push(...progress.slice(Math.max(0, progress.length - room)));
  return rows;
}

export function RunPanel(view: RunView) {
  return <Lines lines={runLines(view)} />;
}
