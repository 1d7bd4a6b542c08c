import { describe, expect, it } from 'vitest';
import { hardWrap, lineText, padEnd, truncate, widthOf, wrap, wrapSegments } from './width.js';

describe('cell widths', () => {
  it('counts Chinese characters as two cells', () => {
    expect(widthOf('消费组')).toBe(6);
    expect(widthOf('group')).toBe(5);
  });

  it('pads and cuts by cells, so Chinese columns line up', () => {
    expect(padEnd('消费组 ID', 12)).toBe('消费组 ID   ');
    expect(widthOf(padEnd('消费组 ID', 12))).toBe(12);
    expect(truncate('接入地址（bootstrap servers）', 10)).toBe('接入地址…');
    expect(widthOf(truncate('接入地址（bootstrap servers）', 10))).toBeLessThanOrEqual(10);
    expect(truncate('short', 10)).toBe('short');
  });
});

describe('wrapping', () => {
  it('wraps English at spaces', () => {
    expect(wrap('the quick brown fox jumps over the lazy dog', 15)).toEqual([
      'the quick brown',
      'fox jumps over',
      'the lazy dog',
    ]);
  });

  it('wraps Chinese between characters, never over the width, keeping punctuation off line starts', () => {
    const lines = wrap('消费者总是以消费组为单位工作，同一组内的消费者分摊分区。', 20);
    for (const line of lines) expect(widthOf(line)).toBeLessThanOrEqual(20);
    for (const line of lines) expect(line.startsWith('，')).toBe(false);
    expect(lines.join('')).toBe('消费者总是以消费组为单位工作，同一组内的消费者分摊分区。');
  });

  it('keeps an opening bracket with what follows it', () => {
    const lines = wrap('消费组已确认本次运行的消息（0102FC0000000112400B），共收到 3 条。', 28);
    for (const line of lines) expect(line.endsWith('（')).toBe(false);
    const all = (text: string) => text.replace(/ /g, '');
    expect(all(lines.join(''))).toBe(
      all('消费组已确认本次运行的消息（0102FC0000000112400B），共收到 3 条。'),
    );
  });

  it('breaks a word longer than the line and keeps hanging indents', () => {
    const lines = wrapSegments([{ text: 'aaaaaaaaaaaaaaaaaaaa bb' }], 10, [{ text: '• ' }], [{ text: '  ' }]);
    expect(lines.map(lineText)).toEqual(['• aaaaaaaa', '  aaaaaaaa', '  aaaa bb']);
  });

  it('hard-wraps code keeping every character', () => {
    expect(hardWrap('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(hardWrap('', 4)).toEqual(['']);
  });
});
