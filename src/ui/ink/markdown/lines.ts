import type { Token, Tokens } from 'marked';
import { once } from '../../../util/lazy-require.js';

/** marked is evaluated when a step's text is first shown (see util/lazy-require.ts). */
const lexer = once(() => (require('marked') as typeof import('marked')).Lexer);

import { hardWrap, type Segment, type SegmentStyle, type StyledLine, wrapSegments } from '../text/width.js';

/**
 * A step's Markdown explanation as terminal rows: marked's lexer gives the structure (headings,
 * lists, code blocks, inline code and bold), and the rows are wrapped here to the screen width, so
 * that the wizard knows exactly how many rows the text takes and can scroll it in a fixed window.
 * The line mode (--plain) prints the same rows.
 */
export function markdownLines(markdown: string, width: number): StyledLine[] {
  const out: StyledLine[] = [];
  renderBlocks(lexer().lex(markdown), Math.max(10, width), out, []);
  while (out.length > 0 && out[out.length - 1]?.length === 0) out.pop();
  return out;
}

const BREAK = '\n';

function inline(tokens: readonly Token[] | undefined, style: SegmentStyle = {}): Segment[] {
  const out: Segment[] = [];
  for (const token of tokens ?? []) {
    switch (token.type) {
      case 'text': {
        const t = token as Tokens.Text;
        if (t.tokens?.length) out.push(...inline(t.tokens, style));
        else out.push({ text: t.text.replace(/\n/g, ' '), ...style });
        break;
      }
      case 'strong':
        out.push(...inline((token as Tokens.Strong).tokens, { ...style, bold: true }));
        break;
      case 'em':
        out.push(...inline((token as Tokens.Em).tokens, { ...style, italic: true }));
        break;
      case 'del':
        out.push(...inline((token as Tokens.Del).tokens, style));
        break;
      case 'codespan':
        out.push({ text: (token as Tokens.Codespan).text, ...style, code: true });
        break;
      case 'link': {
        const link = token as Tokens.Link;
        out.push(...inline(link.tokens, { ...style, link: true }));
        if (link.href && link.href !== link.text) out.push({ text: ` <${link.href}>`, ...style, dim: true });
        break;
      }
      case 'image':
        out.push({ text: (token as Tokens.Image).text, ...style });
        break;
      case 'br':
        out.push({ text: BREAK });
        break;
      case 'escape':
        out.push({ text: (token as Tokens.Escape).text, ...style });
        break;
      default:
        if ('text' in token && typeof token.text === 'string') out.push({ text: token.text, ...style });
        break;
    }
  }
  return out;
}

/** Splits inline pieces at hard line breaks. */
function hardLines(segments: Segment[]): Segment[][] {
  const lines: Segment[][] = [[]];
  for (const seg of segments) {
    if (seg.text === BREAK) lines.push([]);
    else lines[lines.length - 1]?.push(seg);
  }
  return lines;
}

function separate(out: StyledLine[]): void {
  if (out.length > 0 && out[out.length - 1]?.length !== 0) out.push([]);
}

function wrapInto(
  out: StyledLine[],
  segments: Segment[],
  width: number,
  first: Segment[],
  rest: Segment[],
): void {
  hardLines(segments).forEach((line, i) => {
    out.push(...wrapSegments(line, width, i === 0 ? first : rest, rest));
  });
}

const spaces = (n: number): Segment => ({ text: ' '.repeat(n) });
const prefixWidth = (prefix: Segment[]) => prefix.reduce((n, s) => n + s.text.length, 0);

function renderBlocks(tokens: readonly Token[], width: number, out: StyledLine[], indent: Segment[]): void {
  for (const token of tokens) {
    switch (token.type) {
      case 'space':
      case 'def':
        break;
      case 'heading': {
        const h = token as Tokens.Heading;
        separate(out);
        const marks =
          h.depth <= 2 ? [] : [{ text: `${'#'.repeat(h.depth - 2)} `, heading: true, bold: true }];
        wrapInto(out, inline(h.tokens, { heading: true, bold: true }), width, [...indent, ...marks], indent);
        break;
      }
      case 'paragraph':
        separate(out);
        wrapInto(out, inline((token as Tokens.Paragraph).tokens), width, indent, indent);
        break;
      case 'text': {
        const t = token as Tokens.Text;
        wrapInto(out, t.tokens ? inline(t.tokens) : [{ text: t.text }], width, indent, indent);
        break;
      }
      case 'list':
        separate(out);
        renderList(token as Tokens.List, width, out, indent);
        break;
      case 'code': {
        separate(out);
        const code = token as Tokens.Code;
        const pad = [...indent, spaces(2)];
        const room = width - prefixWidth(pad);
        for (const raw of code.text.split('\n')) {
          for (const piece of hardWrap(raw, room)) out.push([...pad, { text: piece, code: true }]);
        }
        break;
      }
      case 'blockquote':
        separate(out);
        renderBlocks((token as Tokens.Blockquote).tokens, width, out, [...indent, { text: '│ ', dim: true }]);
        break;
      case 'hr':
        separate(out);
        out.push([...indent, { text: '─'.repeat(Math.max(3, width - prefixWidth(indent))), dim: true }]);
        break;
      case 'table': {
        separate(out);
        const table = token as Tokens.Table;
        const row = (cells: Tokens.TableCell[], bold: boolean) =>
          cells.flatMap((cell, i) => [
            ...(i > 0 ? [{ text: ' │ ', dim: true }] : []),
            ...inline(cell.tokens, bold ? { bold: true } : {}),
          ]);
        wrapInto(out, row(table.header, true), width, indent, indent);
        for (const cells of table.rows) wrapInto(out, row(cells, false), width, indent, indent);
        break;
      }
      default:
        if ('text' in token && typeof token.text === 'string' && token.text.trim()) {
          separate(out);
          wrapInto(out, [{ text: token.text.trim() }], width, indent, indent);
        }
        break;
    }
  }
}

function renderList(list: Tokens.List, width: number, out: StyledLine[], indent: Segment[]): void {
  const start = typeof list.start === 'number' ? list.start : 1;
  list.items.forEach((item, i) => {
    const bullet = list.ordered ? `${start + i}. ` : '• ';
    const first = [...indent, { text: bullet }];
    const rest = [...indent, spaces(bullet.length)];
    let firstUsed = false;
    for (const child of item.tokens) {
      if (child.type === 'text' || child.type === 'paragraph') {
        if (child.type === 'paragraph' && firstUsed) out.push([]);
        const segs =
          'tokens' in child && child.tokens ? inline(child.tokens) : [{ text: String(child.text) }];
        wrapInto(out, segs, width, firstUsed ? rest : first, rest);
        firstUsed = true;
      } else if (child.type === 'list') {
        if (!firstUsed) {
          out.push(first);
          firstUsed = true;
        }
        renderList(child as Tokens.List, width, out, rest);
      } else {
        if (!firstUsed) {
          out.push(first);
          firstUsed = true;
        }
        renderBlocks([child], width, out, rest);
      }
    }
    if (!firstUsed) out.push(first);
  });
}
