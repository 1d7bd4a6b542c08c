import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import type Conf from 'conf';
import { secretParamIds } from '../engine/secrets.js';
import type { Tutorial } from '../engine/types.js';
import { once } from '../util/lazy-require.js';
import { UnusableFolderError, userConfigDir } from '../util/paths.js';
import { withFileLock } from './lock.js';
import {
  type Repaired,
  type RepairProblem,
  repairProfile,
  repairSecrets,
  syntaxErrorPlace,
} from './repair.js';
import {
  emptyProfile,
  PROFILE_SCHEMA,
  type ProfileData,
  SECRETS_SCHEMA,
  type TutorialState,
} from './schema.js';

/** conf is evaluated when a profile is first opened, not at start-up (see util/lazy-require.ts). */
const loadConf = once(() => (require('conf') as typeof import('conf')).default);

/** Where profiles live. `MQ_TUTOR_CONFIG_DIR` overrides (tests, several setups side by side). */
export function profilesRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env.MQ_TUTOR_CONFIG_DIR
    ? path.resolve(env.MQ_TUTOR_CONFIG_DIR)
    : path.join(userConfigDir(env), 'mq-tutor');
}

/** The tutorial a write is for: its id, and its parameters, so that secrets are kept out by type. */
export type TutorialRef = Pick<Tutorial, 'id' | 'params'>;

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function isProfileName(name: string): boolean {
  return NAME.test(name);
}

export class ProfileNameError extends Error {
  constructor(readonly profile: string) {
    super(`invalid profile name ${profile}`);
    this.name = 'ProfileNameError';
  }
}

/**
 * A profile (or secrets) file that could not be used as it was. It was moved aside as `backup`;
 * what could be kept from it was kept (`repaired`), otherwise a fresh one was started.
 */
export interface DamagedProfile {
  file: string;
  backup: string;
  /** One line, in English, for logs; `describeDamage` in notice.ts says it in the user's language. */
  problem: string;
  /** json: not valid JSON (at `line`:`column`); schema: valid JSON with values of the wrong kind. */
  kind: 'json' | 'schema';
  line?: number;
  column?: number;
  /** Some of the file's content was kept (schema problems only); `store.problemsOf(d)` says what was not. */
  repaired: boolean;
  /** Found by a command that only reads: the file was left as it is. */
  readOnly?: boolean;
}

export type SecretsData = { tutorials: Record<string, Record<string, string>> };

const CONF_COMMON = {
  projectName: 'mq-tutor',
  configFileMode: 0o600,
  accessPropertiesByDotNotation: false,
  clearInvalidConfig: false,
} as const;

/**
 * Named parameter sets with per-tutorial progress, one file per profile (mode 0600), written
 * atomically by conf under a lock so that two mq-tutor processes never lose each other's writes.
 * Secrets live in a separate file and only when the user opted in.
 *
 * A file that is not valid JSON, or holds values of the wrong type (a hand edit), never stops the
 * app: it is moved aside as `<file>.damaged-<time>`, what is usable in it is kept, the problem is
 * recorded in `damaged` for the front end to report, and work goes on.
 */
export class ProfileStore {
  readonly root: string;
  readonly damaged: DamagedProfile[] = [];
  /** Reads only, and never writes: no lock files, no repairs (for `profile list|show` and `report`). */
  readonly readOnly: boolean;
  readonly #confs = new Map<string, Conf<ProfileData>>();
  readonly #problems = new Map<string, RepairProblem[]>();

  constructor(env: NodeJS.ProcessEnv = process.env, options: { readOnly?: boolean } = {}) {
    this.root = profilesRoot(env);
    this.readOnly = options.readOnly === true;
  }

  /**
   * Makes sure profiles can be written here before a run relies on it; a folder that cannot be
   * used (a file in the way, no permission, no home folder) is an UnusableFolderError naming it.
   */
  ensureWritable(): void {
    // The secrets folder is made only when someone opts in to saving secrets.
    const dirs = [this.root, this.profilesDir];
    if (existsSync(this.secretsDir)) dirs.push(this.secretsDir);
    for (const dir of dirs) {
      try {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        const probe = path.join(dir, `.write-test-${process.pid}`);
        writeFileSync(probe, '', { mode: 0o600 });
        rmSync(probe, { force: true });
      } catch (error) {
        throw new UnusableFolderError(dir, (error as NodeJS.ErrnoException).code ?? String(error));
      }
    }
  }

  get profilesDir(): string {
    return path.join(this.root, 'profiles');
  }

  get secretsDir(): string {
    return path.join(this.root, 'secrets');
  }

  fileOf(name: string): string {
    return path.join(this.profilesDir, `${name}.json`);
  }

  secretsFileOf(name: string): string {
    return path.join(this.secretsDir, `${name}.json`);
  }

