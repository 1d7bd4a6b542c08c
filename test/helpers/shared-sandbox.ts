import { beforeAll } from 'vitest';
import { sandboxDown, sandboxUp } from '../../src/sandbox/sandbox.js';
import { SANDBOX_DIR } from './env.js';

const env = () => ({ ...process.env, MQ_TUTOR_SANDBOX_DIR: SANDBOX_DIR });

/**
 * The sandbox the live files share, started by the first file that needs it (a file may stop it:
 * the fresh-machine tests need its ports). Nothing starts it for the whole suite up front, so a
 * tutorial that only works after another one set the sandbox up would fail where it should.
 */
export function needsSharedSandbox(): void {
  beforeAll(async () => {
    await sandboxUp({ env: env(), quick: true });
  }, 600_000);
}

export async function stopSharedSandbox(): Promise<void> {
  await sandboxDown(env());
}
