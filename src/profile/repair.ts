import type { LastRun, ProfileData, ProgressEntry, TutorialState } from './schema.js';

/**
 * What was wrong in a hand-edited or damaged profile file, and what mq-tutor did about it.
 * `path` is where in the file, e.g. `tutorials.ckafka.params.topic`.
 */
export interface RepairProblem {
  path: string;
  expected: 'object' | 'string' | 'number' | 'boolean' | 'status' | 'version';
  found: string;
  /** converted: the value was turned into the expected type; dropped: it was left out; reset: a default was used. */
  fix: 'converted' | 'dropped' | 'reset';
}

export interface Repaired<T> {
  data: T;
  problems: RepairProblem[];
}

const STATUSES = new Set(['passed', 'failed', 'skipped', 'warned']);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short description of a JSON value's type and content, for the message to the user. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') return 'object';
  const text = JSON.stringify(value) ?? String(value);
  return `${typeof value} ${text.length > 40 ? `${text.slice(0, 37)}...` : text}`;
}

function join(parent: string, key: string): string {
  return parent ? `${parent}.${key}` : key;
}

class Repairer {
  readonly problems: RepairProblem[] = [];

  problem(
    path: string,
    expected: RepairProblem['expected'],
    value: unknown,
    fix: RepairProblem['fix'],
  ): void {
    this.problems.push({ path, expected, found: describeValue(value), fix });
  }

  object(
    path: string,
    value: unknown,
    fix: RepairProblem['fix'] = 'reset',
  ): Record<string, unknown> | undefined {
    if (isObject(value)) return value;
    this.problem(path, 'object', value, fix);
    return undefined;
  }

  /** A map of strings: numbers and booleans (as typed by hand: `"port": 9092`) become strings. */
  stringMap(path: string, value: unknown): Record<string, string> {
    const map = this.object(path, value);
    const out: Record<string, string> = {};
    for (const [key, v] of Object.entries(map ?? {})) {
      if (typeof v === 'string') out[key] = v;
      else if (typeof v === 'number' || typeof v === 'boolean') {
        out[key] = String(v);
        this.problem(join(path, key), 'string', v, 'converted');
      } else this.problem(join(path, key), 'string', v, 'dropped');
    }
    return out;
  }

  optionalString(path: string, value: unknown): string | undefined {
    if (value === undefined || typeof value === 'string') return value;
    this.problem(path, 'string', value, 'dropped');
    return undefined;
  }

  progressEntry(path: string, value: unknown): ProgressEntry | undefined {
    const entry = this.object(path, value, 'dropped');
    if (!entry) return undefined;
    if (typeof entry.status !== 'string' || !STATUSES.has(entry.status)) {
      this.problem(join(path, 'status'), 'status', entry.status, 'dropped');
      return undefined;
    }
    if (typeof entry.at !== 'string') {
      this.problem(join(path, 'at'), 'string', entry.at, 'dropped');
      return undefined;
    }
    let durationMs = entry.durationMs;
    if (typeof durationMs === 'string' && /^\d+(\.\d+)?$/.test(durationMs)) {
      this.problem(join(path, 'durationMs'), 'number', durationMs, 'converted');
      durationMs = Number(durationMs);
    }
    if (typeof durationMs !== 'number' || !Number.isFinite(durationMs)) {
      this.problem(join(path, 'durationMs'), 'number', entry.durationMs, 'dropped');
      return undefined;
    }
    const out: ProgressEntry = {
      ...entry,
      status: entry.status as ProgressEntry['status'],
      at: entry.at,
      durationMs,
    };
    for (const key of ['details', 'diagnosis'] as const) {
      if (entry[key] !== undefined && !isObject(entry[key])) {
        this.problem(join(path, key), 'object', entry[key], 'dropped');
        delete out[key];
      }
    }
    if (entry.skipReason !== undefined && typeof entry.skipReason !== 'string') {
      this.problem(join(path, 'skipReason'), 'string', entry.skipReason, 'dropped');
      delete out.skipReason;
    }
    return out;
  }

