import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { ThemeContext, textProps, themeFromEnv } from '../theme.js';
import { Lines } from './lines.js';

describe('Lines and the theme', () => {
  it('renders styled rows; an empty row stays a row', () => {
    const { lastFrame } = render(
      <Lines lines={[[{ text: 'a', bold: true }, { text: 'b' }], [], [{ text: 'c' }]]} />,
    );
    expect(lastFrame()).toBe('ab\n\nc');
  });

  it('cuts rows that are too wide instead of wrapping them (the height stays known)', () => {
    const { lastFrame } = render(
      <ThemeContext.Provider value={{ color: false }}>
        <Lines lines={[[{ text: 'x'.repeat(150) }]]} />
      </ThemeContext.Provider>,
    );
    expect(lastFrame()?.split('\n')).toHaveLength(1);
  });

  it('NO_COLOR: no colour at all, bold and dim stay', () => {
    expect(themeFromEnv({ NO_COLOR: '1' }).color).toBe(false);
    expect(themeFromEnv({}).color).toBe(true);
    expect(themeFromEnv({ NO_COLOR: '' }).color).toBe(true);
    const styled = { tone: 'error' as const, bold: true, heading: true, code: true };
    expect(textProps(styled, { color: true }).color).toBe('red');
    expect(textProps(styled, { color: false })).toEqual({ bold: true });
    expect(textProps({ tone: 'muted' }, { color: false })).toEqual({ dimColor: true });
  });
});
