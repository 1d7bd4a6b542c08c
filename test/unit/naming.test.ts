import { describe, expect, it } from 'vitest';
import { checkNamespace, fullName, fullNamespace, normalize, splitFullName } from '../../src/naming/tdmq.js';

describe('TDMQ full names', () => {
  it('composes cluster|namespace%name', () => {
    const ns = fullNamespace('rocketmq-abc', 'namespace_python');
    expect(ns).toBe('rocketmq-abc|namespace_python');
    expect(fullName(ns, 'topic1')).toBe('rocketmq-abc|namespace_python%topic1');
    expect(fullName('', 'topic1')).toBe('topic1');
  });

  it('splits a full name back', () => {
    expect(splitFullName('rocketmq-abc|ns%group11')).toEqual({
      namespace: 'rocketmq-abc|ns',
      name: 'group11',
    });
    expect(splitFullName('topic1')).toEqual({ namespace: '', name: 'topic1' });
  });

  it('accepts a short or a full name, and notices a namespace that disagrees', () => {
    expect(normalize('rocketmq-abc|ns', 'topic1')).toEqual({
      namespace: 'rocketmq-abc|ns',
      name: 'topic1',
      problem: undefined,
    });
    expect(normalize('', 'rocketmq-abc|ns%topic1')).toMatchObject({
      namespace: 'rocketmq-abc|ns',
      name: 'topic1',
      problem: undefined,
    });
    expect(normalize('rocketmq-x|other', 'rocketmq-abc|ns%topic1').problem).toBe('namespace-mismatch');
    expect(normalize('', 'bad name').problem).toBe('bad-characters');
  });

  it('checks namespaces', () => {
    expect(checkNamespace('')).toBeUndefined();
    expect(checkNamespace('rocketmq-abc|ns')).toBeUndefined();
    expect(checkNamespace('a|b|c')).toBe('bad-characters');
    expect(checkNamespace('|ns')).toBe('bad-cluster');
  });
});
