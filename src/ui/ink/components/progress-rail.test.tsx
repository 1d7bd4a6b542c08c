import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { lineText, widthOf } from '../text/width.js';
import { ProgressRail, type RailItem, railLines } from './progress-rail.js';

const items: RailItem[] = [
  { id: 'prepare-env', state: 'passed', current: false, earlier: true },
  { id: 'check-cert', state: 'na', current: false, earlier: false },
  { id: 'check-network', state: 'failed', current: false, earlier: false },
  { id: 'produce', state: 'running', current: true, earlier: false },
  { id: 'consume', state: 'pending', current: false, earlier: false },
  { id: 'verify', state: 'pending', current: false, earlier: false },
];

describe('ProgressRail', () => {
  it('shows every step with its state; the current one in brackets', () => {
    const { lastFrame } = render(<ProgressRail items={items} width={100} lang="en" />);
    expect(lastFrame()).toBe(
      '✔ prepare-env  · check-cert  ✖ check-network  [◐ produce]  ○ consume  ○ verify',
    );
  });

  it('wraps between steps in a narrow terminal, never past the width', () => {
    const lines = railLines(items, 40, { lang: 'en' });
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(widthOf(lineText(line))).toBeLessThanOrEqual(40);
    expect(lines.map(lineText).join(' ')).toContain('[◐ produce]');
  });

  it('uses words instead of icons for screen readers', () => {
    const text = railLines(items, 200, { lang: 'en', words: true }).map(lineText).join('');
    expect(text).toContain('1 prepare-env: passed');
    expect(text).toContain('[4 produce: running]');
    expect(text).not.toContain('✔');
  });
});
