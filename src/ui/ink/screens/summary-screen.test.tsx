import { render } from 'ink-testing-library';
import { describe, expect, it, vi } from 'vitest';
import { fail, sandboxLikeValues, scriptedOpen } from '../../../../test/helpers/scripted-walk.js';
import { WizardStore } from '../../interactive/wizard.js';
import { KEY, plain, press } from '../testing/keys.js';
import { widthOf } from '../text/width.js';
import { SummaryScreen } from './summary-screen.js';

async function walked(scripts = {}) {
  const scripted = scriptedOpen(scripts, { set: sandboxLikeValues() });
  const store = new WizardStore({
    lang: 'en',
    flags: { set: {}, saveSecrets: false },
    signal: new AbortController().signal,
    open: scripted.open,
  });
  await store.choose({ tutorialId: 'ckafka', profile: 'sandbox', sandbox: false });
  await store.begin(0);
  while (store.state.phase === 'step') {
    store.run();
    await store.pending;
    await store.next();
  }
  return store;
}

describe('SummaryScreen', () => {
  it('every step with its result and time, the totals, and what to do next', async () => {
    const store = await walked();
    const onClose = vi.fn();
    const { lastFrame, stdin } = render(
      <SummaryScreen
        lang="en"
        controller={store.controller!}
        summary={store.state.summary!}
        profile="sandbox"
        width={79}
        onClose={onClose}
      />,
    );
    const frame = plain(lastFrame());
    expect(frame).toContain('Summary · CKafka over the public network');
    expect(frame).toMatch(/✔ 1\. Prepare the environment\s+passed\s+\d+ ms/);
    expect(frame).toMatch(/✔ 6\. Confirm the group's progress on the broker\s+passed/);
    expect(frame).toContain('6 passed, 0 failed, 0 skipped');
    expect(frame).toContain('Every step passed');
    expect(frame).toContain('mq-tutor code ckafka --lang python');
    expect(frame).toContain('mq-tutor report --profile sandbox');
    expect(frame).toContain('mq-tutor run rocketmq');
    await press(stdin, KEY.enter);
    expect(onClose).toHaveBeenCalled();
  });

  it('a failed step: how to run it again; fits 60 columns', async () => {
    const store = await walked({ verify: fail() });
    const { lastFrame } = render(
      <SummaryScreen
        lang="zh"
        controller={store.controller!}
        summary={store.state.summary!}
        profile="sandbox"
        width={59}
        onClose={() => {}}
      />,
    );
    const frame = plain(lastFrame());
    expect(frame).toMatch(/✖ 6\. .*失败/);
    expect(frame).toContain('mq-tutor run ckafka --profile sandbox --step verify');
    for (const line of frame.split('\n')) expect(widthOf(line)).toBeLessThanOrEqual(59);
  });
});
