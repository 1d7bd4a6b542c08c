import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SANDBOX_DIR } from './env.js';

export interface SandboxSecretsFile {
  kafka: { learnerPassword: string; keystorePassword: string };
  rocketmq: {
    adminAccessKey: string;
    adminSecretKey: string;
    learnerAccessKey: string;
    learnerSecretKey: string;
  };
}

export function sandboxSecrets(): SandboxSecretsFile {
  return JSON.parse(readFileSync(path.join(SANDBOX_DIR, 'secrets.json'), 'utf8')) as SandboxSecretsFile;
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
