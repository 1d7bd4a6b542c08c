import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProfileStore } from '../../src/profile/store.js';
import { sandboxParamSets } from '../../src/sandbox/params.js';
import type { SandboxSecrets } from '../../src/sandbox/state.js';
import { openSession } from '../../src/session/open.js';
import { resolveLayers } from '../../src/session/prepare.js';
import { openTutorial, tutorialEntries } from '../../src/session/tutorials.js';
import { tutorialChoices } from '../../src/ui/interactive/setup.js';
import { freshConfigDir, ROOT } from '../helpers/env.js';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'tutorials');

/** A tutorial of its own whose secret is called `token`, with one step that needs no broker. */
function tokenTutorial(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mqt-token-'));
  writeFileSync(
    path.join(dir, 'tutorial.yaml'),
    [
      'id: tokens',
      'broker: kafka',
      'title: {zh: 令牌, en: Tokens}',
      'summary: {zh: 只检查环境。, en: Only checks the environment.}',
      'steps: [env]',
      'params:',
      '  token: {type: secret, label: {zh: 令牌, en: Token}, help: {zh: 一个密钥。, en: A secret.}}',
      '  note: {type: string, required: false, label: {zh: 备注, en: Note}, help: {zh: 随意。, en: Anything.}}',
    ].join('\n'),
  );
  writeFileSync(
    path.join(dir, '01-env.md'),
    [
      '---',
      'id: env',
      'action: env.prepare',
      'params: [token, note]',
      'with: {pythonPackage: six, pythonModule: six}',
      'title: {zh: 环境, en: Environment}',
      'passes: {zh: 好。, en: Fine.}',
      '---',
      '::: zh',
      '检查。',
      ':::',
      '::: en',
      'Checks.',
      ':::',
    ].join('\n'),
  );
  return dir;
}

const request = (tutorial: string, configDir: string, more: Record<string, unknown> = {}) => ({
  tutorial,
  sandbox: false,
  set: [] as string[],
  saveSecrets: false,
  mode: 'yes' as const,
  lang: 'en' as const,
  signal: new AbortController().signal,
  env: { MQ_TUTOR_CONFIG_DIR: configDir },
  ...more,
});

describe('secrecy follows `type: secret` alone', () => {
  it('a secret called token: kept out of the profile file, saved only with --save-secrets', async () => {
    const dir = tokenTutorial();
    const config = freshConfigDir();
    const plain = await openSession(request(dir, config, { set: ['token=tok-S3cret', 'note=hello'] }));
    plain.release();
    const store = new ProfileStore({ MQ_TUTOR_CONFIG_DIR: config });
    expect(store.tutorial('default', 'tokens').params).toEqual({ note: 'hello' });
    expect(store.readSecrets('default', 'tokens')).toEqual({});
    const saved = await openSession(request(dir, config, { set: ['token=tok-S3cret'], saveSecrets: true }));
    saved.release();
    expect(store.readSecrets('default', 'tokens')).toEqual({ token: 'tok-S3cret' });
    expect(readFileSync(store.fileOf('default'), 'utf8')).not.toContain('tok-S3cret');
    expect(saved.notices.join('\n')).toMatch(/\(--set token=…\) can be seen by other users in `ps`/);
  });
});

describe('tutorials from anywhere', () => {
  it('a tutorial folder opens by its path; MQ_TUTOR_TUTORIALS adds folders to the list; a built-in id wins', () => {
    const fixture = path.join(FIXTURES, 'ckafka-plaintext');
    expect(openTutorial(fixture).id).toBe('ckafka-plaintext');
    const clash = mkdtempSync(path.join(os.tmpdir(), 'mqt-clash-'));
    cpSync(path.join(ROOT, 'steps', 'ckafka'), path.join(clash, 'ckafka'), { recursive: true });
    const env = { MQ_TUTOR_TUTORIALS: [FIXTURES, clash].join(path.delimiter) };
    expect(tutorialEntries(env).map((e) => [e.id, e.builtIn])).toEqual([
      ['ckafka', true],
      ['rocketmq', true],
      ['ckafka-plaintext', false],
    ]);
    expect(openTutorial('ckafka-plaintext', env).dir).toBe(fixture);
    expect(tutorialChoices('zh', env).map((c) => c.title)).toContain('CKafka 速成：SASL_PLAINTEXT 三步收发');
  });

  it('a folder that is not a tutorial, and one with problems, say so', () => {
    expect(() => openTutorial('./no/such/folder')).toThrow(/UNKNOWN_TUTORIAL/);
    const broken = mkdtempSync(path.join(os.tmpdir(), 'mqt-broken-tut-'));
    cpSync(path.join(FIXTURES, 'ckafka-plaintext'), broken, { recursive: true });
    writeFileSync(path.join(broken, 'tutorial.yaml'), 'id: x\nsteps: [reach]\n');
    expect(() => openTutorial(broken)).toThrow(/TUTORIAL_INVALID/);
  });
});

describe('the sandbox set that fits the tutorial and the user', () => {
  const secrets = {
    kafka: { learnerPassword: 'pw', keystorePassword: 'ks' },
    rocketmq: { adminAccessKey: 'a', adminSecretKey: 'b', learnerAccessKey: 'c', learnerSecretKey: 'd' },
  } satisfies SandboxSecrets;
  const sets = sandboxParamSets('/state', secrets, 'kafka');

  it('SASL_SSL for ckafka; SASL_PLAINTEXT when the user says so, or when the tutorial only has that', () => {
    const ckafka = openTutorial('ckafka');
    const plaintext = openTutorial(path.join(FIXTURES, 'ckafka-plaintext'));
    expect(resolveLayers(ckafka, {}, sets).resolved.values.bootstrapServers).toBe('localhost:19095');
    const chosen = resolveLayers(ckafka, { set: { securityProtocol: 'SASL_PLAINTEXT' } }, sets).resolved;
    expect(chosen.values.bootstrapServers).toBe('localhost:19094');
    expect(chosen.sources.bootstrapServers).toBe('sandbox');
    expect(resolveLayers(plaintext, {}, sets).resolved.values).toMatchObject({
      bootstrapServers: 'localhost:19094',
      securityProtocol: 'SASL_PLAINTEXT',
    });
  });
});

describe('a tutorial’s identity is data', () => {
  it('no code in src/ switches on a tutorial id', () => {
    const files = readdirSync(path.join(ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter(
      (f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.startsWith('i18n'),
    );
    const switches =
      /(?:\.id|tutorialId|tutorial)\s*[!=]==?\s*['"]|case\s+['"](?:ckafka|rocketmq)['"]|['"]ckafka['"]/;
    const found = files.filter((f) =>
      readFileSync(path.join(ROOT, 'src', f), 'utf8')
        .split('\n')
        .some((line) => switches.test(line) && !/typeof /.test(line)),
    );
    expect(found).toEqual([]);
  });
});
