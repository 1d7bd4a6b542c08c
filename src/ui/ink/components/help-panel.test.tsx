import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { HelpPanel } from './help-panel.js';

describe('HelpPanel', () => {
  it('explains every key, in Chinese too', () => {
    const en = render(<HelpPanel lang="en" width={80} />).lastFrame() ?? '';
    for (const key of ['Enter or r', 'n or Enter', 'b:', 's:', 'e or Tab', 'PgUp/PgDn', 'q or Ctrl-C'])
      expect(en).toContain(key);
    const zh = render(<HelpPanel lang="zh" width={60} />).lastFrame() ?? '';
    expect(zh).toContain('按键说明');
  });
});
