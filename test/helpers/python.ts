import { spawnSync } from 'node:child_process';
import { VENV_PYTHON } from './env.js';

/** Runs a Python snippet with the test virtualenv (kafka-python installed), secrets passed in env. */
export function python(code: string, env: Record<string, string> = {}, timeoutMs = 60_000) {
  const r = spawnSync(VENV_PYTHON, ['-c', code], {
    encoding: 'utf8',
    timeout: timeoutMs,
    env: { ...process.env, ...env },
  });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}
