import { describe, expect, it } from 'vitest';
import type { BoardRow } from './row.js';
import { countLine, countRoom } from './summary.js';
import { sampleRoom } from './testing/sample-room.js';

function rows(spec: [BoardRow['state'], string?, string?][]): BoardRow[] {
  return spec.map(([state, stepId, code], i) => ({
    learner: `l${i}`,
    state,
    cells: [],
    sinceMs: 0,
    verified: state === 'verified',
    ...(stepId ? { current: { index: 0, id: stepId, state: state === 'stuck' ? 'failed' : 'running' } } : {}),
    ...(code ? { code } : {}),
  }));
}

const times = <T>(n: number, x: T): T[] => Array.from({ length: n }, () => x);

describe('the count line', () => {
  const issueRoom = rows([
    ...times(22, ['verified', 'verify'] as [BoardRow['state'], string]),
    ...times(3, ['stuck', 'consume', 'CONSUME_NOT_SEEN'] as [BoardRow['state'], string, string]),
    ...times(2, ['stuck', 'consume', 'SASL_AUTH_FAILED'] as [BoardRow['state'], string, string]),
    ['not-started'],
  ]);

  it('is the issue’s line, in English and Chinese', () => {
    const counts = countRoom(issueRoom, sampleRoom({ learners: 30 }));
    expect(counts).toMatchObject({ total: 30, verified: 22, running: 0, notStarted: 3 });
    expect(countLine(counts, 'en')).toBe(
      '22/30 verified · 5 stuck at consume (CONSUME_NOT_SEEN 3, SASL_AUTH_FAILED 2) · 3 not started',
    );
    expect(countLine(counts, 'zh')).toBe(
      '22/30 已验证 · 5 人卡在 consume（CONSUME_NOT_SEEN 3，SASL_AUTH_FAILED 2） · 3 人未开始',
    );
  });

  it('several stuck steps: a clause each, most learners first; codes most learners first', () => {
    const counts = countRoom(
      rows([
        ['stuck', 'check-network', 'NET_TIMEOUT'],
        ['stuck', 'produce', 'TOPIC_AUTH'],
        ['stuck', 'produce', 'SASL_AUTH_FAILED'],
        ['stuck', 'produce', 'SASL_AUTH_FAILED'],
        ['stuck', 'consume'],
        ['running', 'consume'],
        ['running', 'produce'],
      ]),
      sampleRoom(),
    );
    expect(countLine(counts, 'en')).toBe(
      '0/7 verified · 3 stuck at produce (SASL_AUTH_FAILED 2, TOPIC_AUTH 1) · ' +
        '1 stuck at check-network (NET_TIMEOUT 1) · 1 stuck at consume · 2 in progress',
    );
  });

  it('counts seats nobody took as not started; a room larger than expected grows', () => {
    expect(countRoom(rows([['verified', 'verify']]), sampleRoom({ learners: 4 }))).toMatchObject({
      total: 4,
      notStarted: 3,
    });
    const over = countRoom(rows(times(5, ['verified', 'verify'])), sampleRoom({ learners: 3 }));
    expect(countLine(over, 'en')).toBe('5/5 verified');
  });

  it('an empty room with no expected size', () => {
    expect(countLine(countRoom([], sampleRoom()), 'en')).toBe('0/0 verified');
    expect(countLine(countRoom([], sampleRoom({ learners: 30 })), 'zh')).toBe('0/30 已验证 · 30 人未开始');
  });
});
