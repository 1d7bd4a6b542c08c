import { createContext, useContext } from 'react';
import type { Segment, Tone } from './text/width.js';

/** How the screen may be decorated. With NO_COLOR no colour is used at all (bold and dim stay). */
export interface Theme {
  color: boolean;
}

/** NO_COLOR (https://no-color.org): present and not empty means no colour. */
export function themeFromEnv(env: NodeJS.ProcessEnv = process.env): Theme {
  return { color: !env.NO_COLOR };
}

export const ThemeContext = createContext<Theme>({ color: true });

export function useTheme(): Theme {
  return useContext(ThemeContext);
}

const TONES: Record<Tone, string> = {
  ok: 'green',
  warn: 'yellow',
  error: 'red',
  accent: 'cyan',
  muted: 'gray',
};

export interface TextStyleProps {
  bold?: boolean;
  italic?: boolean;
  dimColor?: boolean;
  inverse?: boolean;
  underline?: boolean;
  color?: string;
}

/** Ink <Text> props for a styled piece of text under a theme. */
export function textProps(seg: Omit<Segment, 'text'>, theme: Theme): TextStyleProps {
  const props: TextStyleProps = {};
  if (seg.bold) props.bold = true;
  if (seg.italic) props.italic = true;
  if (seg.inverse) props.inverse = true;
  if (seg.link) props.underline = true;
  if (seg.dim) props.dimColor = true;
  if (!theme.color) {
    if (seg.tone === 'muted') props.dimColor = true;
    return props;
  }
  if (seg.tone) props.color = TONES[seg.tone];
  else if (seg.heading) props.color = 'cyan';
  else if (seg.code) props.color = 'yellow';
  return props;
}
