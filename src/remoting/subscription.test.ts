import { describe, expect, it } from 'vitest';
import { buildSubscription, matchesSubscription } from './subscription.js';

describe('buildSubscription', () => {
  it('treats *, empty and undefined as everything', () => {
    for (const e of ['*', '', ' * ', undefined]) {
      expect(buildSubscription('t', e, 1)).toEqual({
        topic: 't',
        subString: '*',
        tagsSet: [],
        codeSet: [],
        expressionType: 'TAG',
        subVersion: 1,
        classFilterMode: false,
      });
    }
  });

  it('splits on ||, trims and hashes each tag as Java String.hashCode', () => {
    const s = buildSubscription('t', 'TagA || TagB||  ||TagA', 1);
    expect(s.subString).toBe('TagA || TagB||  ||TagA');
    expect(s.tagsSet).toEqual(['TagA', 'TagB']);
    expect(s.codeSet).toEqual([2598919, 2598920]);
  });
});

describe('matchesSubscription', () => {
  it('lets every message through *, only listed tags otherwise', () => {
    expect(matchesSubscription(buildSubscription('t', '*'), undefined)).toBe(true);
    const s = buildSubscription('t', 'TagA||TagB');
    expect(matchesSubscription(s, 'TagB')).toBe(true);
    expect(matchesSubscription(s, 'TagC')).toBe(false);
    expect(matchesSubscription(s, undefined)).toBe(false);
  });
});
