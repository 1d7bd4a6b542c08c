import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { sleep } from './wait.js';

function holderAlive(lockFile: string): boolean {
  try {
    const pid = Number(readFileSync(lockFile, 'utf8'));
    if (!Number.isInteger(pid) || pid <= 0) return false;
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Tries once to take `lockFile` (created exclusively, holding our pid); a dead holder's lock is taken over. */
export function tryLock(lockFile: string): boolean {
  mkdirSync(path.dirname(lockFile), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (holderAlive(lockFile)) return false;
      rmSync(lockFile, { force: true });
    }
  }
  return false;
}

export class LockTimeoutError extends Error {
  constructor(readonly file: string) {
    super(`could not lock ${file}`);
    this.name = 'LockTimeoutError';
  }
}

/** Runs `fn` holding `lockFile`, waiting (without blocking the event loop) while another process holds it. */
export async function withLock<T>(
  lockFile: string,
  fn: () => Promise<T>,
  options: { timeoutMs: number; signal?: AbortSignal },
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  while (!tryLock(lockFile)) {
    if (Date.now() > deadline) throw new LockTimeoutError(lockFile);
    await sleep(200, options.signal);
  }
  try {
    return await fn();
  } finally {
    rmSync(lockFile, { force: true });
  }
}
