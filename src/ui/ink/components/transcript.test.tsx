import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { msg } from '../../../i18n/index.js';
import { openTutorial } from '../../../session/tutorials.js';
import type { Attempt } from '../../interactive/wizard.js';
import { lineText, widthOf } from '../text/width.js';
import { Transcript, transcriptLines } from './transcript.js';

const tutorial = openTutorial('ckafka');
const attempt: Attempt = {
  key: 'produce#1',
  stepId: 'produce',
  startedAt: 0,
  progress: [msg('kafka.progress.joining', { group: 'tutorial-a' })],
  result: { step: 'produce', status: 'passed', durationMs: 42, details: {} },
};

describe('Transcript (<Static>)', () => {
  it('writes a finished attempt the way the --yes transcript does', () => {
    const { lastFrame } = render(
      <Transcript tutorial={tutorial} lang="en" attempts={[attempt]} width={80} />,
    );
    const frame = lastFrame() ?? '';
    expect(frame).toContain('[4/6] Send a message');
    expect(frame).toContain('Joining consumer group tutorial-a');
    expect(frame).toContain('✔ passed (42 ms)');
  });

  it('wraps long Chinese lines itself, within the width', () => {
    const long: Attempt = {
      ...attempt,
      result: {
        step: 'produce',
        status: 'failed',
        durationMs: 5,
        details: {},
        diagnosis: { code: 'UNKNOWN_TOPIC', values: { topic: 'x' } },
      },
    };
    const lines = transcriptLines(tutorial, 'zh', long, 40);
    for (const line of lines) expect(widthOf(lineText(line))).toBeLessThanOrEqual(40);
  });
});
