import { type Key, useInput } from 'ink';

const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

/**
 * Ink hands over a burst of plain bytes as one input ("abc\r" when typed or pasted quickly, or a
 * Ctrl-U followed by text). Splits such a burst into the keys it holds: runs of text, and each
 * control character as its own key (Enter, Tab, Backspace, Ctrl-<letter>).
 */
export function splitKeys(input: string, key: Key): [string, Key][] {
  if (input.length <= 1 || !/[\u0000-\u001f\u007f]/.test(input) || input.startsWith('\u001b'))
    return [[input, key]];
  const out: [string, Key][] = [];
  let text = '';
  const flush = () => {
    if (text) out.push([text, { ...NO_KEY }]);
    text = '';
  };
  for (const ch of input) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0x20 && code !== 0x7f) {
      text += ch;
      continue;
    }
    flush();
    if (ch === '\r' || ch === '\n') out.push(['', { ...NO_KEY, return: true }]);
    else if (ch === '\t') out.push(['', { ...NO_KEY, tab: true }]);
    else if (ch === '\u007f' || ch === '\b') out.push(['', { ...NO_KEY, backspace: true }]);
    else if (code >= 1 && code <= 26) out.push([String.fromCharCode(code + 96), { ...NO_KEY, ctrl: true }]);
  }
  flush();
  return out;
}

/** useInput, with bursts split into single keys. */
export function useKeys(handler: (input: string, key: Key) => void, options?: { isActive?: boolean }): void {
  useInput((input, key) => {
    for (const [i, k] of splitKeys(input, key)) handler(i, k);
  }, options);
}
