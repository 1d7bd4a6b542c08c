import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import {
  fail,
  pass,
  type StepScript,
  sandboxLikeValues,
  scriptedOpen,
  untilStopped,
} from '../../../../test/helpers/scripted-walk.js';
import type { Lang } from '../../../i18n/index.js';
import { WizardStore } from '../../interactive/wizard.js';
import { StepHarness } from '../testing/harness.js';
import { KEY, plain, press, tick } from '../testing/keys.js';
import { widthOf } from '../text/width.js';

async function stepScreen(
  index: number,
  scripts: Record<string, StepScript> = {},
  options: {
    set?: Record<string, string>;
    lang?: Lang;
    width?: number;
    rows?: number;
    saveSecrets?: boolean;
    /** Run the steps before `index` first, as a learner walking from the start would. */
    walkedThere?: boolean;
  } = {},
) {
  const scripted = scriptedOpen(scripts, { set: options.set ?? sandboxLikeValues() });
  const store = new WizardStore({
    lang: options.lang ?? 'en',
    flags: { set: {}, saveSecrets: options.saveSecrets ?? false },
    signal: new AbortController().signal,
    open: scripted.open,
  });
  await store.choose({ tutorialId: 'ckafka', profile: 'test', sandbox: false });
  await store.begin(options.walkedThere ? 0 : index);
  while (options.walkedThere && store.state.index < index) {
    store.run();
    await store.pending;
    await store.next();
  }
  const ui = render(
    <StepHarness store={store} lang={options.lang} width={options.width} rows={options.rows} />,
  );
  await tick();
  return { ...ui, store, scripted, frame: () => plain(ui.lastFrame()) };
}

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('StepScreen', () => {
  it('shows the rail, the step, its explanation, the filled form and the keys', async () => {
    const s = await stepScreen(3, {}, { walkedThere: true });
    cleanup = s.unmount;
    const frame = s.frame();
    // The rail lists every step with its state: the three passed ones, this one, the two ahead.
    expect(frame).toContain('✔ prepare-env  ✔ check-cert  ✔ check-network  [○ produce]  ○ consume');
    expect(frame).toContain('Step 4/6 · Send a message');
    expect(frame).toContain('What this step does');
    expect(frame).toMatch(/Bootstrap servers\s+localhost:19095\s+✔/);
    expect(frame).toMatch(/Password\s+••••••••/);
    expect(frame).not.toContain('learner-secret');
    for (const key of ['Enter run', 'e edit', 's skip', 'n next', 'b back', '? help', 'q quit'])
      expect(frame).toContain(key);
  });

  it('fits 80x24 and 60x24 for every step, in English and Chinese (never taller than the terminal)', async () => {
    for (const [width, lang] of [
      [79, 'en'],
      [59, 'zh'],
    ] as const) {
      for (let index = 0; index < 6; index += 1) {
        const s = await stepScreen(index, {}, { lang, width, rows: 23 });
        const lines = (s.lastFrame() ?? '').split('\n');
        expect(lines.length).toBeLessThanOrEqual(23);
        for (const line of lines) expect(widthOf(plain(line))).toBeLessThanOrEqual(width);
        // editing adds the field's details; still within the height
        await press(s.stdin, 'e');
        expect((s.lastFrame() ?? '').split('\n').length).toBeLessThanOrEqual(23);
        s.unmount();
      }
    }
  });

  it('keyboard: e edits, ↑ moves past Run to the last field, typing replaces it, Enter runs', async () => {
    const s = await stepScreen(4, { consume: pass() });
    cleanup = s.unmount;
    await press(s.stdin, 'e');
    expect(s.frame()).toMatch(/› Bootstrap servers/);
    expect(s.frame()).toContain('Esc stop editing');
    await press(s.stdin, KEY.up);
    expect(s.frame()).toMatch(/› ▶ Run this step/);
    await press(s.stdin, KEY.up);
    expect(s.frame()).toMatch(/› Consumer group ID/);
    await press(s.stdin, KEY.ctrlU, 'tutorial-typed');
    expect(s.store.state.drafts.groupId).toBe('tutorial-typed');
    expect(s.frame()).toMatch(/Consumer group ID\s+tutorial-typed/);
    await press(s.stdin, KEY.enter, KEY.enter);
    await s.store.pending;
    await tick();
    expect(s.scripted.session?.values.groupId).toBe('tutorial-typed');
    expect(s.frame()).toContain('✔ passed');
    expect(s.frame()).toContain('Enter/n next');
  });

  it('validates as typed, with the message beside the field; Run is refused until it is fixed', async () => {
    const s = await stepScreen(4);
    cleanup = s.unmount;
    await press(s.stdin, 'e', KEY.up, KEY.up, KEY.ctrlU, 'has space');
    expect(s.frame()).toMatch(/Consumer group ID\s+has space\s+✖/);
    expect(s.frame()).toContain('✖ A group ID may not contain spaces.');
    await press(s.stdin, KEY.enter, KEY.enter);
    expect(s.store.state.running).toBeUndefined();
    expect(s.frame()).toMatch(/› Consumer group ID/);
    await press(s.stdin, KEY.backspace.repeat(6));
    expect(s.frame()).toMatch(/Consumer group ID\s+has\s+✔/);
  });

  it('enum fields change with ←/→; SASL_PLAINTEXT hides the CA file', async () => {
    const s = await stepScreen(3);
    cleanup = s.unmount;
    expect(s.frame()).toContain('CA certificate file');
    await press(s.stdin, 'e', KEY.down);
    expect(s.frame()).toMatch(/› Security protocol\s+‹ SASL_SSL ›/);
    await press(s.stdin, KEY.right);
    expect(s.frame()).toMatch(/‹ SASL_PLAINTEXT ›/);
    expect(s.frame()).not.toContain('CA certificate file');
  });

  it('runs with a spinner and streamed progress; q stops the run cleanly and exits 130', async () => {
    const s = await stepScreen(4, { consume: untilStopped() });
    cleanup = s.unmount;
    await press(s.stdin, KEY.enter);
    expect(s.frame()).toMatch(/Running · Read the message back with a consumer group\s+\d+\.\d s/);
    expect(s.frame()).toContain('• Joining consumer group tutorial-test');
    expect(s.frame()).toContain('q/Ctrl-C stop');
    await press(s.stdin, 'q');
    await s.store.pending;
    await tick();
    expect(s.store.state.exitCode).toBe(130);
    expect(s.scripted.session?.results.get('consume')?.skipReason).toBe('interrupted');
  });

  it('a failure shows the diagnosis; e edits, r retries, s skips', async () => {
    let attempts = 0;
    const s = await stepScreen(3, {
      produce: (ctx) => {
        attempts += 1;
        return attempts === 1 ? fail()(ctx) : pass()(ctx);
      },
    });
    cleanup = s.unmount;
    await press(s.stdin, KEY.enter);
    await s.store.pending;
    await tick();
    expect(s.frame()).toContain('[SASL_AUTH_FAILED]');
    expect(s.frame()).toContain('What to do:');
    for (const key of ['e edit', 'r retry', 's skip', 'b back', 'q quit']) expect(s.frame()).toContain(key);
    await press(s.stdin, 'e');
    expect(s.frame()).toContain('Esc stop editing');
    await press(s.stdin, KEY.escape);
    await tick(30);
    await press(s.stdin, 'r');
    await s.store.pending;
    await tick();
    expect(attempts).toBe(2);
    expect(s.frame()).toContain('✔ passed');
  });

  it('n, b and s move between steps; ? shows the help', async () => {
    const s = await stepScreen(2);
    cleanup = s.unmount;
    await press(s.stdin, '?');
    expect(s.frame()).toContain('Keys');
    expect(s.frame()).toContain('q or Ctrl-C');
    await press(s.stdin, 'x');
    expect(s.frame()).toContain('Step 3/6');
    await press(s.stdin, 'n');
    expect(s.frame()).toContain('Step 4/6');
    await press(s.stdin, 'b');
    expect(s.frame()).toContain('Step 3/6');
    await press(s.stdin, 's');
    expect(s.frame()).toContain('Step 4/6');
    expect(s.frame()).toContain('– check-network');
  });

  it('asks once whether a typed secret may be kept (default no) and masks it while typing', async () => {
    const s = await stepScreen(3, {}, { set: { ...sandboxLikeValues(), password: '' } });
    cleanup = s.unmount;
    // A missing password: the form opens for editing, at that field.
    expect(s.frame()).toMatch(/› Password/);
    expect(s.frame()).toContain('✖ `password` is not set.');
    await press(s.stdin, 'abc');
    expect(s.frame()).toMatch(/Password\s+•••\s+✔/);
    expect(s.frame()).not.toContain('abc');
    await press(s.stdin, KEY.tab, KEY.tab, KEY.tab, KEY.tab);
    expect(s.frame()).toMatch(/› ▶ Run this step/);
    await press(s.stdin, KEY.enter);
    expect(s.frame()).toContain('Keep the secret you typed (Password) in profile "test"');
    await press(s.stdin, 'y');
    await s.store.pending;
    expect(s.scripted.store.readSecrets('test', 'ckafka')).toEqual({ password: 'abc' });
  });
});
