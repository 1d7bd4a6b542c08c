import { afterEach, describe, expect, it } from 'vitest';
import { testEnv } from '../helpers/env.js';
import { profileWhereConsumeWaits } from '../helpers/faults.js';
import { describeGroup, savedTutorial, waitForMember } from '../helpers/kafka-admin.js';
import { needsSharedSandbox } from '../helpers/shared-sandbox.js';
import { TmuxTerminal } from '../helpers/tty.js';

needsSharedSandbox();

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

describe('the full-screen wizard in a real terminal (tmux), against the sandbox', () => {
  let term: TmuxTerminal | undefined;
  afterEach(() => {
    term?.close();
    term = undefined;
  });

  it('walks the whole ckafka tutorial, typing a group id into the form, to a summary with every step passed', async () => {
    const env = testEnv();
    const group = `tutorial-wizard-${unique()}`;
    term = TmuxTerminal.start({ args: ['run', 'ckafka', '--sandbox'], env, columns: 80, rows: 24 });
    const t = term;
    await t.waitFor('Enter start', 30_000);
    t.keys('Enter');
    for (let n = 1; n <= 6; n += 1) {
      await t.waitFor(`Step ${n}/6`);
      if (n === 5) {
        // The consume step: edit the form, go up past "Run" to the group id, replace it.
        t.keys('e');
        await t.waitFor('Esc stop editing');
        t.keys('Up', 'Up');
        await t.waitFor(/› Consumer group ID/);
        t.keys('C-u');
        t.type(group);
        await t.waitFor(group);
        t.keys('Enter');
        await t.waitFor(/› ▶ Run this step/);
      }
      t.keys('Enter');
      await t.waitFor('Enter/n next', 45_000);
      t.keys('Enter');
    }
    const summary = await t.waitFor('Summary ·');
    expect(summary).toMatch(/6 passed, 0 failed, 0 skipped/);
    for (const title of ['Prepare the environment', 'Send a message', 'Confirm the group']) {
      expect(summary).toMatch(new RegExp(`✔ \\d\\. ${title}.*passed`));
    }
    expect(summary).toContain('mq-tutor code ckafka');
    expect(summary).toContain('mq-tutor report --profile sandbox');
    t.keys('Enter');
    expect(await t.waitForExit()).toBe(0);
    const saved = savedTutorial(env, 'sandbox', 'ckafka');
    expect(saved?.params.groupId).toBe(group);
    expect(Object.values(saved?.progress ?? {}).map((p) => p.status)).toEqual(Array(6).fill('passed'));
    // The finished steps were written above the live screen, once each (<Static>).
    const history = t.history();
    expect(history.match(/\[5\/6\] Read the message back/g)?.length).toBe(1);
  });

  it('Ctrl-C during consume stops it cleanly: exit 130, the consumer left its group, the typed values are saved', async () => {
    const env = testEnv();
    const group = `tutorial-wizard-int-${unique()}`;
    // Consume waits for a message that was never sent: there is time to press Ctrl-C.
    await profileWhereConsumeWaits(env, 'ckafka');
    term = TmuxTerminal.start({
      args: ['run', 'ckafka', '--sandbox', '--step', 'consume'],
      env,
      columns: 80,
      rows: 24,
    });
    const t = term;
    await t.waitFor('Enter start', 30_000);
    t.keys('Enter');
    await t.waitFor('Step 5/6');
    t.keys('e');
    await t.waitFor('Esc stop editing');
    t.keys('Up', 'Up');
    await t.waitFor(/› Consumer group ID/);
    t.keys('C-u');
    t.type(group);
    await t.waitFor(group);
    t.keys('Enter', 'Enter');
    await t.waitFor(/Running · Read the message back/);
    // Interrupt once the consumer is a member of its group.
    await waitForMember(group);
    t.keys('C-c');
    expect(await t.waitForExit(15_000)).toBe(130);
    const described = await describeGroup(group);
    expect(described.state).toBe('Empty');
    expect(described.members).toBe(0);
    const saved = savedTutorial(env, 'sandbox', 'ckafka');
    expect(saved?.params.groupId).toBe(group);
    expect(saved?.lastRun?.interrupted).toBe(true);
    expect(t.history()).toContain('Interrupted. What you entered is saved');
  });
});
