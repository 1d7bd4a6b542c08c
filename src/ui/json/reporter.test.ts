import { describe, expect, it } from 'vitest';
import { msg } from '../../i18n/index.js';
import { jsonReporter } from './reporter.js';

function linesOf(lang: 'en' | 'zh', result: Parameters<ReturnType<typeof jsonReporter>>[0]) {
  const lines: string[] = [];
  jsonReporter(lang, (l) => lines.push(l))(result);
  return lines.map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('jsonReporter', () => {
  it('a warned step carries its summary and its notes in words, in the chosen language', () => {
    const event = {
      type: 'step-finished' as const,
      tutorial: 'rocketmq',
      result: {
        step: 'verify',
        status: 'warned' as const,
        durationMs: 12,
        details: { group: 'refused' },
        summary: msg('rocketmq.verify.ok', { messageId: 'M1', group: 'g' }),
        notes: [msg('rocketmq.verify.notAllowed', { group: 'g' })],
      },
    };
    const [en] = linesOf('en', event);
    expect(en).toMatchObject({
      type: 'step',
      step: 'verify',
      status: 'warned',
      details: { group: 'refused' },
    });
    expect(en?.summary).toContain('M1');
    expect(en?.notes).toEqual([expect.stringContaining('Cluster Management > Group > g')]);
    const [zh] = linesOf('zh', event);
    expect(zh?.notes).toEqual([expect.stringContaining('集群管理')]);
  });

  it('a step with nothing to say has no summary or notes keys', () => {
    const [line] = linesOf('en', {
      type: 'step-finished',
      tutorial: 'ckafka',
      result: { step: 'produce', status: 'skipped', durationMs: 0, details: {}, skipReason: 'by-user' },
    });
    expect(line).not.toHaveProperty('notes');
    expect(line).not.toHaveProperty('summary');
    expect(line).toMatchObject({ skipReason: 'by-user' });
  });
});
