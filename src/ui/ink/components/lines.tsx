import { Box, Text } from 'ink';
import type { StyledLine } from '../text/width.js';
import { textProps, useTheme } from '../theme.js';

/**
 * Rows of styled text, already wrapped to the screen width. Every part of the live screen is built
 * as rows first, so the screen knows its exact height and never grows past the terminal (which
 * would make Ink redraw everything and flicker).
 */
export function Lines({
  lines,
  wrap = 'truncate-end',
}: {
  lines: readonly StyledLine[];
  /** The live screen cuts (its rows are pre-wrapped); the static transcript may wrap freely. */
  wrap?: 'truncate-end' | 'wrap';
}) {
  const theme = useTheme();
  return (
    <Box flexDirection="column">
      {lines.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional
        <Text key={i} wrap={wrap}>
          {line.length === 0
            ? ' '
            : line.map((seg, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: pieces are positional
                <Text key={j} {...textProps(seg, theme)}>
                  {seg.text}
                </Text>
              ))}
        </Text>
      ))}
    </Box>
  );
}
