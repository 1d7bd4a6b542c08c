import { describe, expect, it } from 'vitest';
import { tagToSend } from '../../src/actions/rocketmq/message.js';
import { diagnose } from '../../src/diagnosis/diagnose.js';
import { localizeDiagnosis } from '../../src/diagnosis/localize.js';
import { openTutorial } from '../../src/session/tutorials.js';

describe('RocketMQ wording', () => {
  it('a permission denial says the name may also not exist (a typo often answers the same way)', () => {
    const denied = Object.assign(new Error('User:learner has no permission to access Topic:tutorial-tpoic'), {
      name: 'UnauthorizedException',
      code: 40100,
    });
    const d = diagnose(denied, {
      action: 'rocketmq.produce',
      values: { endpoints: '127.0.0.1:8081', topic: 'tutorial-tpoic', group: 'g' },
      timedOut: false,
      timeoutSeconds: 30,
    });
    expect(d.code).toBe('RMQ_PERMISSION_DENIED');
    const en = localizeDiagnosis(d, 'en');
    const zh = localizeDiagnosis(d, 'zh');
    expect(en.explanation).toContain('Topic:tutorial-tpoic');
    expect(en.explanation).toMatch(/may also not exist/);
    expect(zh.explanation).toMatch(/不存在/);
    expect(en.fixes.join(' ')).toMatch(/Check the name/);
    expect(zh.fixes.join(' ')).toMatch(/核对名称/);
  });

  it('the tag help and the produce step say which tag is sent, as the code does', () => {
    const tutorial = openTutorial('rocketmq');
    const help = tutorial.params.tag?.help;
    const produce = tutorial.steps.find((s) => s.id === 'produce')?.body;
    expect(tagToSend('TagB||TagC')).toBe('TagB');
    expect(tagToSend('*')).toBe('TagA');
    for (const lang of ['en', 'zh'] as const) {
      for (const text of [help?.[lang] ?? '', produce?.[lang] ?? '']) {
        // The example names an expression whose first tag is not TagA, and the tag really sent for it.
        expect(text).toMatch(/TagB\|\|TagC[^。.;；]*TagB/);
        expect(text).toMatch(/\*[^。.;；]*TagA/);
      }
    }
  });
});
