import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sleep } from './wait.js';

function holderAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid in a lock file, and how old the lock is; undefined when there is none. */
export function lockHolder(lockFile: string): { text: string; pid: number; ageMs: number } | undefined {
  try {
    const text = readFileSync(lockFile, 'utf8');
    const ageMs = Date.now() - statSync(lockFile).mtimeMs;
    return { text, pid: Number(text.split('\n')[0]), ageMs };
  } catch {
    return undefined;
  }
}

/**
 * Moves a lock left by a dead process out of the way. The lock is renamed (only one of several
 * waiting processes can succeed) and checked afterwards; if it turned out to be a live holder's
 * fresh lock, it is put back.
 */
function breakStale(lockFile: string, seen: string): void {
  const aside = `${lockFile}.stale-${process.pid}-${Math.random().toString(36).slice(2)}`;
  try {
    renameSync(lockFile, aside);
  } catch {
    return;
  }
  let text = '';
  try {
    text = readFileSync(aside, 'utf8');
  } catch {}
  if (text !== seen) {
    try {
      linkSync(aside, lockFile);
    } catch {}
  }
  rmSync(aside, { force: true });
}

/**
 * Takes `lockFile` once. The lock is written completely (pid and time) into a private file first
 * and then linked into place, which either succeeds or fails as a whole: another process never
 * sees a lock file that is still empty and mistakes it for an abandoned one. A lock whose holder
 * died (or, with `staleAfterMs`, that is older than that) is taken over.
 */
export function tryLock(lockFile: string, options: { staleAfterMs?: number } = {}): boolean {
  mkdirSync(path.dirname(lockFile), { recursive: true });
  // Twice: a lock left by a dead process is moved aside on the first try and taken on the second.
  for (let attempt = 0; attempt < 2; attempt++) {
    const own = `${lockFile}.${process.pid}-${Math.random().toString(36).slice(2)}`;
    writeFileSync(own, `${process.pid}\n${new Date().toISOString()}\n`, { mode: 0o600 });
    try {
      linkSync(own, lockFile);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = lockHolder(lockFile);
      const stale =
        options.staleAfterMs !== undefined && holder !== undefined && holder.ageMs > options.staleAfterMs;
      if (holder && !stale && holderAlive(holder.pid)) return false;
      // Gone meanwhile, or left by a dead process: try again.
      if (holder) breakStale(lockFile, holder.text);
    } finally {
      rmSync(own, { force: true });
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
