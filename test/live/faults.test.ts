import { type ChildProcess, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, jsonLines, runCli, stepLine } from '../helpers/cli.js';
import { testEnv } from '../helpers/env.js';
import { type BlackHole, blackHole, profileWhereConsumeWaits } from '../helpers/faults.js';
import { describeGroup, savedTutorial } from '../helpers/kafka-admin.js';
import { processesTagged, type SandboxProcess, sandboxPid, signalPid } from '../helpers/procs.js';
import { secretValues } from '../helpers/sandbox.js';
import { needsSharedSandbox } from '../helpers/shared-sandbox.js';

needsSharedSandbox();

/**
 * Faults for real, against the sandbox: brokers killed, frozen and restarted in the middle of a
 * step, black-holed addresses, signals in every live step, a second mq-tutor. Every case checks the
 * diagnosis, the time it took, the exit code, that no secret and no stack trace was printed, that the
 * profile is intact, and that nothing was left behind.
 */

const STACK = /\n\s+at .+\(.*:\d+:\d+\)|^\s+at .+:\d+:\d+$/m;

interface TaggedRun {
  env: NodeJS.ProcessEnv;
  tag: string;
  configDir: string;
}

function taggedEnv(extra: Record<string, string> = {}): TaggedRun {
  const tag = randomBytes(6).toString('hex');
  const env = testEnv({ MQT_FAULT_TAG: tag, ...extra });
  return { env, tag, configDir: env.MQ_TUTOR_CONFIG_DIR as string };
}

function profileFile(run: TaggedRun, name: string): string {
  return path.join(run.configDir, 'profiles', `${name}.json`);
}

/** The profile is valid JSON and still holds the parameters given with --set. */
function expectProfileIntact(
  run: TaggedRun,
  name: string,
  tutorial: string,
  params: Record<string, string>,
): void {
  const file = profileFile(run, name);
  expect(existsSync(file)).toBe(true);
  const data = JSON.parse(readFileSync(file, 'utf8')) as {
    tutorials: Record<string, { params: Record<string, string> }>;
  };
  expect(data.tutorials[tutorial]?.params).toMatchObject(params);
}

function expectCleanOutput(r: CliResult): void {
  const all = r.stdout + r.stderr;
  for (const secret of secretValues()) expect(all).not.toContain(secret);
  expect(all).not.toMatch(STACK);
}

function expectNothingLeft(run: TaggedRun): void {
  expect(processesTagged('MQT_FAULT_TAG', run.tag)).toEqual([]);
}

/**
 * Runs mq-tutor and calls `act` once the transcript shows step `n` starting (`[n/6]`). Resolves
 * when both the program and `act` are done, so no fault outlives its test.
 */
async function runUntilStep(
  args: string[],
  run: TaggedRun,
  n: number,
  act: (child: ChildProcess) => void | Promise<void>,
  timeoutMs = 60_000,
): Promise<CliResult> {
  let acting: Promise<void> | undefined;
  let child: ChildProcess | undefined;
  const result = await runCli(args, {
    env: run.env,
    timeoutMs,
    onSpawn: (c) => {
      child = c;
    },
    onStdout: (text) => {
      if (!acting && child && text.includes(`[${n}/6]`)) acting = Promise.resolve(act(child));
    },
  });
  await acting;
  return result;
}

/**
 * The group's members a moment after the consumer stopped: it leaves at once when it had joined; a
 * consumer stopped mid-join is dropped by the broker when its session (10 s) ends at the latest.
 */
async function membersAfterLeaving(groupId: string): Promise<number> {
  const deadline = Date.now() + 12_000;
  for (;;) {
    const { members } = await describeGroup(groupId);
    if (members === 0 || Date.now() > deadline) return members;
    await sleep(500);
  }
}

