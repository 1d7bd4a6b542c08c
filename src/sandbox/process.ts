import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { withUmask } from '../util/exec.js';
import { writeFileAtomic } from '../util/files.js';
import { sleep } from '../util/wait.js';

/**
 * A long-running Java process that `sandbox up` started and `sandbox down` stops. The pid file
 * holds the pid and a marker that is also on the process's command line, so a recycled pid is
 * never mistaken for ours.
 */
export interface Daemon {
  name: string;
  pidFile: string;
  /** Where the process's stdout and stderr go. */
  stdoutFile: string;
  /** The broker's own log, which explains a failed start best. */
  logFile: string;
  marker: string;
}

export function daemon(dir: string, name: string, logFile?: string): Daemon {
  const stdoutFile = path.join(dir, 'logs', `${name}.out`);
  return {
    name,
    pidFile: path.join(dir, `${name}.pid`),
    stdoutFile,
    logFile: logFile ?? stdoutFile,
    marker: `-Dmq-tutor.sandbox=${name}`,
  };
}

export function readPid(d: Daemon): number | undefined {
  if (!existsSync(d.pidFile)) return undefined;
  const pid = Number(readFileSync(d.pidFile, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function commandLine(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A zombie (exited, not yet reaped by its parent) answers kill(0) but is gone.
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

/** The pid of our running process, or undefined. */
export function runningPid(d: Daemon): number | undefined {
  const pid = readPid(d);
  if (pid === undefined || !alive(pid)) return undefined;
  const cmd = commandLine(pid);
  // Without /proc (macOS) we trust the pid file.
  if (cmd !== undefined && !cmd.includes(d.marker)) return undefined;
  return pid;
}

export function startDaemon(
  d: Daemon,
  command: string,
  args: readonly string[],
  /** markerLast: the marker goes after the arguments (a Node script, where it would be an option). */
  options: { cwd: string; env?: NodeJS.ProcessEnv; markerLast?: boolean },
): number {
  mkdirSync(path.dirname(d.stdoutFile), { recursive: true });
  const out = openSync(d.stdoutFile, 'a', 0o600);
  // Brokers write their stores and logs (which can hold keys) for this user only.
  const child = withUmask(0o077, () =>
    spawn(command, options.markerLast ? [...args, d.marker] : [d.marker, ...args], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      detached: true,
      stdio: ['ignore', out, out],
    }),
  );
  closeSync(out);
  if (child.pid === undefined) throw new Error(`could not start ${d.name}`);
  child.unref();
  writeFileAtomic(d.pidFile, `${child.pid}\n`);
  return child.pid;
}

/** Stops our process: SIGTERM, then SIGKILL after `graceMs`. Returns whether it was running. */
export async function stopDaemon(d: Daemon, graceMs = 20_000): Promise<boolean> {
  const pid = runningPid(d);
  if (pid === undefined) {
    rmSync(d.pidFile, { force: true });
    return false;
  }
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  const deadline = Date.now() + graceMs;
  while (alive(pid) && Date.now() < deadline) await sleep(200);
  if (alive(pid)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
    while (alive(pid)) await sleep(100);
  }
  rmSync(d.pidFile, { force: true });
  return true;
}

function tail(file: string, lines: number): string {
  if (!existsSync(file)) return '';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

/** The last lines of a daemon's output and log, to explain a failed start. */
export function logTail(d: Daemon, lines = 12): string {
  const parts = [tail(d.stdoutFile, lines)];
  if (d.logFile !== d.stdoutFile) parts.push(tail(d.logFile, lines));
  return parts.filter(Boolean).join('\n');
}
