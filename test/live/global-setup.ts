import { sandboxDown, sandboxStatus } from '../../src/sandbox/sandbox.js';
import { SANDBOX_DIR } from '../helpers/env.js';

const env = () => ({ ...process.env, MQ_TUTOR_SANDBOX_DIR: SANDBOX_DIR });
let wasRunning = false;

/**
 * Starts nothing: each live file starts the shared sandbox it needs (test/helpers/shared-sandbox.ts),
 * and the fresh-machine tests start their own from empty folders. At the end the shared sandbox is
 * stopped if the suite started it (or in CI).
 */
export async function setup(): Promise<void> {
  wasRunning = sandboxStatus(env()).brokers.every((b) => b.running);
}

export async function teardown(): Promise<void> {
  if (!wasRunning || process.env.CI) await sandboxDown(env());
}
