import stringWidth from 'string-width';

/**
 * Terminal cell widths. Chinese characters take two cells, so every pad, cut and wrap here counts
 * cells (string-width), never string length: that is what keeps columns aligned in zh.
 */
export function widthOf(text: string): number {
  return stringWidth(text);
}

const chars = (text: string): string[] => Array.from(text);

/** Cuts `text` to at most `width` cells, ending with `…` when something was cut. */
export function truncate(text: string, width: number, ellipsis = '…'): string {
  if (width <= 0) return '';
  if (widthOf(text) <= width) return text;
  const room = width - widthOf(ellipsis);
  let out = '';
  let used = 0;
  for (const ch of chars(text)) {
    const w = widthOf(ch);
    if (used + w > room) break;
    out += ch;
    used += w;
  }
  return out + (room >= 0 ? ellipsis : '');
}

/** Pads with spaces to exactly `width` cells (cutting first when longer). */
export function padEnd(text: string, width: number): string {
  const cut = truncate(text, width);
  return cut + ' '.repeat(Math.max(0, width - widthOf(cut)));
}

/** Inline style flags a piece of text can carry. */
export interface SegmentStyle {
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  heading?: boolean;
  dim?: boolean;
  link?: boolean;
  inverse?: boolean;
  /** A meaning the theme turns into a colour (none with NO_COLOR). */
  tone?: Tone;
}

export type Tone = 'ok' | 'warn' | 'error' | 'accent' | 'muted';

export interface Segment extends SegmentStyle {
  text: string;
}

/** One terminal row of styled pieces. */
export type StyledLine = Segment[];

/** Closing punctuation that must not start a line (kinsoku), Chinese and Latin. */
const NO_LINE_START = /^[，。、；：？！）」』”’》〉】…,.;:?!)\]}%]$/u;
/** Opening brackets that must not end a line: they stay with what follows. */
const NO_LINE_END = /^[（「『“‘《〈【([{]+$/u;

/** A unit the wrapper never splits (unless it is wider than a line): a word, a wide character, spaces. */
interface Token {
  pieces: Segment[];
  space: boolean;
}

function styleOf(seg: Segment): SegmentStyle {
  const { text: _text, ...style } = seg;
  return style;
}

const tokenText = (token: Token) => token.pieces.map((p) => p.text).join('');

/** Words, single wide characters (each a break opportunity) and runs of spaces. */
function tokenize(segments: readonly Segment[]): Token[] {
  const tokens: Token[] = [];
  for (const seg of segments) {
    const style = styleOf(seg);
    let word = '';
    let atStart = true;
    const flush = () => {
      const last = tokens.at(-1);
      const lastChar = last && !last.space ? chars(tokenText(last)).at(-1) : undefined;
      if (word && atStart && lastChar !== undefined && widthOf(lastChar) === 1) {
        // A word that continues the previous piece (`code`s, **bold**.) is one unit.
        last?.pieces.push({ text: word, ...style });
      } else if (word) tokens.push({ pieces: [{ text: word, ...style }], space: false });
      word = '';
      atStart = false;
    };
    for (const ch of chars(seg.text.replace(/\t/g, '  '))) {
      if (ch === ' ') {
        flush();
        atStart = false;
        const last = tokens.at(-1);
        if (last?.space) (last.pieces[0] as Segment).text += ch;
        else tokens.push({ pieces: [{ text: ch, ...style }], space: true });
      } else if (NO_LINE_START.test(ch) && (word || tokens.at(-1)?.space === false)) {
        // Closing punctuation stays on the line of what it closes.
        if (word) word += ch;
        else (tokens.at(-1) as Token).pieces.push({ text: ch, ...style });
      } else if (widthOf(ch) > 1 && NO_LINE_END.test(word)) {
        word += ch;
        if (!NO_LINE_END.test(ch)) flush();
      } else if (widthOf(ch) > 1) {
        flush();
        atStart = false;
        if (NO_LINE_END.test(ch)) word = ch;
        else tokens.push({ pieces: [{ text: ch, ...style }], space: false });
      } else {
        word += ch;
      }
    }
    flush();
  }
  return tokens;
}

function pushPiece(line: StyledLine, text: string, style: SegmentStyle): void {
  if (!text) return;
  const last = line.at(-1);
  if (last && sameStyle(styleOf(last), style)) last.text += text;
  else line.push({ text, ...style });
}

function sameStyle(a: SegmentStyle, b: SegmentStyle): boolean {
  const keys: (keyof SegmentStyle)[] = ['bold', 'italic', 'code', 'heading', 'dim', 'link', 'inverse'];
  return a.tone === b.tone && keys.every((k) => Boolean(a[k]) === Boolean(b[k]));
}

export function lineWidth(line: StyledLine): number {
  return line.reduce((sum, seg) => sum + widthOf(seg.text), 0);
}

export function lineText(line: StyledLine): string {
  return line.map((s) => s.text).join('');
}

/**
 * Greedy word wrap of styled text to `width` cells. `first` and `rest` are prefixes (e.g. a list
 * bullet and its hanging indent), counted in the width. Words longer than a line are broken.
 */
export function wrapSegments(
  segments: readonly Segment[],
  width: number,
  first: Segment[] = [],
  rest: Segment[] = [],
): StyledLine[] {
  const lines: StyledLine[] = [];
  const room = Math.max(1, width);
  let line: StyledLine = first.map((s) => ({ ...s }));
  let used = lineWidth(line);
  let hasText = false;
  const newLine = () => {
    lines.push(trimEnd(line));
    line = rest.map((s) => ({ ...s }));
    used = lineWidth(line);
    hasText = false;
  };
  for (const token of tokenize(segments)) {
    const w = widthOf(tokenText(token));
    if (token.space) {
      if (!hasText) continue;
      if (used + w >= room) {
        newLine();
        continue;
      }
      for (const p of token.pieces) pushPiece(line, p.text, styleOf(p));
      used += w;
      continue;
    }
    if (used + w > room && hasText) newLine();
    if (used + w <= room) {
      for (const p of token.pieces) pushPiece(line, p.text, styleOf(p));
      used += w;
      hasText = true;
      continue;
    }
    // A word wider than a whole line: break it by cells.
    for (const p of token.pieces) {
      for (const ch of chars(p.text)) {
        const cw = widthOf(ch);
        if (used + cw > room && hasText) newLine();
        pushPiece(line, ch, styleOf(p));
        used += cw;
        hasText = true;
      }
    }
  }
  if (hasText || lines.length === 0) lines.push(trimEnd(line));
  return lines;
}

function trimEnd(line: StyledLine): StyledLine {
  const out = line.map((s) => ({ ...s }));
  while (out.length > 0) {
    const last = out[out.length - 1] as Segment;
    const trimmed = last.text.replace(/ +$/, '');
    if (trimmed) {
      last.text = trimmed;
      break;
    }
    out.pop();
  }
  return out;
}

/** Plain-text wrap: each paragraph (split on newlines) wrapped to `width` cells. */
export function wrap(text: string, width: number, indent = ''): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    const prefix = indent ? [{ text: indent }] : [];
    for (const line of wrapSegments([{ text: paragraph }], width, prefix, prefix)) out.push(lineText(line));
  }
  return out;
}

/** Hard wrap keeping every character (code, values): no word boundaries, no trimming. */
export function hardWrap(text: string, width: number): string[] {
  const room = Math.max(1, width);
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const ch of chars(text)) {
    const w = widthOf(ch);
    if (used + w > room) {
      lines.push(line);
      line = '';
      used = 0;
    }
    line += ch;
    used += w;
  }
  lines.push(line);
  return lines;
}
