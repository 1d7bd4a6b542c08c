import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { splitKeys } from './use-keys.js';

const none = { ctrl: false } as Key;

describe('splitting a burst of input into keys', () => {
  it('keeps single keys and escape sequences as they are', () => {
    expect(splitKeys('a', none)).toEqual([['a', none]]);
    expect(splitKeys('\u001b[A', none)).toEqual([['\u001b[A', none]]);
  });

  it('splits Ctrl-U + text + Enter typed quickly', () => {
    const keys = splitKeys('\u0015tutorial-x\r', none);
    expect(keys.map(([input, key]) => [input, key.ctrl, key.return])).toEqual([
      ['u', true, false],
      ['tutorial-x', false, false],
      ['', false, true],
    ]);
  });

  it('reads Backspace, Tab and Ctrl-C inside a burst', () => {
    const keys = splitKeys('ab\u007f\t\u0003', none);
    expect(keys.map(([input, key]) => [input, key.backspace, key.tab, key.ctrl])).toEqual([
      ['ab', false, false, false],
      ['', true, false, false],
      ['', false, true, false],
      ['c', false, false, true],
    ]);
  });
});
