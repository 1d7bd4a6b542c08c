import { existsSync, mkdtempSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sandboxDown } from '../../src/sandbox/sandbox.js';
import { jsonLines, runCli, stepLine } from '../helpers/cli.js';
import { testEnv } from '../helpers/env.js';
import { stopSharedSandbox } from '../helpers/shared-sandbox.js';
import { TmuxTerminal } from '../helpers/tty.js';

/**
 * A newcomer's machine: an empty sandbox state folder and an empty config folder (XDG_CONFIG_HOME,
 * not the test-only MQ_TUTOR_CONFIG_DIR), and no sandbox running. Each tutorial must pass from
 * there on its own: the RocketMQ one may not lean on anything the Kafka one set up.
 */
const states: string[] = [];

function freshMachine(): NodeJS.ProcessEnv {
  const state = mkdtempSync(path.join(os.tmpdir(), 'mqt-fresh-state-'));
  const config = mkdtempSync(path.join(os.tmpdir(), 'mqt-fresh-config-'));
  states.push(state);
  const env = testEnv({ MQ_TUTOR_SANDBOX_DIR: state, XDG_CONFIG_HOME: config });
  delete env.MQ_TUTOR_CONFIG_DIR;
  return env;
}

async function stopAll(): Promise<void> {
  for (const state of states) await sandboxDown({ ...process.env, MQ_TUTOR_SANDBOX_DIR: state });
}

describe('on a machine that never ran mq-tutor', () => {
  beforeAll(async () => {
    // Their ports are the same: the shared sandbox makes way (the next file starts it again).
    await stopSharedSandbox();
  }, 120_000);
  afterAll(stopAll, 120_000);

  it('a port the sandbox needs taken by another program: one clear line, exit 2', async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(19094, '127.0.0.1', resolve));
    try {
      const r = await runCli(['sandbox', 'up'], { env: freshMachine(), timeoutMs: 120_000 });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/^Port 19094 is already in use by another program/m);
    } finally {
      server.close();
    }
  }, 180_000);

  it('the RocketMQ tutorial passes from empty folders, then the Kafka one on the same machine', async () => {
    const env = freshMachine();
    const rocketmq = await runCli(['run', 'rocketmq', '--sandbox', '--json'], { env, timeoutMs: 480_000 });
    expect(rocketmq.code, rocketmq.stdout + rocketmq.stderr).toBe(0);
    const lines = jsonLines(rocketmq.stdout);
    expect(stepLine(lines, 'produce').status).toBe('passed');
    expect(stepLine(lines, 'verify').status).toBe('passed');
    expect(lines.at(-1)).toMatchObject({ type: 'summary', failed: 0 });
    // Only the broker this tutorial needs was set up.
    expect(existsSync(path.join(env.MQ_TUTOR_SANDBOX_DIR as string, 'CARoot.pem'))).toBe(false);
    expect(existsSync(path.join(env.XDG_CONFIG_HOME as string, 'mq-tutor', 'profiles', 'sandbox.json'))).toBe(
      true,
    );

    const ckafka = await runCli(['run', 'ckafka', '--sandbox', '--json'], { env, timeoutMs: 480_000 });
    expect(ckafka.code, ckafka.stdout + ckafka.stderr).toBe(0);
    expect(jsonLines(ckafka.stdout).at(-1)).toMatchObject({ type: 'summary', passed: 6, failed: 0 });
  }, 900_000);

  describe('the wizard, entered from its first screen', () => {
    let term: TmuxTerminal | undefined;
    afterEach(() => {
      term?.close();
      term = undefined;
    });

    it('pick rocketmq with --sandbox: the endpoint and keys are filled in, and every step passes', async () => {
      await stopAll();
      const env = freshMachine();
      term = TmuxTerminal.start({ args: ['--sandbox'], env, columns: 80, rows: 24 });
      const t = term;
      await t.waitFor('Which tutorial?', 30_000);
      // A key pressed before the screen listens is lost: press again until the cursor moves.
      for (let tries = 0; !/^› rocketmq/m.test(t.screen()) && tries < 20; tries++) {
        t.keys('Down');
        await new Promise((r) => setTimeout(r, 250));
      }
      await t.waitFor(/^› rocketmq/m);
      t.keys('Enter');
      await t.waitFor('The steps ahead', 480_000);
      t.keys('Enter');
      for (let n = 1; n <= 6; n += 1) {
        const screen = await t.waitFor(`Step ${n}/6`);
        if (n === 3) expect(screen).toMatch(/127\.0\.0\.1:8081/);
        if (n === 4) {
          expect(screen).toMatch(/accessKey.*••••••••/);
          expect(screen).toMatch(/secretKey.*••••••••/);
        }
        t.keys('Enter');
        await t.waitFor('Enter/n next', 60_000);
        t.keys('Enter');
      }
      const summary = await t.waitFor('Summary ·');
      expect(summary).toMatch(/0 failed, 0 skipped/);
      t.keys('Enter');
      expect(await t.waitForExit()).toBe(0);
    }, 900_000);
  });
});
