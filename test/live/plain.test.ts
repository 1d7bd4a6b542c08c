import { afterEach, describe, expect, it } from 'vitest';
import { testEnv } from '../helpers/env.js';
import { profileWhereConsumeWaits } from '../helpers/faults.js';
import { describeGroup, savedTutorial, waitForMember } from '../helpers/kafka-admin.js';
import { needsSharedSandbox } from '../helpers/shared-sandbox.js';
import { TmuxTerminal } from '../helpers/tty.js';

needsSharedSandbox();

/** Answered @inquirer prompts stay on screen as "✔ question answer". */
const answered = (text: string) => text.split('\n').filter((l) => l.startsWith('✔ ')).length;
/** The question waiting for an answer: the last "? " line. */
const activePrompt = (screen: string) =>
  screen
    .split('\n')
    .filter((l) => l.startsWith('? '))
    .at(-1);

/**
 * Answers every question: `answers` maps a pattern of the question to what to type; anything else
 * is answered with Enter (the value shown, or the first choice). Stops once `until` is on screen.
 */
async function answerAll(t: TmuxTerminal, answers: [RegExp, string][], until: RegExp, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let done = answered(t.history());
  while (Date.now() < deadline) {
    const screen = await t.waitFor(new RegExp(`^\\? |${until.source}`, 'm'), 45_000);
    if (until.test(screen)) return screen;
    const prompt = activePrompt(screen) ?? '';
    const answer = answers.find(([re]) => re.test(prompt))?.[1];
    if (answer) t.type(answer);
    t.keys('Enter');
    const before = done;
    while (done === before && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      done = answered(t.history());
      if (until.test(t.screen())) return t.screen();
    }
  }
  throw new Error(`did not reach ${until} in time:\n${t.screen()}`);
}

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

describe('--plain: numbered questions in a real terminal (tmux), against the sandbox', () => {
  let term: TmuxTerminal | undefined;
  afterEach(() => {
    term?.close();
    term = undefined;
  });

  it('walks the whole ckafka tutorial with answers typed at the prompts, every step passed', async () => {
    const env = testEnv();
    const group = `tutorial-plain-${unique()}`;
    term = TmuxTerminal.start({
      args: ['run', 'ckafka', '--sandbox', '--plain'],
      env,
      columns: 100,
      rows: 40,
    });
    await answerAll(term, [[/Consumer group ID/, group]], /Summary: \d+ passed/);
    expect(await term.waitForExit()).toBe(0);
    const history = term.history();
    expect(history).toMatch(/Summary: 6 passed, 0 failed, 0 skipped/);
    // The questions are numbered by step: 5.9 is the consume step's ninth parameter.
    expect(history).toMatch(new RegExp(`✔ 5\\.9 Consumer group ID ${group}`));
    expect(history).toMatch(/Password: already set \(from the sandbox\), not shown/);
    expect(history).toContain('mq-tutor code ckafka');
    expect(savedTutorial(env, 'sandbox', 'ckafka')?.params.groupId).toBe(group);
  });

  it('Ctrl-C during consume: exit 130, the consumer left its group, the typed group id is saved', async () => {
    const env = testEnv();
    const group = `tutorial-plain-int-${unique()}`;
    await profileWhereConsumeWaits(env, 'ckafka');
    term = TmuxTerminal.start({
      args: ['run', 'ckafka', '--sandbox', '--plain', '--step', 'consume'],
      env,
      columns: 100,
      rows: 40,
    });
    const t = term;
    await answerAll(t, [[/Consumer group ID/, group]], /Joining consumer group/);
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
