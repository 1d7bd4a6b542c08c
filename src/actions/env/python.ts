import { run } from '../../util/exec.js';

export interface PythonInfo {
  python?: { command: string; version: string };
  pip?: string;
  /** The installed version of the distribution asked about, when it is installed. */
  package?: string;
}

const PY_TIMEOUT_MS = 10_000;

// One interpreter start for everything: each start costs about a tenth of a second of CPU, which
// thirty learners of a room starting at once on one machine pay together. `python -m pip --version`
// would import all of pip, where the installed versions are a file read away.
const DESCRIBE = [
  'import sys, platform, importlib.metadata as m',
  'def v(name):',
  ' try:',
  '  return m.version(name) if name else ""',
  ' except m.PackageNotFoundError:',
  '  return ""',
  'print(platform.python_version(), v("pip") or "-", v(sys.argv[1]) or "-")',
].join('\n');

/** Finds a Python 3 interpreter, its pip and the installed version of `distribution`. */
export async function findPython(signal: AbortSignal, distribution = ''): Promise<PythonInfo> {
  for (const command of ['python3', 'python']) {
    try {
      const r = await run(command, ['-c', DESCRIBE, distribution], { timeoutMs: PY_TIMEOUT_MS, signal });
      const [version, pip, found] = r.stdout.trim().split(/\s+/);
      if (r.code !== 0 || !version || !/^3\.\d+\.\d+/.test(version)) continue;
      const known = (text: string | undefined) => (text && text !== '-' ? text : undefined);
      return { python: { command, version }, pip: known(pip), package: known(found) };
    } catch (error) {
      if (signal.aborted) throw error;
    }
  }
  return {};
}
