import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

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

export class LockTimeoutError extends Error {
  constructor(readonly file: string) {
    super(`could not lock ${file}`);
    this.name = 'LockTimeoutError';
  }
}

/**
 * Runs `fn` while holding `<file>.lock` (created exclusively, holding our pid). Another mq-tutor
 * writing the same profile waits; a lock left by a process that died is taken over.
 */
export function withFileLock<T>(file: string, fn: () => T, timeoutMs = 5000): T {
  const lockFile = `${file}.lock`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fd = openSync(lockFile, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (!holderAlive(lockFile)) {
        rmSync(lockFile, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new LockTimeoutError(file);
      sleepSync(15 + Math.random() * 20);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lockFile, { force: true });
  }
}
