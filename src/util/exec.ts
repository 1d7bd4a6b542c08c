import { execFile } from 'node:child_process';

export interface ExecResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a program and captures its output. Never throws for a non-zero exit; throws only when
 * the program cannot be started (ENOENT) or the signal aborts.
 */
export function run(
  file: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      {
        cwd: options.cwd,
        env: options.env ?? process.env,
        timeout: options.timeoutMs ?? 0,
        signal: options.signal,
        maxBuffer: 32 * 1024 * 1024,
        encoding: 'utf8',
      },
      (error, stdout, stderr) => {
        const err = error as (NodeJS.ErrnoException & { code?: unknown }) | null;
        if (err && (err.code === 'ENOENT' || err.name === 'AbortError')) return reject(err);
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
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
