import { spawnSync } from 'node:child_process';
import { BIN, ROOT } from './env.js';

/**
 * Runs mq-tutor as a user who may read a folder but not write it. As root (CI), permission bits do
 * not stop writes, so the command runs as `nobody` (setpriv); as anyone else it runs as is, after
 * the folder has been made read-only with chmod.
 */
export function asReader(args: string[], env: NodeJS.ProcessEnv) {
  const asRoot = process.getuid?.() === 0;
  const command = asRoot
    ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, ...args]
    : [process.execPath, BIN, ...args];
  const r = spawnSync(command[0] as string, command.slice(1), {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** Makes a folder readable by everyone and writable by no one but (as root) its owner. */
export function makeReadOnly(dir: string): void {
  const mode = process.getuid?.() === 0 ? 'a+rX,go-w' : 'a+rX,a-w';
  spawnSync('chmod', ['-R', mode, dir]);
}
