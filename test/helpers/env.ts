import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = path.join(ROOT, 'bin', 'mq-tutor.js');
export const SANDBOX_DIR = process.env.MQ_TUTOR_TEST_SANDBOX_DIR ?? path.join(ROOT, '.cache', 'sandbox');
export const VENV_PYTHON = path.join(ROOT, '.cache', 'venv', 'bin', 'python');

/** A fresh profile folder, so each test starts with no saved parameters. */
export function freshConfigDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'mqt-config-'));
}

/** The environment the binary runs with in tests: no MQ_TUTOR_* leaking in from the developer's shell. */
export function testEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('MQ_TUTOR_')) env[k] = v;
  return {
    ...env,
    LANG: 'en_US.UTF-8',
    LC_ALL: '',
    NO_COLOR: '1',
    MQ_TUTOR_SANDBOX_DIR: SANDBOX_DIR,
    MQ_TUTOR_CONFIG_DIR: freshConfigDir(),
    ...extra,
  };
}
