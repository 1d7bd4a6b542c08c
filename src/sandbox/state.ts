import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { writePrivateFile } from '../util/files.js';
import { userCacheDir } from '../util/paths.js';
import { randomSecret } from '../util/secrets.js';

/** Where the sandbox keeps data, logs, keys and pids. `MQ_TUTOR_SANDBOX_DIR` overrides. */
export function sandboxDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.MQ_TUTOR_SANDBOX_DIR
    ? path.resolve(env.MQ_TUTOR_SANDBOX_DIR)
    : path.join(userCacheDir(env), 'mq-tutor', 'sandbox');
}

export interface SandboxSecrets {
  kafka: { learnerPassword: string; keystorePassword: string };
  rocketmq: {
    adminAccessKey: string;
    adminSecretKey: string;
    learnerAccessKey: string;
    learnerSecretKey: string;
  };
}

export function secretsFile(dir: string): string {
  return path.join(dir, 'secrets.json');
}

export function caFile(dir: string): string {
  return path.join(dir, 'CARoot.pem');
}

/** The sandbox's secrets; undefined before the first `up`, or for a user who may not read them. */
export function readSecrets(dir: string): SandboxSecrets | undefined {
  try {
    return JSON.parse(readFileSync(secretsFile(dir), 'utf8')) as SandboxSecrets;
  } catch {
    return undefined;
  }
}

/** Reads the learner secrets, generating and saving them (mode 0600) on the first call. */
export function ensureSecrets(dir: string): SandboxSecrets {
  // An existing file is never replaced: the running brokers were set up with what it holds.
  if (existsSync(secretsFile(dir)))
    return JSON.parse(readFileSync(secretsFile(dir), 'utf8')) as SandboxSecrets;
  mkdirSync(dir, { recursive: true });
  const secrets: SandboxSecrets = {
    kafka: { learnerPassword: randomSecret(), keystorePassword: randomSecret() },
    rocketmq: {
      adminAccessKey: `sandbox-admin-${randomSecret(4)}`,
      adminSecretKey: randomSecret(),
      learnerAccessKey: `learner-${randomSecret(6)}`,
      learnerSecretKey: randomSecret(),
    },
  };
  writePrivateFile(secretsFile(dir), `${JSON.stringify(secrets, null, 2)}\n`);
  return secrets;
}

/** Every secret value, for redaction and for tests that grep for leaks. */
export function allSecretValues(secrets: SandboxSecrets): string[] {
  return [
    secrets.kafka.learnerPassword,
    secrets.kafka.keystorePassword,
    secrets.rocketmq.adminSecretKey,
    secrets.rocketmq.learnerAccessKey,
    secrets.rocketmq.learnerSecretKey,
  ];
}
