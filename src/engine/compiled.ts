import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { StepDef, Tutorial } from './types.js';

/**
 * Tutorials checked and parsed at build time (`dist/tutorials.json`), so that start-up need not load
 * a YAML parser nor read every step file. A tutorial is taken from there only while none of its
 * files has changed since (same names, sizes and modification times); an instructor editing steps/
 * gets their edits, parsed afresh.
 */
export interface CompiledTutorials {
  version: 1;
  tutorials: Record<string, { files: Record<string, { size: number; mtimeMs: number }>; tutorial: Tutorial }>;
}

export function fingerprint(dir: string): Record<string, { size: number; mtimeMs: number }> {
  const out: Record<string, { size: number; mtimeMs: number }> = {};
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.md') && name !== 'tutorial.yaml') continue;
    const st = statSync(path.join(dir, name));
    out[name] = { size: st.size, mtimeMs: st.mtimeMs };
  }
  return out;
}

/** Stored with paths relative to the tutorial's folder, so the package can move. */
export function portable(tutorial: Tutorial): Tutorial {
  return {
    ...tutorial,
    dir: '.',
    steps: tutorial.steps.map((s): StepDef => ({ ...s, file: path.basename(s.file) })),
  };
}

let cache: { file: string; data: CompiledTutorials | undefined } | undefined;

function readCache(file: string): CompiledTutorials | undefined {
  if (cache?.file === file) return cache.data;
  let data: CompiledTutorials | undefined;
  try {
    if (existsSync(file)) {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as CompiledTutorials;
      if (parsed.version === 1) data = parsed;
    }
  } catch {
    data = undefined;
  }
  cache = { file, data };
  return data;
}

/** The compiled tutorial in `dir`, if the cache has it and its files are unchanged. */
export function compiledTutorial(cacheFile: string, dir: string): Tutorial | undefined {
  const entry = readCache(cacheFile)?.tutorials[path.basename(dir)];
  if (!entry) return undefined;
  const now = fingerprint(dir);
  const names = Object.keys(now);
  if (names.length !== Object.keys(entry.files).length) return undefined;
  for (const name of names) {
    const was = entry.files[name];
    if (!was || was.size !== now[name]?.size || was.mtimeMs !== now[name]?.mtimeMs) return undefined;
  }
  const t = entry.tutorial;
  return { ...t, dir, steps: t.steps.map((s) => ({ ...s, file: path.join(dir, s.file) })) };
}
