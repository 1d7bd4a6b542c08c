import { describe, expect, it } from 'vitest';
import { openTutorial } from '../../../session/tutorials.js';
import { lineText, lineWidth } from '../text/width.js';
import { markdownLines } from './lines.js';

const text = (md: string, width = 60) => markdownLines(md, width).map(lineText);

describe('step Markdown as terminal rows', () => {
  it('renders headings, lists, inline code and bold', () => {
    const lines = markdownLines(
      '## What it does\n\nUse **bold** and `code`.\n\n- one\n- two\n\n1. first\n2. second',
      60,
    );
    expect(lines.map(lineText)).toEqual([
      'What it does',
      '',
      'Use bold and code.',
      '',
      '• one',
      '• two',
      '',
      '1. first',
      '2. second',
    ]);
    expect(lines[0]?.[0]).toMatchObject({ heading: true, bold: true });
    expect(lines[2]?.find((s) => s.text === 'bold')).toMatchObject({ bold: true });
    expect(lines[2]?.find((s) => s.text === 'code')).toMatchObject({ code: true });
  });

  it('indents code blocks and keeps them verbatim', () => {
    expect(text('```python\nprint("hi")\n  x = 1\n```')).toEqual(['  print("hi")', '    x = 1']);
  });

  it('nests lists with hanging indents', () => {
    expect(text('- outer item that is long enough to wrap around\n  - inner', 24)).toEqual([
      '• outer item that is',
      '  long enough to wrap',
      '  around',
      '  • inner',
    ]);
  });

  it('never exceeds the width for every real step body, in both languages', () => {
    for (const id of ['ckafka', 'rocketmq']) {
      const tutorial = openTutorial(id);
      for (const step of tutorial.steps) {
        for (const lang of ['zh', 'en'] as const) {
          for (const width of [56, 76]) {
            const lines = markdownLines(step.body[lang], width);
            expect(lines.length).toBeGreaterThan(3);
            for (const line of lines) expect(lineWidth(line)).toBeLessThanOrEqual(width);
          }
        }
      }
    }
  });
});
