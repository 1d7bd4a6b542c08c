import { rmSync } from 'node:fs';
import { LockTimeoutError, tryLock } from '../util/lock.js';

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Runs `fn` while holding `<file>.lock`. Another mq-tutor writing the same profile waits (briefly,
 * synchronously: conf reads and writes synchronously too); a lock left by a dead process is taken over.
 */
export function withFileLock<T>(file: string, fn: () => T, timeoutMs = 5000): T {
  const lockFile = `${file}.lock`;
  const deadline = Date.now() + timeoutMs;
  while (!tryLock(lockFile)) {
    if (Date.now() > deadline) throw new LockTimeoutError(lockFile);
    sleepSync(15 + Math.random() * 20);
  }
  try {
    return fn();
  } finally {
    rmSync(lockFile, { force: true });
  }
}
