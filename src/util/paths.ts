import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cachedRoot: string | undefined;

/** The folder holding mq-tutor's package.json, found from this module's location (works bundled or not). */
export function packageRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'package.json');
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string };
      if (pkg.name === 'mq-tutor') {
        cachedRoot = dir;
        return dir;
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('mq-tutor: cannot find its own package.json');
    dir = parent;
  }
}

export function assetPath(...parts: string[]): string {
  return path.join(packageRoot(), 'assets', ...parts);
}

export function stepsRoot(): string {
  return path.join(packageRoot(), 'steps');
}

/** A folder mq-tutor needs (for profiles, or the sandbox) that cannot be used, and why (an errno code). */
export class UnusableFolderError extends Error {
  constructor(
    readonly dir: string,
    readonly reason: string,
  ) {
    super(`cannot use ${dir}: ${reason}`);
    this.name = 'UnusableFolderError';
  }
}

/**
 * The home folder, when it can hold anything: an empty or relative HOME would otherwise put
 * files under the current folder without anyone noticing.
 */
function home(env: NodeJS.ProcessEnv): string {
  const dir = env.HOME !== undefined ? env.HOME : os.homedir();
  if (!dir || !path.isAbsolute(dir)) throw new UnusableFolderError(dir || '$HOME', 'NO_HOME');
  return dir;
}

/** XDG base directories count only when absolute (the XDG specification says to ignore others). */
function xdg(value: string | undefined): string | undefined {
  return value && path.isAbsolute(value) ? value : undefined;
}

/** The user's cache directory (XDG on Linux, the usual places elsewhere). */
export function userCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const fromXdg = xdg(env.XDG_CACHE_HOME);
  if (fromXdg) return fromXdg;
  if (process.platform === 'darwin') return path.join(home(env), 'Library', 'Caches');
  if (process.platform === 'win32') return env.LOCALAPPDATA ?? path.join(home(env), 'AppData', 'Local');
  return path.join(home(env), '.cache');
}

/** The user's config directory (XDG on Linux, the usual places elsewhere). */
export function userConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  const fromXdg = xdg(env.XDG_CONFIG_HOME);
  if (fromXdg) return fromXdg;
  if (process.platform === 'darwin') return path.join(home(env), 'Library', 'Preferences');
  if (process.platform === 'win32') return env.APPDATA ?? path.join(home(env), 'AppData', 'Roaming');
  return path.join(home(env), '.config');
}
