import { describe, expect, it } from 'vitest';
import { javaStringHashCode } from './java-hash.js';

describe('javaStringHashCode', () => {
  it('matches values Java prints', () => {
    // jshell> "".hashCode(), "a".hashCode(), "TagA".hashCode(), "TagB".hashCode(), "hello world".hashCode()
    expect(javaStringHashCode('')).toBe(0);
    expect(javaStringHashCode('a')).toBe(97);
    expect(javaStringHashCode('TagA')).toBe(2598919);
    expect(javaStringHashCode('TagB')).toBe(2598920);
    expect(javaStringHashCode('hello world')).toBe(1794106052);
  });

  it('wraps to a negative 32-bit value as Java does', () => {
    // jshell> "polygenelubricants".hashCode(), "tutorial-topic-with-a-long-tag-name".hashCode()
    expect(javaStringHashCode('polygenelubricants')).toBe(-2147483648);
    expect(javaStringHashCode('tutorial-topic-with-a-long-tag-name')).toBe(-159561911);
  });

  it('hashes UTF-16 code units, so non-ASCII and astral characters match Java', () => {
    // jshell> "标签".hashCode(), "é".hashCode(), "😀".hashCode()
    expect(javaStringHashCode('标签')).toBe(857175);
    expect(javaStringHashCode('é')).toBe(233);
    expect(javaStringHashCode('😀')).toBe(1772899);
  });
});
