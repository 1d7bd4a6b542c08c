/** Bytes a terminal sends for keys, for ink-testing-library's stdin. */
export const KEY = {
  enter: '\r',
  up: '\u001b[A',
  down: '\u001b[B',
  right: '\u001b[C',
  left: '\u001b[D',
  tab: '\t',
  shiftTab: '\u001b[Z',
  escape: '\u001b',
  backspace: '\u007f',
  ctrlC: '\u0003',
  ctrlU: '\u0015',
  pageDown: '\u001b[6~',
  pageUp: '\u001b[5~',
} as const;

export const tick = (ms = 15) => new Promise((resolve) => setTimeout(resolve, ms));

/** Writes each key separately and lets Ink and React handle it. */
export async function press(stdin: { write: (data: string) => void }, ...keys: string[]): Promise<void> {
  for (const key of keys) {
    stdin.write(key);
    await tick();
  }
}

/** Removes ANSI escape sequences (colours, cursor) from a frame. */
export function plain(frame: string | undefined): string {
  return (frame ?? '').replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
}
