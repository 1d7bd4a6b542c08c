import { run } from '../../util/exec.js';

export interface PythonInfo {
  python?: { command: string; version: string };
  pip?: string;
}

const PY_TIMEOUT_MS = 10_000;

/** Finds a Python 3 interpreter and its pip, as the document's route needs them. */
export async function findPython(signal: AbortSignal): Promise<PythonInfo> {
  for (const command of ['python3', 'python']) {
    try {
      const r = await run(command, ['--version'], { timeoutMs: PY_TIMEOUT_MS, signal });
      const version = /Python (3\.\d+\.\d+)/.exec(r.stdout + r.stderr)?.[1];
      if (r.code !== 0 || !version) continue;
      const pip = await run(command, ['-m', 'pip', '--version'], { timeoutMs: PY_TIMEOUT_MS, signal });
      const pipVersion = pip.code === 0 ? /pip (\S+)/.exec(pip.stdout)?.[1] : undefined;
      return { python: { command, version }, pip: pipVersion };
    } catch (error) {
      if (signal.aborted) throw error;
    }
  }
  return {};
}

/** The installed version of a distribution package, or undefined when it is not installed. */
export async function packageVersion(
  python: string,
  distribution: string,
  signal: AbortSignal,
): Promise<string | undefined> {
  const code =
    'import sys, importlib.metadata as m\ntry:\n print(m.version(sys.argv[1]))\nexcept m.PackageNotFoundError:\n sys.exit(3)';
  const r = await run(python, ['-c', code, distribution], { timeoutMs: PY_TIMEOUT_MS, signal });
  return r.code === 0 ? r.stdout.trim() || undefined : undefined;
}
