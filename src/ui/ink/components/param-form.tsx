import { envVarName, type ParamSource } from '../../../engine/params.js';
import type { ParamDef } from '../../../engine/types.js';
import { type Lang, type Message, render, t } from '../../../i18n/index.js';
import { isChoice, isSecret, maskSecret } from '../../interactive/form.js';
import { padEnd, type Segment, type StyledLine, truncate, widthOf, wrap } from '../text/width.js';
import { Lines } from './lines.js';

/** Rows under the focused field while editing: its check, then its help. Fixed, so moving never resizes. */
export const DETAIL_ROWS = 3;

export interface FormView {
  lang: Lang;
  width: number;
  fields: readonly ParamDef[];
  values: Readonly<Record<string, string>>;
  problems: ReadonlyMap<string, Message>;
  /** Index of the focused field; `fields.length` is the Run button; undefined when not editing. */
  focus?: number;
  cursor: number;
  /** Secrets typed in this walk (one dot per character); others show a fixed mask. */
  typedSecrets: ReadonlySet<string>;
  sources: Readonly<Record<string, ParamSource | 'typed'>>;
}

const MARK_WIDTH = 2;

function labelWidth(fields: readonly ParamDef[], lang: Lang, width: number): number {
  const widest = Math.max(...fields.map((f) => widthOf(f.label[lang])), 6);
  return Math.min(widest, Math.max(10, Math.floor((width - 2) * 0.42)));
}

/** The visible part of a value being edited, with the cursor cell inverted. */
function editedValue(value: string, cursor: number, room: number): Segment[] {
  const chars = Array.from(value);
  const at = Math.min(cursor, chars.length);
  const under = chars[at] ?? ' ';
  let before = chars.slice(0, at).join('');
  let after = chars.slice(at + 1).join('');
  const budget = room - widthOf(under);
  if (widthOf(before) > budget) {
    // Keep the cursor in view: cut from the left.
    const kept: string[] = [];
    let used = 1;
    for (const ch of Array.from(before).reverse()) {
      if (used + widthOf(ch) > budget) break;
      kept.unshift(ch);
      used += widthOf(ch);
    }
    before = `…${kept.join('')}`;
  }
  after = truncate(after, Math.max(0, budget - widthOf(before)));
  return [{ text: before }, { text: under, inverse: true }, { text: after }];
}

function sourceText(lang: Lang, id: string, source: ParamSource | 'typed' | undefined): string {
  switch (source) {
    case 'env':
      return t(lang, 'wizard.form.source.env', { env: envVarName(id) });
    case 'set':
    case 'profile':
    case 'sandbox':
    case 'default':
    case 'typed':
      return t(lang, `wizard.form.source.${source}`);
    default:
      return '';
  }
}

function detailRows(view: FormView, def: ParamDef, indent: number): StyledLine[] {
  const { lang } = view;
  const room = Math.max(10, view.width - indent);
  const pad: Segment = { text: ' '.repeat(indent) };
  const rows: StyledLine[] = [];
  const problem = view.problems.get(def.id);
  if (problem) {
    for (const line of wrap(`✖ ${render(lang, problem)}`, room).slice(0, 2))
      rows.push([pad, { text: line, tone: 'error' }]);
  } else {
    const source = sourceText(lang, def.id, view.sources[def.id]);
    const ok = view.values[def.id] ? t(lang, 'wizard.form.looksRight') : '';
    rows.push([pad, { text: truncate([ok, source].filter(Boolean).join(' · '), room), tone: 'ok' }]);
  }
  const help = [def.help[lang], def.example ? t(lang, 'wizard.form.example', { example: def.example }) : '']
    .filter(Boolean)
    .join(' ');
  const helpLines = wrap(help, room);
  const left = DETAIL_ROWS - rows.length;
  helpLines.slice(0, left).forEach((line, i) => {
    const last = i === left - 1 && helpLines.length > left;
    rows.push([pad, { text: last ? truncate(`${line}…`, room) : line, tone: 'muted' }]);
  });
  while (rows.length < DETAIL_ROWS) rows.push([]);
  return rows;
}

/** The form as rows: one per field (label, value, ✔/✖), the focused field's details, the Run button. */
export function formLines(view: FormView): StyledLine[] {
  const { lang, width, fields } = view;
  if (fields.length === 0) return [[{ text: t(lang, 'wizard.form.none'), tone: 'muted' }]];
  const labelW = labelWidth(fields, lang, width);
  const valueW = Math.max(6, width - 2 - labelW - 1 - MARK_WIDTH);
  const rows: StyledLine[] = [];
  fields.forEach((def, i) => {
    const focused = view.focus === i;
    const value = view.values[def.id] ?? '';
    const problem = view.problems.get(def.id);
    let shown: Segment[];
    if (isSecret(def)) {
      const masked = maskSecret(value, view.typedSecrets.has(def.id));
      shown = focused ? editedValue(masked, Array.from(masked).length, valueW) : [{ text: masked }];
    } else if (isChoice(def)) {
      shown = [{ text: focused ? `‹ ${value} ›` : value, ...(focused ? { bold: true } : {}) }];
    } else if (focused) {
      shown = editedValue(value, view.cursor, valueW);
    } else if (!value && def.example) {
      shown = [
        {
          text: truncate(t(lang, 'wizard.form.example', { example: def.example }), valueW),
          tone: 'muted',
          dim: true,
        },
      ];
    } else {
      shown = [{ text: truncate(value, valueW) }];
    }
    const shownWidth = shown.reduce((n, s) => n + widthOf(s.text), 0);
    const mark: Segment = problem
      ? { text: '✖', tone: 'error' }
      : value
        ? { text: '✔', tone: 'ok' }
        : { text: ' ' };
    rows.push([
      { text: focused ? '› ' : '  ', bold: true, tone: 'accent' },
      { text: padEnd(def.label[lang], labelW), ...(focused ? { bold: true } : {}) },
      { text: ' ' },
      ...shown,
      { text: ' '.repeat(Math.max(0, valueW - shownWidth) + 1) },
      mark,
    ]);
    if (focused) rows.push(...detailRows(view, def, 4));
  });
  const onRun = view.focus === fields.length;
  rows.push([
    { text: onRun ? '› ' : '  ', bold: true, tone: 'accent' },
    {
      text: t(lang, 'wizard.form.run'),
      ...(onRun ? { bold: true, inverse: true } : {}),
      tone: view.problems.size > 0 ? 'muted' : 'ok',
    },
  ]);
  return rows;
}

/** Rows `formLines` will take: fields, Run button, and the details while a field is focused. */
export function formHeight(fieldCount: number, focus: number | undefined): number {
  if (fieldCount === 0) return 1;
  const details = focus !== undefined && focus < fieldCount ? DETAIL_ROWS : 0;
  return fieldCount + 1 + details;
}

export function ParamForm(view: FormView) {
  return <Lines lines={formLines(view)} />;
}
