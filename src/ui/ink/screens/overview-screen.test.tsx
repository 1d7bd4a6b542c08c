import { render } from 'ink-testing-library';
import { describe, expect, it, vi } from 'vitest';
import { sandboxLikeValues, scriptedOpen } from '../../../../test/helpers/scripted-walk.js';
import { openTutorial } from '../../../session/tutorials.js';
import { KEY, plain, press } from '../testing/keys.js';
import { OverviewScreen } from './overview-screen.js';

async function controllerWithHistory() {
  const scripted = scriptedOpen({}, { set: sandboxLikeValues() });
  const ckafka = openTutorial('ckafka');
  scripted.store.update('test', ckafka, (state) => ({
    ...state,
    progress: {
      'prepare-env': { status: 'passed', at: '2026-01-01T00:00:00Z', durationMs: 600 },
      'check-cert': { status: 'passed', at: '2026-01-01T00:00:00Z', durationMs: 40 },
      'check-network': { status: 'failed', at: '2026-01-01T00:00:00Z', durationMs: 3000 },
    },
    lastRun: { runId: 'r', startedAt: '2026-01-01T00:00:00Z', lang: 'en', mode: 'wizard', environment: {} },
  }));
  const controller = await scripted.open({
    tutorial: 'ckafka',
    profile: 'test',
    sandbox: false,
    set: {},
    saveSecrets: false,
    mode: 'wizard',
    lang: 'en',
    signal: new AbortController().signal,
  });
  return { controller };
}

describe('OverviewScreen', () => {
  it('shows the steps ahead, what an earlier run did, and where a cut-off run resumes', async () => {
    const { controller } = await controllerWithHistory();
    expect(controller.tutorial.steps[controller.startAt]?.id).toBe('check-network');
    expect(controller.resumed).toBe(true);
    const { lastFrame } = render(
      <OverviewScreen
        lang="en"
        controller={controller}
        profile="test"
        startAt={2}
        resumed
        notices={[]}
        width={79}
        rows={23}
        onBegin={() => {}}
        onQuit={() => {}}
      />,
    );
    const frame = plain(lastFrame());
    expect(frame).toMatch(/✔ 1\. Prepare the environment\s+passed earlier \(600 ms\)/);
    expect(frame).toMatch(/› ✖ 3\. Check that the access point is reachable\s+← continues here/);
    expect(frame).toMatch(/○ 4\. Send a message\s+to do/);
    expect(frame).toContain('The last run was cut off at "Check that the access point is reachable"');
  });

  it('↑/↓ choose the starting step, Enter begins there', async () => {
    const { controller } = await controllerWithHistory();
    const onBegin = vi.fn();
    const { stdin } = render(
      <OverviewScreen
        lang="en"
        controller={controller}
        profile="test"
        startAt={0}
        resumed={false}
        notices={[]}
        width={79}
        rows={23}
        onBegin={onBegin}
        onQuit={() => {}}
      />,
    );
    await press(stdin, KEY.down, KEY.down, KEY.down, KEY.up, KEY.enter);
    expect(onBegin).toHaveBeenCalledWith(2);
  });
});
