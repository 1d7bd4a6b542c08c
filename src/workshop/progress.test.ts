import { describe, expect, it } from 'vitest';
import { parseProgressEvent } from './progress.js';
import { joined, step } from './testing/sample-room.js';

describe('progress events read from the topic', () => {
  it('takes well-formed joined and step events as they are', () => {
    const j = joined('alice', 0);
    const s = step('alice', 'consume', 'failed', 5, { code: 'CONSUME_NOT_SEEN', durationMs: 36000 });
    expect(parseProgressEvent(JSON.parse(JSON.stringify(j)))).toEqual(j);
    expect(parseProgressEvent(JSON.parse(JSON.stringify(s)))).toEqual(s);
  });

  it('copies only the known fields: nothing else a message carries reaches the board', () => {
    const parsed = parseProgressEvent({ ...step('alice', 'produce', 'passed', 1), password: 'hunter2' });
    expect(JSON.stringify(parsed)).not.toContain('hunter2');
  });

  it('skips what is not a progress event', () => {
    const s = step('alice', 'produce', 'passed', 1);
    for (const bad of [
      null,
      'text',
      42,
      { ...s, v: 2 },
      { ...s, kind: 'left' },
      { ...s, status: 'exploded' },
      { ...s, at: 'soon' },
      { ...s, learner: '' },
      { ...s, run: undefined },
      { ...joined('bob', 0), group: 7 },
    ])
      expect(parseProgressEvent(bad)).toBeUndefined();
  });

  it('drops a duration that is not a time, and an empty code', () => {
    const parsed = parseProgressEvent({ ...step('alice', 'produce', 'failed', 1), durationMs: -3, code: '' });
    expect(parsed).not.toHaveProperty('durationMs');
    expect(parsed).not.toHaveProperty('code');
  });
});
