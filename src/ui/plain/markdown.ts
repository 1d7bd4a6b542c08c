import { markdownLines } from '../ink/markdown/lines.js';
import type { StyledLine } from '../ink/text/width.js';

/** A step's Markdown as printed lines; headings and bold in bold when the terminal shows styles. */
export function markdownText(markdown: string, width: number, styled: boolean): string[] {
  return markdownLines(markdown, width).map((line: StyledLine) =>
    line
      .map((seg) => (styled && (seg.bold || seg.heading) ? `\u001b[1m${seg.text}\u001b[22m` : seg.text))
      .join(''),
  );
}
