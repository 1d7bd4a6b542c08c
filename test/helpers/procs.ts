import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SANDBOX_DIR } from './env.js';

/** Pids of live processes whose environment carries `NAME=value` (a tag given to one test run). */
export function processesTagged(name: string, value: string): number[] {
  const needle = `${name}=${value}`;
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const environ = readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0');
      if (environ.includes(needle)) pids.push(Number(entry));
    } catch {
      /* gone, or not ours to read */
    }
  }
  return pids;
}

export type SandboxProcess = 'kafka' | 'proxy' | 'namesrv';

export function sandboxPid(which: SandboxProcess): number {
  const file =
    which === 'kafka'
      ? path.join(SANDBOX_DIR, 'kafka', 'kafka.pid')
      : path.join(SANDBOX_DIR, 'rocketmq', `${which}.pid`);
  return Number(readFileSync(file, 'utf8').trim());
}

export function signalPid(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    /* already gone */
  }
}
