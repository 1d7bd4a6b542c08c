import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { msg } from '../../../i18n/index.js';
import { openTutorial } from '../../../session/tutorials.js';
import { ResultPanel } from './result-panel.js';

const tutorial = openTutorial('ckafka');
const produce = tutorial.steps.find((s) => s.id === 'produce')!;

describe('ResultPanel', () => {
  it('a pass: status, time, summary and what a pass means', () => {
    const { lastFrame } = render(
      <ResultPanel
        lang="en"
        step={produce}
        width={80}
        result={{
          step: 'produce',
          status: 'passed',
          durationMs: 164,
          details: {},
          summary: msg('kafka.produce.ok', { topic: 'tutorial-topic', partition: 2, offset: 7 }),
        }}
      />,
    );
    const frame = lastFrame() ?? '';
    expect(frame).toContain('✔ passed (164 ms)');
    expect(frame).toContain('partition 2');
    expect(frame).toContain('A pass means: The login was accepted');
  });

  it('a failure: the diagnosis title, explanation, numbered fixes, technical cause, and how to retry', () => {
    const { lastFrame } = render(
      <ResultPanel
        lang="en"
        step={produce}
        width={80}
        result={{
          step: 'produce',
          status: 'failed',
          durationMs: 300,
          details: {},
          diagnosis: {
            code: 'SASL_AUTH_FAILED',
            values: { username: 'ckafka-x#alice' },
            cause: 'SASL Authentication failed',
          },
        }}
      />,
    );
    const frame = lastFrame() ?? '';
    expect(frame).toContain('✖ failed (300 ms)');
    expect(frame).toContain('[SASL_AUTH_FAILED]');
    expect(frame).toContain('What to do:');
    expect(frame).toMatch(/^ {2}1\. /m);
    expect(frame).toContain('Technical cause: SASL Authentication failed');
    expect(frame).toContain('Press e to change the parameters');
  });
});
