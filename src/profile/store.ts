import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { isSecretKey } from '../engine/secrets.js';
import { userConfigDir } from '../util/paths.js';
import { withFileLock } from './lock.js';
import {
  emptyProfile,
  PROFILE_SCHEMA,
  type ProfileData,
  SECRETS_SCHEMA,
  type TutorialState,
} from './schema.js';

/** Where profiles live. `MQ_TUTOR_CONFIG_DIR` overrides (tests, several setups side by side). */
export function profilesRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env.MQ_TUTOR_CONFIG_DIR
    ? path.resolve(env.MQ_TUTOR_CONFIG_DIR)
    : path.join(userConfigDir(env), 'mq-tutor');
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export class ProfileNameError extends Error {
  constructor(readonly profile: string) {
    super(`invalid profile name ${profile}`);
    this.name = 'ProfileNameError';
  }
}

/** A profile file that could not be used as it was; it was moved aside and a fresh one started. */
export interface DamagedProfile {
  file: string;
  backup: string;
  problem: string;
}

type SecretsData = { tutorials: Record<string, Record<string, string>> };

/**
 * Named parameter sets with per-tutorial progress, one file per profile (mode 0600), written
 * atomically by conf under a lock so that two mq-tutor processes never lose each other's writes.
 * Secrets live in a separate file and only when the user opted in.
 */
export class ProfileStore {
  readonly root: string;
  readonly damaged: DamagedProfile[] = [];
  readonly #confs = new Map<string, Conf<ProfileData>>();

  constructor(env: NodeJS.ProcessEnv = process.env) {
    this.root = profilesRoot(env);
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

  exists(name: string): boolean {
    return existsSync(this.fileOf(name));
  }

  #conf(name: string): Conf<ProfileData> {
    if (!NAME.test(name)) throw new ProfileNameError(name);
    let conf = this.#confs.get(name);
    if (!conf) {
      const open = () =>
        new Conf<ProfileData>({
          projectName: 'mq-tutor',
          cwd: this.profilesDir,
          configName: name,
          configFileMode: 0o600,
          schema: PROFILE_SCHEMA as never,
          defaults: emptyProfile(),
          accessPropertiesByDotNotation: false,
          clearInvalidConfig: false,
        });
      conf = this.#openOrSetAside(this.fileOf(name), open);
      this.#confs.set(name, conf);
    }
    return conf;
  }

  /**
   * conf checks the file against the schema when it opens it. A file that is not valid JSON, or not
   * a profile, is moved aside (kept as a backup), reported, and a fresh one is started.
   */
  #openOrSetAside<T extends object>(file: string, open: () => Conf<T>): Conf<T> {
    try {
      const conf = open();
      void conf.store;
      return conf;
    } catch (error) {
      if (!existsSync(file)) throw error;
      const backup = `${file}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(file, backup);
      this.damaged.push({ file, backup, problem: (error as Error).message });
      return open();
    }
  }

  read(name: string): ProfileData {
    const conf = this.#conf(name);
    return withFileLock(conf.path, () => conf.store);
  }

  tutorial(name: string, tutorial: string): TutorialState {
    return this.read(name).tutorials[tutorial] ?? { params: {}, progress: {} };
  }

  /** Read-modify-write of one tutorial's state, under the profile's lock. */
  update(name: string, tutorial: string, change: (state: TutorialState) => TutorialState): TutorialState {
    const conf = this.#conf(name);
    mkdirSync(this.profilesDir, { recursive: true });
    return withFileLock(conf.path, () => {
      const data = conf.store;
      const current = data.tutorials[tutorial] ?? { params: {}, progress: {} };
      const next = change(structuredClone(current));
      // Secrets never go into the profile file itself.
      next.params = Object.fromEntries(Object.entries(next.params).filter(([k]) => !isSecretKey(k)));
      conf.store = { ...data, version: 1, tutorials: { ...data.tutorials, [tutorial]: next } };
      return next;
    });
  }

  saveParams(name: string, tutorial: string, params: Record<string, string>): void {
    this.update(name, tutorial, (state) => ({ ...state, params: { ...state.params, ...params } }));
  }

  delete(name: string): boolean {
    if (!NAME.test(name)) throw new ProfileNameError(name);
    const files = [this.fileOf(name), this.secretsFileOf(name)];
    const existed = files.some((f) => existsSync(f));
    for (const f of files) rmSync(f, { force: true });
    this.#confs.delete(name);
    return existed;
  }

  #secrets(name: string): Conf<SecretsData> {
    if (!NAME.test(name)) throw new ProfileNameError(name);
    const open = () =>
      new Conf<SecretsData>({
        projectName: 'mq-tutor',
        cwd: this.secretsDir,
        configName: name,
        configFileMode: 0o600,
        schema: SECRETS_SCHEMA as never,
        defaults: { tutorials: {} },
        accessPropertiesByDotNotation: false,
        clearInvalidConfig: false,
      });
    return this.#openOrSetAside(this.secretsFileOf(name), open);
  }

  /** Secrets saved by an explicit opt-in (`--save-secrets` or the wizard's question). */
  readSecrets(name: string, tutorial: string): Record<string, string> {
    if (!existsSync(this.secretsFileOf(name))) return {};
    return this.#secrets(name).store.tutorials[tutorial] ?? {};
  }

  saveSecrets(name: string, tutorial: string, secrets: Record<string, string>): void {
    const conf = this.#secrets(name);
    mkdirSync(this.secretsDir, { recursive: true });
    withFileLock(conf.path, () => {
      const data = conf.store;
      const only = Object.fromEntries(Object.entries(secrets).filter(([k, v]) => isSecretKey(k) && v));
      conf.store = {
        tutorials: { ...data.tutorials, [tutorial]: { ...(data.tutorials[tutorial] ?? {}), ...only } },
      };
    });
  }
}
