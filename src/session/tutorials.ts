import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { actionCatalogue } from '../actions/registry.js';
import { compiledTutorial } from '../engine/compiled.js';
import { lintTutorial, listTutorials } from '../engine/load.js';
import type { FileProblem } from '../engine/step-files.js';
import type { Tutorial } from '../engine/types.js';
import { packageRoot, stepsRoot } from '../util/paths.js';
import { SessionError } from './errors.js';

export interface TutorialEntry {
  id: string;
  dir: string;
  builtIn: boolean;
}

/** Reads and checks a tutorial folder against the actions mq-tutor has. */
export function lintTutorialDir(dir: string): { tutorial?: Tutorial; problems: FileProblem[] } {
  return lintTutorial(dir, actionCatalogue);
}

const isTutorialDir = (dir: string) => existsSync(path.join(dir, 'tutorial.yaml'));

/** The id a tutorial.yaml declares, read without a YAML parser (listing must stay cheap). */
function declaredId(dir: string): string | undefined {
  try {
    return /^id:\s*['"]?([a-z][a-z0-9-]*)/m.exec(readFileSync(path.join(dir, 'tutorial.yaml'), 'utf8'))?.[1];
  } catch {
    return undefined;
  }
}

/** The folders `MQ_TUTOR_TUTORIALS` lists: each a tutorial folder, or a folder of them. */
function extraDirs(env: NodeJS.ProcessEnv): string[] {
  const folders = (env.MQ_TUTOR_TUTORIALS ?? '').split(path.delimiter).filter(Boolean);
  return folders.flatMap((folder) => {
    const dir = path.resolve(folder);
    if (isTutorialDir(dir)) return [dir];
    return listTutorials(dir).map((name) => path.join(dir, name));
  });
}

/** The built-in tutorials, then an instructor's own from `MQ_TUTOR_TUTORIALS` (a built-in id wins). */
export function tutorialEntries(env: NodeJS.ProcessEnv = process.env): TutorialEntry[] {
  const root = stepsRoot();
  const entries: TutorialEntry[] = listTutorials(root).map((id) => ({
    id,
    dir: path.join(root, id),
    builtIn: true,
  }));
  for (const dir of extraDirs(env)) {
    const id = declaredId(dir);
    if (id && !entries.some((e) => e.id === id)) entries.push({ id, dir, builtIn: false });
  }
  return entries;
}

export function tutorialIds(env: NodeJS.ProcessEnv = process.env): string[] {
  return tutorialEntries(env).map((e) => e.id);
}

const opened = new Map<string, Tutorial>();

function load(dir: string, builtIn: boolean): Tutorial {
  const cached = opened.get(dir);
  if (cached) return cached;
  let tutorial = builtIn
    ? compiledTutorial(path.join(packageRoot(), 'dist', 'tutorials.json'), dir)
    : undefined;
  if (!tutorial) {
    const linted = lintTutorialDir(dir);
    if (!linted.tutorial || linted.problems.length > 0) {
      const problems = linted.problems.map((p) => `${p.file}:${p.line}: ${p.message}`);
      throw new SessionError('TUTORIAL_INVALID', 'session.tutorialInvalid', {
        dir,
        count: problems.length,
        problems: problems.slice(0, 5).join('\n  '),
      });
    }
    tutorial = linted.tutorial;
  }
  opened.set(dir, tutorial);
  return tutorial;
}

/**
 * The tutorial a profile's saved state belongs to: by id, else from the folder its last run came
 * from (a tutorial run with `mq-tutor run <folder>`); undefined when neither is at hand any more.
 */
export function tutorialOfState(
  id: string,
  tutorialDir: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Tutorial | undefined {
  for (const ref of [id, tutorialDir]) {
    if (!ref) continue;
    try {
      const tutorial = openTutorial(ref, env);
      if (tutorial.id === id) return tutorial;
    } catch {
      /* not here */
    }
  }
  return undefined;
}

/**
 * A tutorial by id (built-in or from `MQ_TUTOR_TUTORIALS`), or by the path of its folder
 * (`mq-tutor run ./my-tutorial`): an instructor's tutorial needs only files in its folder.
 */
export function openTutorial(ref: string, env: NodeJS.ProcessEnv = process.env): Tutorial {
  const entries = tutorialEntries(env);
  const entry = entries.find((e) => e.id === ref);
  if (entry) return load(entry.dir, entry.builtIn);
  const dir = path.resolve(ref);
  if (isTutorialDir(dir)) return load(dir, false);
  if (/[/\\]/.test(ref) || ref.startsWith('.'))
    throw new SessionError('UNKNOWN_TUTORIAL', 'session.notTutorialFolder', { dir });
  throw new SessionError('UNKNOWN_TUTORIAL', 'ui.unknownTutorial', {
    tutorial: ref,
    known: entries.map((e) => e.id).join(', '),
  });
}