  list(): string[] {
    if (!existsSync(this.profilesDir)) return [];
    return readdirSync(this.profilesDir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -5))
      .filter((n) => NAME.test(n))
      .sort();
  }

  /** Each value of the wrong type in a damaged file, and what was done with it. */
  problemsOf(damage: DamagedProfile): RepairProblem[] {
    return this.#problems.get(damage.backup) ?? [];
  }

  exists(name: string): boolean {
    return existsSync(this.fileOf(name));
  }

  hasSecrets(name: string): boolean {
    return existsSync(this.secretsFileOf(name));
  }

  /**
   * Checks the file before conf opens it, moving a damaged one aside and writing back what could
   * be kept. Runs under the file's lock, so that two processes never both repair the same file.
   */
  #checkFile<T>(file: string, repair: (raw: unknown) => Repaired<T>): void {
    if (!existsSync(file)) return;
    const text = readFileSync(file, 'utf8');
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      const place = syntaxErrorPlace(text, error as Error);
      this.#setAside(file, {
        kind: 'json',
        problem: `not valid JSON: ${(error as Error).message}`,
        ...place,
        repaired: false,
      });
      return;
    }
    const { data, problems } = repair(raw);
    if (problems.length === 0) return;
    const kept =
      problems.some((p) => p.fix !== 'reset' || p.path !== '') &&
      typeof raw === 'object' &&
      raw !== null &&
      !Array.isArray(raw);
    const summary = problems
      .slice(0, 5)
      .map((p) => `${p.path || '(top level)'}: expected ${p.expected}, found ${p.found} (${p.fix})`)
      .join('; ');
    this.#setAside(file, { kind: 'schema', problem: summary, repaired: kept }, data, problems);
  }

  #setAside(
    file: string,
    what: Omit<DamagedProfile, 'file' | 'backup'>,
    keep?: unknown,
    problems: RepairProblem[] = [],
  ): void {
    const backup = `${file}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(file, backup);
    // The backup may be a secrets file, or a profile someone pasted a password into.
    chmodSync(backup, 0o600);
    if (keep !== undefined && what.repaired) {
      // Written the way conf writes (tab-indented JSON, atomic rename, mode 0600).
      const tmp = `${file}.${process.pid}.repair`;
      writeFileSync(tmp, JSON.stringify(keep, undefined, '\t'), { mode: 0o600 });
      chmodSync(tmp, 0o600);
      renameSync(tmp, file);
    }
    this.#problems.set(backup, problems);
    this.damaged.push({ file, backup, ...what });
  }

  /** Opens conf on a file that was checked first; a file conf still refuses is set aside whole. */
  #open<T extends object>(file: string, open: () => Conf<T>, repair: (raw: unknown) => Repaired<T>): Conf<T> {
    return withFileLock(file, () => {
      this.#checkFile(file, repair);
      try {
        const conf = open();
        void conf.store;
        return conf;
      } catch (error) {
        if (!existsSync(file)) throw error;
        this.#setAside(file, {
          kind: 'schema',
          problem: (error as Error).message,
          repaired: false,
        });
        return open();
      }
    });
  }

  #conf(name: string): Conf<ProfileData> {
    if (!NAME.test(name)) throw new ProfileNameError(name);
    let conf = this.#confs.get(name);
    if (!conf) {
      mkdirSync(this.profilesDir, { recursive: true, mode: 0o700 });
      conf = this.#open(
        this.fileOf(name),
        () =>
          new (loadConf())<ProfileData>({
            ...CONF_COMMON,
            cwd: this.profilesDir,
            configName: name,
            schema: PROFILE_SCHEMA as never,
            defaults: emptyProfile(),
          }),
        repairProfile,
      );
      this.#confs.set(name, conf);
    }
    return conf;
  }

  /**
   * The profile's content, read under its lock. A file damaged while mq-tutor was running (edited
   * by hand in another window) is dealt with like one found damaged at the start.
   */
  #load(conf: Conf<ProfileData>): ProfileData {
    let data: Partial<ProfileData>;
    try {
      data = conf.store;
    } catch {
      this.#checkFile(conf.path, repairProfile);
      data = conf.store;
    }
    // A file removed meanwhile (profile delete in another window) reads as {}.
    return { ...emptyProfile(), ...data };
  }

  read(name: string): ProfileData {
    // Reading a profile that does not exist creates nothing.
    if (!this.#confs.has(name) && NAME.test(name) && !this.exists(name)) return emptyProfile();
    if (this.readOnly) return this.#readDirect(name);
    const conf = this.#conf(name);
    return withFileLock(conf.path, () => this.#load(conf));
  }

  /** A read that changes nothing on disk; a damaged file is reported and read as far as it can be. */
  #readDirect(name: string): ProfileData {
    if (!NAME.test(name)) throw new ProfileNameError(name);
    const file = this.fileOf(name);
    try {
      const { data, problems } = repairProfile(JSON.parse(readFileSync(file, 'utf8')));
      if (problems.length > 0) this.#noteUnrepaired(file, 'schema', problems);
      return data;
    } catch (error) {
      this.#noteUnrepaired(file, 'json', [], (error as Error).message);
      return emptyProfile();
    }
  }

  #noteUnrepaired(file: string, kind: 'json' | 'schema', problems: RepairProblem[], message = ''): void {
    if (this.damaged.some((d) => d.file === file)) return;
    this.#problems.set(file, problems);
    this.damaged.push({
      file,
      backup: file,
      kind,
      problem: message || problems.map((p) => p.path).join(', '),
      repaired: false,
      readOnly: true,
    });
  }

  tutorial(name: string, tutorial: string): TutorialState {
    return this.read(name).tutorials[tutorial] ?? { params: {}, progress: {} };
  }

  /**
   * A quick look at a profile for display (the start screen), without opening it through conf: an
   * unreadable file shows as empty here and is reported and repaired when the profile is opened.
   */
  peek(name: string, tutorial: string): TutorialState | undefined {
    try {
      const data = JSON.parse(readFileSync(this.fileOf(name), 'utf8')) as Partial<ProfileData>;
      const state = data.tutorials?.[tutorial];
      return state && typeof state.progress === 'object' && state.progress !== null ? state : undefined;
    } catch {
      return undefined;
    }
  }

  /** Read-modify-write of one tutorial's state, under the profile's lock. */
  update(
    name: string,
    tutorial: TutorialRef,
    change: (state: TutorialState) => TutorialState,
  ): TutorialState {
    const conf = this.#conf(name);
    const secret = new Set(secretParamIds(tutorial));
    return withFileLock(conf.path, () => {
      const data = this.#load(conf);
      const current = data.tutorials[tutorial.id] ?? { params: {}, progress: {} };
      const next = change(structuredClone(current));
      // Secrets never go into the profile file itself, whatever they are called.
      next.params = Object.fromEntries(Object.entries(next.params).filter(([k]) => !secret.has(k)));
      conf.store = { ...data, version: 1, tutorials: { ...data.tutorials, [tutorial.id]: next } };
      return next;
    });
  }

  /** Creates the profile's file if it does not exist yet (an empty profile). */
  touch(name: string): void {
    const conf = this.#conf(name);
    withFileLock(conf.path, () => {
      if (!existsSync(conf.path)) conf.store = emptyProfile();
    });
  }

  saveParams(name: string, tutorial: TutorialRef, params: Record<string, string>): void {
    this.update(name, tutorial, (state) => ({ ...state, params: { ...state.params, ...params } }));
  }

  /** Removes the profile and its secrets; backups of damaged files are left for the user. */
  delete(name: string): boolean {
    if (!NAME.test(name)) throw new ProfileNameError(name);
    const files = [this.fileOf(name), this.secretsFileOf(name)];
    let existed = false;
    for (const f of files) {
      withFileLock(f, () => {
        if (existsSync(f)) existed = true;
        rmSync(f, { force: true });
      });
    }
    this.#confs.delete(name);
    return existed;
  }

  #secrets(name: string): Conf<SecretsData> {
    if (!NAME.test(name)) throw new ProfileNameError(name);
    mkdirSync(this.secretsDir, { recursive: true, mode: 0o700 });
    return this.#open(
      this.secretsFileOf(name),
      () =>
        new (loadConf())<SecretsData>({
          ...CONF_COMMON,
          cwd: this.secretsDir,
          configName: name,
          schema: SECRETS_SCHEMA as never,
          defaults: { tutorials: {} },
        }),
      repairSecrets,
    );
  }

  /** Secrets saved by an explicit opt-in (`--save-secrets` or the wizard's question). */
  readSecrets(name: string, tutorial: string): Record<string, string> {
    return this.allSecrets(name)[tutorial] ?? {};
  }

  /** All saved secrets of a profile, by tutorial (for `profile show`, which masks them). */
  allSecrets(name: string): Record<string, Record<string, string>> {
    if (!existsSync(this.secretsFileOf(name))) return {};
    if (this.readOnly) {
      try {
        return repairSecrets(JSON.parse(readFileSync(this.secretsFileOf(name), 'utf8'))).data.tutorials;
      } catch {
        return {};
      }
    }
    const conf = this.#secrets(name);
    return withFileLock(conf.path, () => conf.store.tutorials);
  }

  saveSecrets(name: string, tutorial: TutorialRef, secrets: Record<string, string>): void {
    const secret = new Set(secretParamIds(tutorial));
    const only = Object.fromEntries(Object.entries(secrets).filter(([k, v]) => secret.has(k) && v));
    if (Object.keys(only).length === 0) return;
    const conf = this.#secrets(name);
    withFileLock(conf.path, () => {
      const data = conf.store;
      conf.store = {
        tutorials: { ...data.tutorials, [tutorial.id]: { ...(data.tutorials[tutorial.id] ?? {}), ...only } },
      };
    });
  }

  /** Forgets the saved secrets of one tutorial (or all); the file goes when nothing is left. */
  forgetSecrets(name: string, tutorial?: string): void {
    if (!existsSync(this.secretsFileOf(name))) return;
    const conf = this.#secrets(name);
    withFileLock(conf.path, () => {
      const tutorials = { ...conf.store.tutorials };
      if (tutorial) delete tutorials[tutorial];
      if (!tutorial || Object.keys(tutorials).length === 0) rmSync(conf.path, { force: true });
      else conf.store = { tutorials };
    });
  }
}
