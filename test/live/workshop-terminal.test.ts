import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { testEnv } from '../helpers/env.js';
import { needsSharedSandbox } from '../helpers/shared-sandbox.js';
import { TmuxTerminal } from '../helpers/tty.js';

needsSharedSandbox();

let terminal: TmuxTerminal | undefined;
afterEach(() => terminal?.close());

async function roomWithTwo(): Promise<{ file: string; instructor: NodeJS.ProcessEnv }> {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'mqt-room-')), 'room.json');
  const instructor = testEnv();
  const init = await runCli(['workshop', 'init', 'ckafka', '--sandbox', '--out', file, '--learners', '3'], {
    env: instructor,
  });
  expect(init.code, init.stderr).toBe(0);
  const ok = await runCli(['join', file, '--name', 'ada', '--json'], { env: testEnv() });
  expect(ok.code, ok.stderr).toBe(0);
  const wrong = await runCli(['join', file, '--name', 'bob', '--json'], {
    env: testEnv({ MQ_TUTOR_PASSWORD: 'not-the-password' }),
  });
  expect(wrong.code).toBe(1);
  return { file, instructor };
}

describe('workshop watch in a terminal', () => {
  it('fits 80x24, shows the stuck learner first, follows a learner who finishes meanwhile, and q quits', async () => {
    const { file, instructor } = await roomWithTwo();
    terminal = TmuxTerminal.start({
      args: ['workshop', 'watch', file],
      env: instructor,
      columns: 80,
      rows: 24,
    });
    const screen = await terminal.waitFor(
      '1/3 verified · 1 stuck at produce (SASL_AUTH_FAILED 1) · 1 not started',
    );
    const rows = screen.split('\n');
    expect(rows.findIndex((l) => l.includes('bob'))).toBeLessThan(rows.findIndex((l) => l.includes('ada')));
    expect(Math.max(...rows.map((l) => l.length))).toBeLessThanOrEqual(80);
    const late = await runCli(['join', file, '--name', 'cy', '--json'], { env: testEnv() });
    expect(late.code, late.stderr).toBe(0);
    await terminal.waitFor('2/3 verified · 1 stuck at produce (SASL_AUTH_FAILED 1)');
    terminal.keys('q');
    expect(await terminal.waitForExit()).toBe(0);
  }, 90_000);

  it('in Chinese, and without a terminal it names the commands that work', async () => {
    const { file, instructor } = await roomWithTwo();
    terminal = TmuxTerminal.start({
      args: ['workshop', 'watch', file, '--lang', 'zh'],
      env: instructor,
      columns: 80,
      rows: 24,
    });
    await terminal.waitFor('1/3 已验证 · 1 人卡在 produce（SASL_AUTH_FAILED 1）');
    terminal.keys('q');
    expect(await terminal.waitForExit()).toBe(0);
    const piped = await runCli(['workshop', 'watch', file], { env: instructor });
    expect(piped.code).toBe(2);
    expect(piped.stderr).toContain('workshop status');
    expect(piped.stderr).toContain('--web');
  }, 90_000);

  it('join opens the wizard (the default), the room\u2019s parameters and the learner\u2019s group filled in, and the board follows it', async () => {
    const { file, instructor } = await roomWithTwo();
    const learner = testEnv();
    terminal = TmuxTerminal.start({
      args: ['join', file, '--name', 'dee'],
      env: learner,
      columns: 80,
      rows: 24,
    });
    const t = terminal;
    await t.waitFor('Enter start', 30_000);
    t.keys('Enter');
    for (let n = 1; n <= 6; n += 1) {
      await t.waitFor(`Step ${n}/6`);
      t.keys('Enter');
      await t.waitFor('Enter/n next', 45_000);
      t.keys('Enter');
    }
    const summary = await t.waitFor('Summary ·');
    expect(summary).toMatch(/6 passed, 0 failed, 0 skipped/);
    t.keys('Enter');
    expect(await t.waitForExit()).toBe(0);
    // The line is said before the wizard opens; the terminal may have wrapped it.
    expect(t.history().replace(/\s+/g, '')).toMatch(
      /Joinedroom.*asdee\.Yourconsumergroup:tutorial-\S+-dee\[1\/6\]/,
    );
    const board = await runCli(['workshop', 'status', file, '--json'], { env: instructor });
    const rows = (
      JSON.parse(board.stdout) as { learners: { learner: string; state: string; group?: string }[] }
    ).learners;
    expect(rows.find((l) => l.learner === 'dee')).toMatchObject({
      state: 'verified',
      group: expect.stringMatching(/-dee$/),
    });
  }, 120_000);
});