async function restartSandbox(): Promise<void> {
  const r = await runCli(['sandbox', 'up'], { timeoutMs: 240_000 });
  expect(r.code, r.stderr).toBe(0);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A folder whose python3 and python take 3 s to start, then run the real interpreter. */
function slowPython(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mqt-slow-python-'));
  for (const name of ['python3', 'python']) {
    const real =
      spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim() || '/usr/bin/python3';
    writeFileSync(path.join(dir, name), `#!/bin/sh\nsleep 3\nexec ${real} "$@"\n`, { mode: 0o755 });
  }
  return dir;
}

describe('brokers killed in the middle of a step', () => {
  afterAll(restartSandbox, 300_000);

  it('Kafka killed during consume: BROKER_UNAVAILABLE within seconds, profile intact, nothing left', async () => {
    const run = taggedEnv();
    const groupId = `tutorial-fault-${run.tag}`;
    let killedAt = 0;
    // Consume waits for a message that was never sent, so there is time to kill.
    await profileWhereConsumeWaits(run.env, 'ckafka');
    const r = await runUntilStep(
      ['run', 'ckafka', '--sandbox', '--yes', '--step', 'consume', '--set', `groupId=${groupId}`],
      run,
      5,
      async () => {
        await sleep(1500);
        killedAt = Date.now();
        signalPid(sandboxPid('kafka'), 'SIGKILL');
      },
    );
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toMatch(/\[BROKER_UNAVAILABLE\]/);
    expect(Date.now() - killedAt).toBeLessThan(20_000);
    expectCleanOutput(r);
    expectProfileIntact(run, 'sandbox', 'ckafka', { groupId });
    expectNothingLeft(run);
    await restartSandbox();
    expect(await membersAfterLeaving(groupId)).toBe(0);
  }, 300_000);

  it('Kafka frozen then killed during produce: a clear diagnosis, nothing left', async () => {
    const run = taggedEnv();
    const pid = sandboxPid('kafka');
    let killedAt = 0;
    // Frozen first, so that produce is surely under way (stuck in its login) when the broker dies.
    signalPid(pid, 'SIGSTOP');
    const r = await runUntilStep(
      ['run', 'ckafka', '--sandbox', '--yes', '--step', 'produce'],
      run,
      4,
      async () => {
        await sleep(1000);
        killedAt = Date.now();
        signalPid(pid, 'SIGKILL');
      },
    );
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toMatch(/\[(BROKER_UNAVAILABLE|BROKER_TIMEOUT|CONNECTION_REFUSED|CONNECTION_TIMEOUT)\]/);
    expect(Date.now() - killedAt).toBeLessThan(20_000);
    expectCleanOutput(r);
    expectNothingLeft(run);
    await restartSandbox();
  }, 300_000);

  it('RocketMQ proxy killed during consume: a clear diagnosis within seconds, nothing left', async () => {
    const run = taggedEnv();
    let killedAt = 0;
    await profileWhereConsumeWaits(run.env, 'rocketmq');
    const r = await runUntilStep(
      ['run', 'rocketmq', '--sandbox', '--yes', '--step', 'consume', '--set', 'group=tutorial-group'],
      run,
      5,
      async () => {
        await sleep(1500);
        killedAt = Date.now();
        signalPid(sandboxPid('proxy'), 'SIGKILL');
      },
    );
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toMatch(/\[(BROKER_UNAVAILABLE|CONNECTION_REFUSED|RMQ_TIMEOUT)\]/);
    expect(Date.now() - killedAt).toBeLessThan(20_000);
    expectCleanOutput(r);
    expectProfileIntact(run, 'sandbox', 'rocketmq', { group: 'tutorial-group' });
    expectNothingLeft(run);
    await restartSandbox();
  }, 300_000);

  it.each([
    ['ckafka', 'kafka'],
    ['rocketmq', 'proxy'],
  ] as const)(
    '%s: the broker restarted mid-produce; produce fails with a broker diagnosis, the next run passes',
    async (tutorial, process) => {
      const run = taggedEnv();
      // Frozen as produce starts, then killed: produce cannot have finished before the broker died.
      const r = await runUntilStep(
        ['run', tutorial, '--sandbox', '--yes'],
        run,
        4,
        async () => {
          const pid = sandboxPid(process as SandboxProcess);
          signalPid(pid, 'SIGSTOP');
          await sleep(500);
          signalPid(pid, 'SIGKILL');
          await restartSandbox();
        },
        240_000,
      );
      expect(r.code, r.stdout).toBe(1);
      expect(r.stdout).toMatch(/Summary: \d+ passed, 1 failed, 2 skipped/);
      expect(r.stdout).toMatch(
        /\[4\/6\][\s\S]*✖ failed[\s\S]*\[(BROKER_UNAVAILABLE|BROKER_TIMEOUT|CONNECTION_REFUSED|CONNECTION_TIMEOUT|RMQ_TIMEOUT)\]/,
      );
      expectCleanOutput(r);
      expectNothingLeft(run);
      // The broker is back: the same profile, run again from produce, now passes.
      const again = await runCli(['run', tutorial, '--sandbox', '--yes', '--step', 'produce'], {
        env: run.env,
        timeoutMs: 120_000,
      });
      expect(again.code, again.stdout + again.stderr).toBe(0);
    },
    300_000,
  );
});

describe('addresses that never answer', () => {
  let hole: BlackHole;
  beforeAll(async () => {
    hole = await blackHole();
  });
  afterAll(() => hole.close());

  it.each([
    ['ckafka', ['--set', 'securityProtocol=SASL_PLAINTEXT'], 'bootstrapServers', 'produce'],
    ['rocketmq', [], 'endpoints', 'produce'],
  ])(
    '%s: produce against a black hole ends with a diagnosis within 15 s',
    async (tutorial, extra, key, step) => {
      const run = taggedEnv();
      const r = await runCli(
        [
          'run',
          tutorial,
          '--sandbox',
          '--json',
          '--step',
          step,
          ...extra,
          '--set',
          `${key}=127.0.0.1:${hole.port}`,
        ],
        {
          env: run.env,
          timeoutMs: 30_000,
        },
      );
      expect(r.code).toBe(1);
      expect(stepLine(jsonLines(r.stdout), step).diagnosis?.code).toMatch(
        /CONNECTION_TIMEOUT|RMQ_TIMEOUT|BROKER_TIMEOUT/,
      );
      expect(r.durationMs).toBeLessThan(15_000);
      expectCleanOutput(r);
      expectNothingLeft(run);
    },
  );
});

describe('Ctrl-C and SIGTERM in every live step', () => {
  let hole: BlackHole;
  beforeAll(async () => {
    hole = await blackHole();
  });
  afterAll(async () => {
    hole.close();
  });

  // Each step is made to take long enough to be interrupted: a frozen broker (SIGSTOP) for the
  // steps that talk to it, a black hole for the network check, a slow Python for the local steps.
  // [tutorial, step number, step, --step to start from, extra args, what to freeze]
  type Freeze = 'freeze-kafka' | 'freeze-proxy' | 'slow-python' | 'none';
  const cases: [string, number, string, string, string[], Freeze][] = [
    ['ckafka', 1, 'prepare-env', 'prepare-env', [], 'slow-python'],
    ['ckafka', 2, 'check-cert', 'check-cert', [], 'freeze-kafka'],
    [
      'ckafka',
      3,
      'check-network',
      'check-network',
      ['--set', 'securityProtocol=SASL_PLAINTEXT', '--set', 'bootstrapServers=127.0.0.1:HOLE'],
      'none',
    ],
    ['ckafka', 4, 'produce', 'produce', [], 'freeze-kafka'],
    ['ckafka', 5, 'consume', 'consume', [], 'none'],
    ['ckafka', 6, 'verify', 'produce', [], 'freeze-kafka'],
    ['rocketmq', 1, 'prepare-env', 'prepare-env', [], 'slow-python'],
    ['rocketmq', 2, 'check-librocketmq', 'check-librocketmq', [], 'slow-python'],
    ['rocketmq', 3, 'check-network', 'check-network', ['--set', 'endpoints=127.0.0.1:HOLE'], 'none'],
    ['rocketmq', 4, 'produce', 'produce', [], 'freeze-proxy'],
    ['rocketmq', 5, 'consume', 'consume', [], 'none'],
    ['rocketmq', 6, 'verify', 'produce', [], 'freeze-proxy'],
  ];

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it.each(cases)(
      `${signal} %s at step %i (%s): exit 130, clean, profile intact, nothing left`,
      async (tutorial, n, step, from, extra, freeze) => {
        const run = taggedEnv();
        const groupKey = tutorial === 'ckafka' ? 'groupId' : 'group';
        const group = tutorial === 'ckafka' ? `tutorial-sig-${run.tag}` : 'tutorial-group';
        const args = [
          'run',
          tutorial,
          '--sandbox',
          '--yes',
          '--step',
          from,
          '--set',
          `${groupKey}=${group}`,
          ...extra.map((a) => a.replace('HOLE', String(hole.port))),
        ];
        if (from === 'consume') await profileWhereConsumeWaits(run.env, tutorial as 'ckafka' | 'rocketmq');
        // The local steps ask Python; an interpreter slow to answer keeps the step busy when the signal comes.
        if (freeze === 'slow-python') run.env.PATH = `${slowPython()}:${run.env.PATH ?? ''}`;
        const frozen =
          freeze === 'freeze-kafka'
            ? sandboxPid('kafka')
            : freeze === 'freeze-proxy'
              ? sandboxPid('proxy')
              : 0;
        let child: import('node:child_process').ChildProcess | undefined;
        let signalledAt = 0;
        try {
          const r = await runCli(args, {
            env: run.env,
            timeoutMs: 60_000,
            onSpawn: (c) => {
              child = c;
            },
            onStdout: (text) => {
              if (signalledAt || !text.includes(`[${n}/6]`)) return;
              if (frozen) signalPid(frozen, 'SIGSTOP');
              signalledAt = Date.now();
              setTimeout(() => child?.kill(signal), 300);
            },
          });
          expect(r.code, r.stdout + r.stderr).toBe(130);
          expect(Date.now() - signalledAt).toBeLessThan(12_000);
          expect(r.stdout + r.stderr).toMatch(/Interrupted/);
          expectCleanOutput(r);
          expectProfileIntact(run, 'sandbox', tutorial, { [groupKey]: group });
          // The step named is the one the signal stopped, not the one after it.
          expect(savedTutorial(run.env, 'sandbox', tutorial)?.progress[step]).toMatchObject({
            status: 'skipped',
            skipReason: 'interrupted',
          });
          expectNothingLeft(run);
        } finally {
          if (frozen) signalPid(frozen, 'SIGCONT');
        }
        if (tutorial === 'ckafka' && step === 'consume') expect(await membersAfterLeaving(group)).toBe(0);
      },
      90_000,
    );
  }
});

