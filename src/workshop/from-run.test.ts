import { describe, expect, it } from 'vitest';
import type { StepResult } from '../engine/types.js';
import { progressOf } from './from-run.js';
import { parseProgressEvent } from './progress.js';

const who = { room: 'r1', learner: 'Ann', tutorial: 'ckafka', run: 'run-1', version: '0.3.0' };
const at = '2026-12-01T10:00:00.000Z';
const finished = (result: Partial<StepResult>) => ({
  type: 'step-finished' as const,
  tutorial: 'ckafka',
  result: { step: 'produce', status: 'passed' as const, durationMs: 12, details: {}, ...result },
});

describe('progressOf', () => {
  it('a step that starts and one that fails, with its code and duration, and nothing else', () => {
    expect(progressOf({ type: 'step-started', tutorial: 'ckafka', step: 'produce', at }, who, at)).toEqual({
      v: 1,
      kind: 'step',
      ...who,
      at,
      step: 'produce',
      status: 'started',
    });
    const failed = progressOf(
      finished({
        status: 'failed',
        details: { password: 'hunter2', value: 'secret body' },
        diagnosis: { code: 'SASL_AUTH_FAILED', values: { username: 'ckafka-x#bob' } },
      }),
      who,
      at,
    );
    expect(failed).toEqual({
      v: 1,
      kind: 'step',
      ...who,
      at,
      step: 'produce',
      status: 'failed',
      durationMs: 12,
      code: 'SASL_AUTH_FAILED',
    });
    expect(JSON.stringify(failed)).not.toMatch(/hunter2|secret body|ckafka-x#bob/);
    expect(parseProgressEvent(JSON.parse(JSON.stringify(failed)))).toEqual(failed);
  });

  it('a step that passed in an earlier run counts as passed; one never reached is not published', () => {
    expect(progressOf(finished({ status: 'skipped', skipReason: 'passed-earlier' }), who, at)).toMatchObject({
      status: 'passed',
    });
    expect(
      progressOf(finished({ status: 'skipped', skipReason: 'interrupted' }), who, at, 'produce'),
    ).toMatchObject({
      status: 'failed',
      code: 'INTERRUPTED',
    });
    for (const skipReason of ['before-start', 'after-failure', 'interrupted'] as const)
      expect(progressOf(finished({ status: 'skipped', skipReason }), who, at)).toBeUndefined();
    expect(progressOf(finished({ status: 'skipped', skipReason: 'condition' }), who, at)).toMatchObject({
      status: 'skipped',
    });
  });

  it('a warning is published without a code; progress lines and run ends are not published', () => {
    expect(progressOf(finished({ status: 'warned' }), who, at)).not.toHaveProperty('code');
    expect(
      progressOf(
        { type: 'step-progress', tutorial: 'ckafka', step: 'produce', message: { key: 'ui.done' } as never },
        who,
        at,
      ),
    ).toBeUndefined();
  });
});
