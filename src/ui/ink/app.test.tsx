import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type StepScript,
  sandboxLikeValues,
  scriptedOpen,
  untilStopped,
} from '../../../test/helpers/scripted-walk.js';
import { openTutorial } from '../../session/tutorials.js';
import { profileChoices } from '../interactive/setup.js';
import { type WizardState, WizardStore } from '../interactive/wizard.js';
import { App } from './app.js';
import { KEY, plain, press, tick } from './testing/keys.js';

function app(
  scripts: Record<string, StepScript> = {},
  options: { tutorialId?: string; profile?: { name: string; sandbox: boolean } } = {},
) {
  const scripted = scriptedOpen(scripts, { set: sandboxLikeValues() });
  const external = new AbortController();
  const store = new WizardStore({
    lang: 'en',
    flags: { set: {}, saveSecrets: false },
    signal: external.signal,
    open: scripted.open,
  });
  let exited: WizardState | undefined;
  const ui = render(
    <App
      store={store}
      lang="en"
      tutorials={() => [{ id: 'ckafka', title: 'CKafka', summary: 's' }]}
      profiles={(id) => profileChoices(scripted.store, openTutorial(id))}
      size={{ columns: 80, rows: 24 }}
      onExit={(state) => {
        exited = state;
      }}
      {...options}
    />,
  );
  return { ...ui, store, scripted, external, exited: () => exited, frame: () => plain(ui.lastFrame()) };
}

const until = async (check: () => boolean, ms = 2000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await tick(10);
};

afterEach(() => {
  delete process.env.INK_SCREEN_READER;
});

describe('App: the whole wizard with the keyboard', () => {
  it('tutorial → profile → overview → six steps → summary; finished steps go into <Static>; exit 0', async () => {
    const s = app();
    await press(s.stdin, KEY.enter); // ckafka
    await press(s.stdin, KEY.enter); // the first profile ("default")
    await until(() => s.store.state.phase === 'overview');
    await tick();
    expect(s.frame()).toContain('The steps ahead');
    await press(s.stdin, KEY.enter);
    for (let n = 1; n <= 6; n += 1) {
      await until(() => s.frame().includes(`Step ${n}/6`));
      await press(s.stdin, KEY.enter); // run
      await until(() => s.frame().includes('Enter/n next'));
      await press(s.stdin, KEY.enter); // next
    }
    await until(() => s.frame().includes('Summary ·'));
    const frame = s.frame();
    expect(frame).toContain('6 passed, 0 failed');
    // The transcript of every finished step was written once, above the live screen.
    expect(frame.match(/\[5\/6\] Read the message back/g)?.length).toBe(1);
    await press(s.stdin, KEY.enter);
    await until(() => s.exited() !== undefined);
    expect(s.exited()?.exitCode).toBe(0);
    expect(s.scripted.finishedInterrupted).toBe(false);
  });

  it('Ctrl-C during a run: the action is stopped, the walk is recorded as interrupted, exit 130', async () => {
    const s = app(
      { 'prepare-env': untilStopped() },
      { tutorialId: 'ckafka', profile: { name: 'p', sandbox: false } },
    );
    await until(() => s.store.state.phase === 'overview');
    await press(s.stdin, KEY.enter);
    await press(s.stdin, KEY.enter);
    await until(() => s.frame().includes('Running ·'));
    await press(s.stdin, KEY.ctrlC);
    await until(() => s.exited() !== undefined);
    expect(s.exited()?.exitCode).toBe(130);
    expect(s.scripted.finishedInterrupted).toBe(true);
    expect(s.scripted.session?.results.get('prepare-env')?.skipReason).toBe('interrupted');
  });

  it('q on the overview quits with 130; SIGTERM (the signal) does the same', async () => {
    const s = app({}, { tutorialId: 'ckafka', profile: { name: 'p', sandbox: false } });
    await until(() => s.store.state.phase === 'overview');
    await press(s.stdin, 'q');
    await until(() => s.exited() !== undefined);
    expect(s.exited()?.exitCode).toBe(130);

    const t = app(
      { 'prepare-env': untilStopped() },
      { tutorialId: 'ckafka', profile: { name: 'p', sandbox: false } },
    );
    await until(() => t.store.state.phase === 'overview');
    await press(t.stdin, KEY.enter, KEY.enter);
    t.external.abort();
    await until(() => t.exited() !== undefined);
    expect(t.exited()?.exitCode).toBe(130);
  });

  it("works with Ink's screen-reader mode: words instead of icons, no spinner", async () => {
    process.env.INK_SCREEN_READER = 'true';
    const s = app(
      { 'prepare-env': untilStopped() },
      { tutorialId: 'ckafka', profile: { name: 'p', sandbox: false } },
    );
    await until(() => s.store.state.phase === 'overview');
    await press(s.stdin, KEY.enter);
    await until(() => s.frame().includes('Step 1/6'));
    expect(s.frame()).toContain('1 prepare-env: to do');
    await press(s.stdin, KEY.enter);
    await until(() => s.frame().includes('Running'));
    expect(s.frame()).toContain('1 prepare-env: running');
    expect(s.frame()).toMatch(/… Running · Prepare the environment/);
    await press(s.stdin, 'q');
    await until(() => s.exited() !== undefined);
  });
});
