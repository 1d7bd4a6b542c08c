import { localizeDiagnosis } from '../../../diagnosis/localize.js';
import type { StepDef, StepResult } from '../../../engine/types.js';
import { STATUS_ICON, seconds, statusWord } from '../../../format/status.js';
import { type Lang, render, t } from '../../../i18n/index.js';
import { type StyledLine, type Tone, wrapSegments } from '../text/width.js';
import { Lines } from './lines.js';

const TONE: Record<StepResult['status'], Tone> = {
  passed: 'ok',
  warned: 'warn',
  failed: 'error',
  skipped: 'muted',
};

export interface ResultView {
  lang: Lang;
  step: StepDef;
  result: StepResult;
  width: number;
  /** The result is from an earlier run (shown before this walk runs the step). */
  earlier?: boolean;
}

const para = (text: string, width: number, tone?: Tone, indent = '', bold = false): StyledLine[] =>
  wrapSegments(
    [{ text, ...(tone ? { tone } : {}), ...(bold ? { bold } : {}) }],
    width,
    [{ text: indent }],
    [{ text: indent }],
  );

/** A step's outcome: status and time, summary, notes, what a pass means; on failure the diagnosis. */
export function resultLines(view: ResultView): StyledLine[] {
  const { lang, result, width } = view;
  const rows: StyledLine[] = [];
  if (view.earlier) rows.push([{ text: t(lang, 'wizard.result.earlierNoTime'), tone: 'muted' }]);
  const time = result.status === 'skipped' ? '' : ` (${seconds(result.durationMs)})`;
  rows.push(
    ...para(
      `${STATUS_ICON[result.status]} ${statusWord(lang, result)}${time}`,
      width,
      TONE[result.status],
      '',
      true,
    ),
  );
  if (result.summary) rows.push(...para(render(lang, result.summary), width));
  for (const note of result.notes ?? [])
    rows.push(...wrapSegments([{ text: render(lang, note) }], width, [{ text: '• ' }], [{ text: '  ' }]));
  if (result.diagnosis) {
    const d = localizeDiagnosis(result.diagnosis, lang);
    rows.push([]);
    rows.push(...para(`${d.title} [${d.code}]`, width, 'error', '', true));
    rows.push(...para(d.explanation, width));
    rows.push([{ text: t(lang, 'ui.whatToDo'), bold: true }]);
    d.fixes.forEach((fix, i) => {
      const n = `${i + 1}. `;
      rows.push(
        ...wrapSegments([{ text: fix }], width, [{ text: `  ${n}` }], [{ text: ' '.repeat(n.length + 2) }]),
      );
    });
    if (d.cause) rows.push(...para(`${t(lang, 'ui.cause')} ${d.cause}`, width, 'muted'));
  }
  if (result.status === 'passed' || result.status === 'warned') {
    rows.push([]);
    rows.push(...para(t(lang, 'wizard.result.passes', { text: view.step.passes[lang] }), width, 'muted'));
  }
  if (result.status === 'failed' && !view.earlier) {
    rows.push([]);
    rows.push(...para(t(lang, 'wizard.result.fixHint'), width, 'accent'));
  }
  return rows;
}

export function ResultPanel(view: ResultView) {
  return <Lines lines={resultLines(view)} />;
}
