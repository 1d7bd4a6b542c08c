import { spawn } from 'node:child_process';
import { BIN, ROOT, testEnv } from './env.js';

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  durationMs: number;
}

export interface CliOptions {
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** Called once with the child, e.g. to send it a signal at the right moment. */
  onSpawn?: (child: import('node:child_process').ChildProcess) => void;
  /** Called for every chunk of stdout, e.g. to act when a step starts. */
  onStdout?: (text: string, child: import('node:child_process').ChildProcess) => void;
}

/** Runs the real binary (the bundled bin, as users run it) and collects its output. */
export function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: options.env ?? testEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `mq-tutor ${args.join(' ')} did not finish in ${options.timeoutMs ?? 90_000} ms\nstdout:\n${stdout}\nstderr:\n${stderr}`,
        ),
      );
    }, options.timeoutMs ?? 90_000);
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      options.onStdout?.(stdout, child);
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    options.onSpawn?.(child);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, durationMs: Date.now() - started });
    });
  });
}

export interface JsonLine {
  type: string;
  step?: string;
  status?: string;
  durationMs?: number;
  details?: Record<string, unknown>;
  diagnosis?: { code: string; title: string; explanation: string; fixes: string[]; cause?: string };
  [key: string]: unknown;
}

export function jsonLines(stdout: string): JsonLine[] {
  return stdout
    .split('\n')
    .filter((l) => l.trim().startsWith('{'))
    .map((l) => JSON.parse(l) as JsonLine);
}

export function stepLine(lines: JsonLine[], step: string): JsonLine {
  const line = lines.find((l) => l.type === 'step' && l.step === step);
  if (!line)
    throw new Error(`no JSON line for step ${step} in:\n${lines.map((l) => JSON.stringify(l)).join('\n')}`);
  return line;
}
