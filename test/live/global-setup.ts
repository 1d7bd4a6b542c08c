import { spawnSync } from 'node:child_process';
import { BIN, ROOT, testEnv } from '../helpers/env.js';

function cli(args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: testEnv(),
    encoding: 'utf8',
    timeout: 15 * 60_000,
  });
}

let startedHere = false;

/** Starts the sandbox brokers once for the whole live suite; stops them at the end if it started them. */
export async function setup(): Promise<void> {
  const status = cli(['sandbox', 'status']);
  const wasRunning = /Kafka: running/.test(status.stdout) && /RocketMQ: running/.test(status.stdout);
  const up = cli(['sandbox', 'up']);
  if (up.status !== 0) throw new Error(`sandbox up failed (${up.status}):\n${up.stdout}\n${up.stderr}`);
  startedHere = !wasRunning;
}

export async function teardown(): Promise<void> {
  if (startedHere || process.env.CI) cli(['sandbox', 'down']);
}
