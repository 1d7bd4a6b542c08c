import { rmSync } from 'node:fs';
import path from 'node:path';
import type { ProfileStore } from '../profile/store.js';
import { lockHolder, tryLock } from '../util/lock.js';

export class ProfileBusyError extends Error {
  constructor(
    readonly profile: string,
    readonly tutorial: string,
    readonly pid: number,
  ) {
    super(`profile ${profile} is in use by pid ${pid}`);
    this.name = 'ProfileBusyError';
  }
}

/**
 * One run at a time per profile and tutorial: a second mq-tutor on the same profile would race the
 * first for the same consumer group and overwrite its progress. Returns the release function.
 */
export function acquireRunLock(store: ProfileStore, profile: string, tutorial: string): () => void {
  const file = path.join(store.root, 'runs', `${profile}.${tutorial}.lock`);
  if (!tryLock(file)) throw new ProfileBusyError(profile, tutorial, lockHolder(file)?.pid ?? 0);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    rmSync(file, { force: true });
  };
  process.once('exit', release);
  return release;
}
