import { run } from '../../util/exec.js';

export interface PythonInfo {
  python?: { command: string; version: string };
  pip?: string;
}

const PY_TIMEOUT_MS = 10_000;

// One interpreter start for both: `python -m pip --version` imports all of pip (half a second or
// more of CPU), where its installed version is a file read away.
const DESCRIBE =
  'import platform, importlib.metadata as m\ntry:\n pip = m.version("pip")\nexcept m.PackageNotFoundError:\n pip = ""\nprint(platform.python_version(), pip)';

/** Finds a Python 3 interpreter and its pip, as the document's route needs them. */
export async function findPython(signal: AbortSignal): Promise<PythonInfo> {
  for (const command of ['python3', 'python']) {
    try {
      const r = await run(command, ['-c', DESCRIBE], { timeoutMs: PY_TIMEOUT_MS, signal });
      const [version, pip] = r.stdout.trim().split(/\s+/);
      if (r.code !== 0 || !version || !/^3\.\d+\.\d+/.test(version)) continue;
      return { python: { command, version }, pip: pip || undefined };
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