  lastRun(path: string, value: unknown): LastRun | undefined {
    const run = this.object(path, value, 'dropped');
    if (!run) return undefined;
    for (const key of ['runId', 'startedAt']) {
      if (typeof run[key] !== 'string') {
        this.problem(join(path, key), 'string', run[key], 'dropped');
        return undefined;
      }
    }
    const out: Record<string, unknown> = { ...run };
    for (const key of ['finishedAt', 'lang', 'mode', 'tutorialDir']) {
      if (this.optionalString(join(path, key), run[key]) === undefined) delete out[key];
    }
    if (run.interrupted !== undefined && typeof run.interrupted !== 'boolean') {
      if (run.interrupted === 'true' || run.interrupted === 'false') {
        this.problem(join(path, 'interrupted'), 'boolean', run.interrupted, 'converted');
        out.interrupted = run.interrupted === 'true';
      } else {
        this.problem(join(path, 'interrupted'), 'boolean', run.interrupted, 'dropped');
        delete out.interrupted;
      }
    }
    if (run.environment !== undefined)
      out.environment = this.stringMap(join(path, 'environment'), run.environment);
    return out as unknown as LastRun;
  }

  tutorial(path: string, value: unknown): TutorialState | undefined {
    const state = this.object(path, value, 'dropped');
    if (!state) return undefined;
    const out: TutorialState = {
      ...(state as Partial<TutorialState>),
      params: this.stringMap(join(path, 'params'), state.params),
      progress: {},
    };
    const progress = this.object(join(path, 'progress'), state.progress) ?? {};
    for (const [step, entry] of Object.entries(progress)) {
      const checked = this.progressEntry(join(join(path, 'progress'), step), entry);
      if (checked) out.progress[step] = checked;
    }
    if (state.lastRun !== undefined) {
      const run = this.lastRun(join(path, 'lastRun'), state.lastRun);
      if (run) out.lastRun = run;
      else delete out.lastRun;
    }
    return out;
  }
}

/**
 * Keeps whatever in a parsed profile file is usable and says what was not. The result always
 * satisfies PROFILE_SCHEMA; values of the wrong type are converted when the intent is plain
 * (`9092` for `"9092"`), otherwise left out so that the defaults apply.
 */
export function repairProfile(raw: unknown): Repaired<ProfileData> {
  const r = new Repairer();
  const root = r.object('', raw);
  if (!root) return { data: { version: 1, tutorials: {} }, problems: r.problems };
  if (root.version !== undefined && root.version !== 1)
    r.problem('version', 'version', root.version, 'reset');
  const data: ProfileData = { ...(root as object), version: 1, tutorials: {} } as ProfileData;
  const tutorials = root.tutorials === undefined ? {} : (r.object('tutorials', root.tutorials) ?? {});
  for (const [id, state] of Object.entries(tutorials)) {
    const checked = r.tutorial(join('tutorials', id), state);
    if (checked) data.tutorials[id] = checked;
  }
  return { data, problems: r.problems };
}

export type SecretsData = { tutorials: Record<string, Record<string, string>> };

/** The same for the secrets file: a map of tutorials to maps of strings. */
export function repairSecrets(raw: unknown): Repaired<SecretsData> {
  const r = new Repairer();
  const root = r.object('', raw);
  const data: SecretsData = { tutorials: {} };
  const tutorials = root?.tutorials === undefined ? {} : (r.object('tutorials', root.tutorials) ?? {});
  for (const [id, values] of Object.entries(tutorials)) {
    data.tutorials[id] = r.stringMap(join('tutorials', id), values);
  }
  return { data, problems: r.problems };
}

/** Where in the text a JSON syntax error is, as line and column (V8 says "at position N"). */
export function syntaxErrorPlace(text: string, error: Error): { line: number; column: number } | undefined {
  const position = /position (\d+)/.exec(error.message)?.[1];
  const lineCol = /line (\d+) column (\d+)/.exec(error.message);
  if (lineCol) return { line: Number(lineCol[1]), column: Number(lineCol[2]) };
  if (position === undefined) {
    // "Unexpected end of JSON input": the file stops early.
    const lines = text.split('\n');
    return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
  }
  const before = text.slice(0, Number(position)).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}
