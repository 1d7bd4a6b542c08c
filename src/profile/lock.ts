import { rmSync } from 'node:fs';
import path from 'node:path';
import { LockTimeoutError, tryLock } from '../util/lock.js';

/** A lock older than this is left over from a crash: nobody holds a profile lock for more than a read and a write. */
const STALE_AFTER_MS = 30_000;

/** Locks this process holds, so that a nested call on the same file does not wait for itself. */
const held = new Set<string>();

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Runs `fn` while holding `<file>.lock`. Another mq-tutor writing the same profile waits (briefly,
 * synchronously: conf reads and writes synchronously too); a lock left by a dead process is taken over.
 */
export function withFileLock<T>(file: string, fn: () => T, timeoutMs = 10_000): T {
  const lockFile = `${path.resolve(file)}.lock`;
  if (held.has(lockFile)) return fn();
  const deadline = Date.now() + timeoutMs;
  while (!tryLock(lockFile, { staleAfterMs: STALE_AFTER_MS })) {
    if (Date.now() > deadline) throw new LockTimeoutError(lockFile);
    sleepSync(5 + Math.random() * 20);
  }
  held.add(lockFile);
  try {
    return fn();
  } finally {
    held.delete(lockFile);
    rmSync(lockFile, { force: true });
  }
}
