import { spawn } from 'node:child_process';

export interface ExecResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const MAX_OUTPUT = 32 * 1024 * 1024;

/** Starts a child with a file-creation mask of its own (a child keeps the mask it was started with). */
export function withUmask<T>(mask: number | undefined, start: () => T): T {
  if (mask === undefined) return start();
  const previous = process.umask(mask);
  try {
    return start();
  } finally {
    process.umask(previous);
  }
}

/**
 * Runs a program and captures its output. Never throws for a non-zero exit; throws only when the
 * program cannot be started (ENOENT) or the signal aborts. A timed-out or aborted program is killed,
 * and this resolves or throws only once it has really gone: nothing outlives the step that ran it.
 */
export function run(
  file: string,
  args: readonly string[],
  options: {
    cwd?: string;
    env?: NodeJS.ProcessEnv;
    timeoutMs?: number;
    signal?: AbortSignal;
    /** Files the program creates are readable by this user only (it may log secrets). */
    privateFiles?: boolean;
  } = {},
): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(options.signal.reason);
    const child = withUmask(options.privateFiles ? 0o077 : undefined, () =>
      spawn(file, args, {
        cwd: options.cwd,
        env: options.env ?? process.env,
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
    let stdout = '';
    let stderr = '';
    let failure: unknown;
    const stop = (reason: unknown) => {
      failure ??= reason;
      child.kill('SIGKILL');
    };
    const onAbort = () => stop(options.signal?.reason ?? new Error('aborted'));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : undefined;
    child.stdout.on('data', (d: Buffer) => {
      if (stdout.length < MAX_OUTPUT) stdout += d.toString('utf8');
    });
    child.stderr.on('data', (d: Buffer) => {
      if (stderr.length < MAX_OUTPUT) stderr += d.toString('utf8');
    });
    child.once('error', (error) => {
      failure ??= error;
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (failure) reject(failure);
      else resolve({ code: code ?? 1, stdout, stderr });
    });
  });
}

/** True when `file` can be started (found on PATH). */
export async function isInstalled(
  file: string,
  versionArgs: readonly string[] = ['--version'],
): Promise<boolean> {
  try {
    await run(file, versionArgs, { timeoutMs: 15_000 });
    return true;
  } catch {
    return false;
  }
}
