import { type Lang, t } from '../../../i18n/index.js';
import type { StyledLine } from '../text/width.js';
import { wrapSegments } from '../text/width.js';
import { Lines } from './lines.js';

const KEYS = [
  'wizard.help.run',
  'wizard.help.next',
  'wizard.help.back',
  'wizard.help.skip',
  'wizard.help.edit',
  'wizard.help.scroll',
  'wizard.help.quit',
] as const;

/** What every key does, for the ? key. */
export function helpLines(lang: Lang, width: number): StyledLine[] {
  const rows: StyledLine[] = [[{ text: t(lang, 'wizard.help.title'), bold: true }]];
  for (const key of KEYS)
    rows.push(...wrapSegments([{ text: t(lang, key) }], width, [{ text: '• ' }], [{ text: '  ' }]));
  rows.push([]);
  rows.push([{ text: t(lang, 'wizard.help.close'), tone: 'muted' }]);
  return rows;
}

export function HelpPanel({ lang, width }: { lang: Lang; width: number }) {
  return <Lines lines={helpLines(lang, width)} />;
}