describe('a second mq-tutor while the first runs', () => {
  it('on the same profile it says the profile is busy (exit 2); on another profile it runs', async () => {
    const run = taggedEnv();
    const groupId = `tutorial-two-${run.tag}`;
    let second: CliResult | undefined;
    let other: CliResult | undefined;
    const args = ['run', 'ckafka', '--sandbox', '--yes', '--step', 'consume', '--set', `groupId=${groupId}`];
    await profileWhereConsumeWaits(run.env, 'ckafka');
    const first = await runUntilStep(args, run, 5, async (child) => {
      second = await runCli(['run', 'ckafka', '--sandbox', '--yes'], { env: run.env });
      const otherArgs = [
        'run',
        'ckafka',
        '--sandbox',
        '--json',
        '--profile',
        'other',
        '--step',
        'check-network',
      ];
      other = await runCli(otherArgs, { env: run.env });
      child.kill('SIGINT');
    });
    expect(first.code).toBe(130);
    expect(second?.code).toBe(2);
    expect(second?.stderr).toMatch(
      /Another mq-tutor \(pid \d+\) is running tutorial ckafka with profile "sandbox"/,
    );
    expect(other?.code, other?.stderr).toBe(0);
    expectProfileIntact(run, 'sandbox', 'ckafka', { groupId });
    // Once the first has gone, the profile is free again.
    const third = await runCli(['run', 'ckafka', '--sandbox', '--json', '--step', 'check-network'], {
      env: run.env,
    });
    expect(third.code, third.stderr).toBe(0);
    expectNothingLeft(run);
  }, 120_000);
});
