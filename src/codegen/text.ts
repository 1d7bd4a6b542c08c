import { type Lang, type MessageKey, type MessageValues, t } from '../i18n/index.js';

/** Display width of a string: CJK characters take two columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
      ch,
    )
      ? 2
      : 1;
  return w;
}

/** Wraps text to `max` columns: at spaces for Latin text, anywhere between CJK characters. */
export function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  const tokens =
    text.match(/[\u2e80-\u9fff\uff00-\uffef][，。；：、）」』]?|[^\s\u2e80-\u9fff\uff00-\uffef]+|\s+/g) ?? [];
  for (const token of tokens) {
    if (/^\s+$/.test(token)) {
      if (line) line += ' ';
      continue;
    }
    if (line && width(line) + width(token) > max) {
      lines.push(line.trimEnd());
      line = '';
    }
    line += token;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/** A message as comment lines (`# ...` or `// ...`), indented. */
export type Commenter = (key: MessageKey, values?: MessageValues, indent?: string) => string;

/** Comments in the user's language, wrapped to fit the code's width. */
export function commenter(lang: Lang, marker: '#' | '//', max = 96): Commenter {
  return (key, values, indent = '') =>
    wrap(t(lang, key, values), max - indent.length - marker.length - 1)
      .map((l) => `${indent}${marker} ${l}`)
      .join('\n');
}

/** A string literal valid in both Python and TypeScript (JSON's escapes are a subset of both). */
export function lit(value: string): string {
  return JSON.stringify(value);
}

/** A single-quoted TypeScript string literal (the style of the generated TypeScript). */
export function litTs(value: string): string {
  const inner = JSON.stringify(value).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'");
  return `'${inner}'`;
}
