import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

export interface Size {
  columns: number;
  rows: number;
}

/** The terminal's size, updated on resize; `fixed` (tests) overrides it. */
export function useTerminalSize(fixed?: Size): Size {
  const { stdout } = useStdout();
  const read = (): Size => ({ columns: stdout.columns || 80, rows: stdout.rows || 24 });
  const [size, setSize] = useState(read);
  useEffect(() => {
    if (fixed) return;
    const onResize = () => setSize({ columns: stdout.columns || 80, rows: stdout.rows || 24 });
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [fixed, stdout]);
  return fixed ?? size;
}

/** Text width used for layout: one cell short of the terminal (no auto-wrap at the edge), at most 100. */
export function layoutWidth(size: Size): number {
  return Math.max(20, Math.min(size.columns - 1, 100));
}

/** Rows the live screen may use: one short of the terminal, so Ink never falls back to clearing it. */
export function layoutRows(size: Size): number {
  return Math.max(8, size.rows - 1);
}
