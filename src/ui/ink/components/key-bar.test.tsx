import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { KeyBar, keyBarLines } from './key-bar.js';

describe('KeyBar', () => {
  it('lists the keys that work now', () => {
    const { lastFrame } = render(
      <KeyBar
        keys={[
          ['Enter', 'run'],
          ['q', 'quit'],
        ]}
        width={80}
      />,
    );
    expect(lastFrame()).toBe('Enter run · q quit');
  });

  it('wraps between hints, not inside one', () => {
    const lines = keyBarLines(
      [
        ['Enter/n', 'next'],
        ['r', 'retry'],
        ['e', 'edit'],
        ['b', 'back'],
        ['?', 'help'],
        ['q', 'quit'],
      ],
      30,
    );
    expect(lines.map((l) => l.map((s) => s.text).join(''))).toEqual([
      'Enter/n next · r retry',
      'e edit · b back · ? help',
      'q quit',
    ]);
  });
});
