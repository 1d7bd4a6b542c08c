import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { type Message, msg } from '../../i18n/index.js';
import { run } from '../../util/exec.js';
import type { ActionDefinition } from '../types.js';
import { findPython } from './python.js';

const USUAL_DIRS = [
  '/usr/local/lib',
  '/usr/local/lib64',
  '/usr/lib',
  '/usr/lib64',
  '/usr/lib/x86_64-linux-gnu',
  '/usr/lib/aarch64-linux-gnu',
  '/opt/homebrew/lib',
  '/usr/local/opt/rocketmq-client-cpp/lib',
];

const LIB = /^librocketmq\.(so|dylib)(\.[\d.]+)?$/;

export interface LibraryHit {
  path: string;
  version?: string;
  via: 'loader-cache' | 'path';
}

/** Looks in the dynamic loader's cache, the library path variables, and the usual install folders. */
export async function findLibrocketmq(
  signal: AbortSignal,
  env: NodeJS.ProcessEnv = process.env,
): Promise<LibraryHit[]> {
  const hits = new Map<string, LibraryHit>();
  try {
    const cache = await run('ldconfig', ['-p'], { timeoutMs: 5000, signal });
    for (const line of cache.stdout.split('\n')) {
      const m = /(librocketmq\.so[\d.]*)\s.*=>\s*(\S+)/.exec(line);
      if (m?.[2]) hits.set(m[2], { path: m[2], version: versionFromName(m[1] ?? ''), via: 'loader-cache' });
    }
  } catch (error) {
    if (signal.aborted) throw error;
  }
  const extra = [env.LD_LIBRARY_PATH, env.DYLD_LIBRARY_PATH].flatMap((v) =>
    v ? v.split(path.delimiter) : [],
  );
  for (const dir of [...extra, ...USUAL_DIRS]) {
    if (!dir || !existsSync(dir)) continue;
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names.filter((n) => LIB.test(n))) {
      const full = path.join(dir, name);
      if (!hits.has(full)) hits.set(full, { path: full, version: versionFromName(name), via: 'path' });
    }
  }
  return [...hits.values()];
}

/** `librocketmq.so.2.0.0` -> `2.0.0`. */
export function versionFromName(name: string): string | undefined {
  return /\.(?:so|dylib)\.(\d+(?:\.\d+)*)$/.exec(name)?.[1];
}

export function atLeast(version: string, minimum: string): boolean {
  const a = version.split('.').map(Number);
  const b = minimum.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}

/** Version from the system package manager, when librocketmq came from a .deb or .rpm. */
async function packagedVersion(signal: AbortSignal): Promise<string | undefined> {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own format syntax
  const dpkgFormat = '-f=${Version}';
  for (const [cmd, args] of [
    ['dpkg-query', ['-W', dpkgFormat, 'rocketmq-client-cpp']],
    ['rpm', ['-q', '--qf', '%{VERSION}', 'rocketmq-client-cpp']],
  ] as const) {
    try {
      const r = await run(cmd, [...args], { timeoutMs: 5000, signal });
      if (r.code === 0 && /^\d/.test(r.stdout.trim())) return r.stdout.trim();
    } catch (error) {
      if (signal.aborted) throw error;
    }
  }
  return undefined;
}

export function installGuide(platform: NodeJS.Platform): Message {
  if (platform === 'darwin') return msg('librocketmq.install.macos');
  if (platform === 'linux') return msg('librocketmq.install.linux');
  return msg('librocketmq.install.other');
}

const MINIMUM = '2.0.0';

/**
 * The document's Python SDK wraps the C++ client librocketmq (2.0.0 or newer). The live steps here
 * use the gRPC client instead, so a missing library is a warning with install guidance.
 */
export const action: ActionDefinition<Record<string, never>> = {
  id: 'env.librocketmq',
  input: () => ({}),
  async run(_input, ctx) {
    const hits = await findLibrocketmq(ctx.signal);
    const packaged = await packagedVersion(ctx.signal);
    for (const hit of hits)
      ctx.progress(
        msg('librocketmq.progress.found', { path: hit.path, version: hit.version ?? packaged ?? '?' }),
      );
    const py = await findPython(ctx.signal, 'rocketmq-client-python');
    const sdk = py.package;
    ctx.progress(
      sdk
        ? msg('env.progress.package', { name: 'rocketmq-client-python', version: sdk })
        : msg('env.progress.noPackage', { name: 'rocketmq-client-python' }),
    );
    const version = hits.find((h) => h.version)?.version ?? packaged;
    const details = {
      libraries: hits,
      version: version ?? null,
      pythonSdk: sdk ?? null,
      minimum: MINIMUM,
      platform: process.platform,
    };
    const notes: Message[] = [];
    if (!sdk)
      notes.push(
        msg('env.note.installPackage', {
          name: 'rocketmq-client-python',
          python: py.python?.command ?? 'python3',
        }),
      );
    if (hits.length === 0) {
      return {
        status: 'warned',
        details,
        summary: msg('librocketmq.missing'),
        notes: [installGuide(process.platform), ...notes],
      };
    }
    if (version && !atLeast(version, MINIMUM)) {
      return {
        status: 'warned',
        details,
        summary: msg('librocketmq.tooOld', { version, minimum: MINIMUM }),
        notes: [installGuide(process.platform), ...notes],
      };
    }
    return {
      status: notes.length ? 'warned' : 'passed',
      details,
      summary: msg('librocketmq.ok', { path: hits[0]?.path ?? '', version: version ?? '?' }),
      notes,
    };
  },
};
