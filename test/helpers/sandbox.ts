import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SandboxSecrets } from '../../src/sandbox/state.js';
import { SANDBOX_DIR } from './env.js';

export function sandboxSecrets(): SandboxSecrets {
  return JSON.parse(readFileSync(path.join(SANDBOX_DIR, 'secrets.json'), 'utf8')) as SandboxSecrets;
}

export const CA_FILE = path.join(SANDBOX_DIR, 'CARoot.pem');
export const LEARNER = 'ckafka-sandbox#learner';

/** Every secret value, to grep output and files for leaks. */
export function secretValues(): string[] {
  const s = sandboxSecrets();
  return [
    s.kafka.learnerPassword,
    s.kafka.keystorePassword,
    s.rocketmq.adminSecretKey,
    s.rocketmq.learnerAccessKey,
    s.rocketmq.learnerSecretKey,
  ];
}
