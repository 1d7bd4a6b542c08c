import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import type { StyledLine } from '../text/width.js';
import { ScrollView, viewport } from './scroll-view.js';

const content: StyledLine[] = Array.from({ length: 10 }, (_, i) => [{ text: `line ${i + 1}` }]);

describe('ScrollView', () => {
  it('shows everything when it fits', () => {
    expect(viewport(content, 0, 10, 'en').lines).toHaveLength(10);
  });

  it('keeps its height and says how much is below', () => {
    const { lastFrame } = render(<ScrollView content={content} offset={0} height={4} lang="en" />);
    expect(lastFrame()).toBe('line 1\nline 2\nline 3\n↓ 7 more lines (PgDn)');
  });

  it('clamps the offset at the end and says how much is above', () => {
    const view = viewport(content, 99, 4, 'en');
    expect(view.offset).toBe(7);
    expect(view.maxOffset).toBe(7);
    expect(view.lines.map((l) => l.map((s) => s.text).join(''))).toEqual([
      'line 8',
      'line 9',
      'line 10',
      '↑ 7 lines above (PgUp)',
    ]);
  });
});
