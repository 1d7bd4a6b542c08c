import type { Document } from 'yaml';
import { once } from '../util/lazy-require.js';

/** yaml is evaluated only when step files are really parsed (see util/lazy-require.ts). */
const yaml = once(() => require('yaml') as typeof import('yaml'));

/** A problem in a step file, with the 1-based line it is on. */
export interface FileProblem {
  file: string;
  line: number;
  message: string;
}

export interface ParsedYaml {
  data: unknown;
  /** 1-based line of a key path such as `params.username.label`, or of the nearest parent found. */
  lineOf(path: readonly (string | number)[]): number;
  problems: FileProblem[];
}

export function parseYaml(text: string, file: string, firstLine = 1): ParsedYaml {
  const { LineCounter, isMap, isScalar, parseDocument } = yaml();
  const counter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const problems: FileProblem[] = [...doc.errors, ...doc.warnings].map((e) => ({
    file,
    line: (e.linePos?.[0]?.line ?? 1) + firstLine - 1,
    message: e.message.split('\n')[0] ?? e.message,
  }));
  const lineOf = (path: readonly (string | number)[]): number => {
    for (let n = path.length; n > 0; n--) {
      const node = doc.getIn(path.slice(0, n), true);
      const range = (node as { range?: [number, number, number] } | undefined)?.range;
      if (range) {
        // For a key, report the line of the key itself rather than its value.
        const parent = n > 1 ? doc.getIn(path.slice(0, n - 1), true) : doc.contents;
        if (isMap(parent)) {
          const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === path[n - 1]);
          const keyRange = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
          if (keyRange) return counter.linePos(keyRange[0]).line + firstLine - 1;
        }
        return counter.linePos(range[0]).line + firstLine - 1;
      }
    }
    return firstLine;
  };
  return { data: problems.length ? undefined : doc.toJS(), lineOf, problems };
}

export interface StepFileParts {
  frontMatter: ParsedYaml;
  /** Markdown per language block (`::: zh` ... `:::`), with the line each block starts on. */
  blocks: Map<string, { text: string; line: number }>;
  problems: FileProblem[];
}

/** Splits a step file into its YAML front matter and its per-language Markdown blocks. */
export function parseStepFile(text: string, file: string): StepFileParts {
  const lines = text.split(/\r?\n/);
  const problems: FileProblem[] = [];
  if (lines[0]?.trim() !== '---') {
    problems.push({ file, line: 1, message: 'a step file starts with a `---` line, then its front matter' });
    return { frontMatter: parseYaml('', file), blocks: new Map(), problems };
  }
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (end < 0) {
    problems.push({ file, line: 1, message: 'the front matter is not closed by a `---` line' });
    return { frontMatter: parseYaml('', file), blocks: new Map(), problems };
  }
  const frontMatter = parseYaml(lines.slice(1, end).join('\n'), file, 2);
  problems.push(...frontMatter.problems);

  const blocks = new Map<string, { text: string; line: number }>();
  let open: { lang: string; line: number; lines: string[] } | undefined;
  for (let i = end + 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const fence = /^:::\s*(\S*)\s*$/.exec(line);
    if (fence) {
      const lang = fence[1] ?? '';
      if (open && lang === '') {
        if (blocks.has(open.lang)) {
          problems.push({ file, line: open.line, message: `a second \`::: ${open.lang}\` block` });
        }
        blocks.set(open.lang, { text: open.lines.join('\n').trim(), line: open.line });
        open = undefined;
      } else if (open) {
        problems.push({
          file,
          line: i + 1,
          message: `\`::: ${lang}\` inside the unclosed \`::: ${open.lang}\` block`,
        });
      } else if (lang === '') {
        problems.push({
          file,
          line: i + 1,
          message: 'a closing `:::` without an opening `::: zh` or `::: en`',
        });
      } else {
        open = { lang, line: i + 1, lines: [] };
      }
      continue;
    }
    if (open) open.lines.push(line);
    else if (line.trim() !== '') {
      problems.push({ file, line: i + 1, message: 'text outside a `::: zh` / `::: en` block' });
    }
  }
  if (open)
    problems.push({
      file,
      line: open.line,
      message: `the \`::: ${open.lang}\` block is not closed by \`:::\``,
    });
  return { frontMatter, blocks, problems };
}
