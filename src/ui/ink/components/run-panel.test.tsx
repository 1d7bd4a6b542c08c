import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { msg } from '../../../i18n/index.js';
import { RunPanel, runLines } from './run-panel.js';
import { elapsed } from './spinner.js';

describe('RunPanel', () => {
  it('a spinner, the elapsed time and the progress lines', () => {
    const { lastFrame } = render(
      <RunPanel
        lang="en"
        title="Read the message back"
        progress={[msg('kafka.progress.joining', { group: 'tutorial-a' })]}
        elapsedMs={3200}
        width={70}
        height={10}
      />,
    );
    const frame = lastFrame() ?? '';
    expect(frame).toMatch(/^[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] Running · Read the message back\s+3\.2 s$/m);
    expect(frame).toContain('• Joining consumer group tutorial-a');
  });

  it('keeps only the newest lines that fit, so a long consume never outgrows the screen', () => {
    const progress = Array.from({ length: 50 }, (_, i) => msg('kafka.progress.joining', { group: `g${i}` }));
    const rows = runLines({ lang: 'en', title: 't', progress, elapsedMs: 0, width: 70, height: 6 });
    expect(rows).toHaveLength(6);
    expect(
      rows
        .at(-1)
        ?.map((s) => s.text)
        .join(''),
    ).toContain('g49');
  });

  it('no animation for screen readers', () => {
    const rows = runLines({
      lang: 'en',
      title: 't',
      progress: [],
      elapsedMs: 1234,
      width: 70,
      height: 3,
      still: true,
    });
    expect(rows[0]?.[0]?.text.startsWith('…')).toBe(true);
  });

  it('formats elapsed time', () => {
    expect(elapsed(3210)).toBe('3.2 s');
    expect(elapsed(65_000)).toBe('1 min 05 s');
  });
});
