import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeDamage } from '../../src/profile/notice.js';
import { repairProfile, syntaxErrorPlace } from '../../src/profile/repair.js';
import { ProfileStore } from '../../src/profile/store.js';
import { openTutorial } from '../../src/session/tutorials.js';
import { freshConfigDir } from '../helpers/env.js';

const ckafka = openTutorial('ckafka');
const rocketmq = openTutorial('rocketmq');
/** A tutorial whose secret is called neither password nor accessKey nor secretKey. */
const custom = {
  id: 'custom',
  params: { token: { ...ckafka.params.password!, id: 'token' }, topic: ckafka.params.topic! },
};

const mode = (file: string) => statSync(file).mode & 0o777;

function freshStore(): ProfileStore {
  return new ProfileStore({ MQ_TUTOR_CONFIG_DIR: freshConfigDir() });
}

function backups(store: ProfileStore, dir = store.profilesDir): string[] {
  return readdirSync(dir).filter((f) => f.includes('.damaged-'));
}

describe('profile files', () => {
  it('are written with mode 0600 and never hold a secret', () => {
    const store = freshStore();
    store.saveParams('p1', ckafka, { topic: 'tutorial-topic', password: 'hunter2-secret' });
    store.update('p1', rocketmq, (s) => ({ ...s, params: { ...s.params, secretKey: 'sk-secret-value' } }));
    const file = store.fileOf('p1');
    expect(mode(file)).toBe(0o600);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('tutorial-topic');
    expect(text).not.toContain('hunter2-secret');
    expect(text).not.toContain('sk-secret-value');
    expect(existsSync(store.secretsFileOf('p1'))).toBe(false);
  });

  it('keep opted-in secrets in a separate file, also mode 0600', () => {
    const store = freshStore();
    store.saveParams('p1', ckafka, { topic: 't' });
    store.saveSecrets('p1', ckafka, { password: 'hunter2-secret', topic: 'not-a-secret' });
    expect(mode(store.secretsFileOf('p1'))).toBe(0o600);
    expect(store.readSecrets('p1', 'ckafka')).toEqual({ password: 'hunter2-secret' });
    expect(readFileSync(store.fileOf('p1'), 'utf8')).not.toContain('hunter2-secret');
    expect(store.delete('p1')).toBe(true);
    expect(existsSync(store.secretsFileOf('p1'))).toBe(false);
    expect(store.list()).toEqual([]);
  });

  it('secrecy follows `type: secret` alone, whatever the parameter is called', () => {
    const store = freshStore();
    store.saveParams('p1', custom, { topic: 't', token: 'tok-secret-value' });
    store.update('p1', custom, (s) => ({ ...s, params: { ...s.params, token: 'tok-secret-value' } }));
    expect(readFileSync(store.fileOf('p1'), 'utf8')).not.toContain('tok-secret-value');
    store.saveSecrets('p1', custom, { token: 'tok-secret-value', topic: 'not-a-secret' });
    expect(store.readSecrets('p1', 'custom')).toEqual({ token: 'tok-secret-value' });
  });

  it('a read-only store reads without writing anything: no lock file, no folder', () => {
    const store = freshStore();
    store.saveParams('p1', ckafka, { topic: 'kept' });
    const before = readdirSync(store.profilesDir).sort();
    const reader = new ProfileStore({ MQ_TUTOR_CONFIG_DIR: store.root }, { readOnly: true });
    expect(reader.tutorial('p1', 'ckafka').params.topic).toBe('kept');
    expect(readdirSync(store.profilesDir).sort()).toEqual(before);
    const nowhere = new ProfileStore(
      { MQ_TUTOR_CONFIG_DIR: path.join(store.root, 'absent') },
      { readOnly: true },
    );
    expect(nowhere.list()).toEqual([]);
    expect(existsSync(nowhere.root)).toBe(false);
  });

  it('reading a profile that does not exist creates nothing', () => {
    const store = freshStore();
    expect(store.tutorial('ghost', 'ckafka')).toEqual({ params: {}, progress: {} });
    expect(store.exists('ghost')).toBe(false);
  });
});

describe('a damaged profile file', () => {
  it('that is not JSON is moved aside, reported with its line and column, and work goes on', () => {
    const store = freshStore();
    store.saveParams('p1', ckafka, { topic: 'keep-me' });
    const file = store.fileOf('p1');
    writeFileSync(
      file,
      '{\n  "version": 1,\n  "tutorials": {\n    "ckafka": { "params": { "topic": "x", } }\n',
      {
        mode: 0o600,
      },
    );

    const again = new ProfileStore({ MQ_TUTOR_CONFIG_DIR: store.root });
    expect(again.tutorial('p1', 'ckafka')).toEqual({ params: {}, progress: {} });
    expect(again.damaged).toHaveLength(1);
    const d = again.damaged[0]!;
    expect(d.kind).toBe('json');
    expect(d.file).toBe(file);
    expect(d.line).toBe(4);
    expect(existsSync(d.backup)).toBe(true);
    expect(readFileSync(d.backup, 'utf8')).toContain('"topic": "x", }');
    expect(mode(d.backup)).toBe(0o600);
    const text = describeDamage('en', d, again).join('\n');
    expect(text).toContain(file);
    expect(text).toContain(d.backup);
    expect(text).toContain('line 4');
    expect(describeDamage('zh', d, again).join('\n')).toContain('第 4 行');

    again.saveParams('p1', ckafka, { topic: 'after' });
    expect(new ProfileStore({ MQ_TUTOR_CONFIG_DIR: store.root }).tutorial('p1', 'ckafka').params.topic).toBe(
      'after',
    );
  });

  it('with values of the wrong type keeps what is usable and says what it fixed', () => {
    const store = freshStore();
    const file = store.fileOf('hand');
    store.saveParams('hand', ckafka, { topic: 'x' });
    writeFileSync(
      file,
      JSON.stringify({
        version: 1,
        tutorials: {
          ckafka: {
            params: { topic: 'good-topic', checkHostname: false, groupId: ['a'] },
            progress: {
              produce: { status: 'passed', at: '2025-01-01T00:00:00Z', durationMs: '12' },
              consume: { status: 'great', at: '2025-01-01T00:00:00Z', durationMs: 1 },
            },
            lastRun: { runId: 'r1', startedAt: '2025-01-01T00:00:00Z', interrupted: 'yes' },
          },
          rocketmq: 'oops',
        },
      }),
    );
    const again = new ProfileStore({ MQ_TUTOR_CONFIG_DIR: store.root });
    const state = again.tutorial('hand', 'ckafka');
    expect(state.params).toEqual({ topic: 'good-topic', checkHostname: 'false' });
    expect(Object.keys(state.progress)).toEqual(['produce']);
    expect(state.progress.produce?.durationMs).toBe(12);
    expect(state.lastRun?.runId).toBe('r1');
    expect(state.lastRun?.interrupted).toBeUndefined();
    const d = again.damaged[0]!;
    expect(d.kind).toBe('schema');
    expect(d.repaired).toBe(true);
    expect(backups(again)).toHaveLength(1);
    const problems = again.problemsOf(d).map((p) => `${p.path}:${p.fix}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        'tutorials.ckafka.params.checkHostname:converted',
        'tutorials.ckafka.params.groupId:dropped',
        'tutorials.ckafka.progress.produce.durationMs:converted',
        'tutorials.ckafka.progress.consume.status:dropped',
        'tutorials.ckafka.lastRun.interrupted:dropped',
        'tutorials.rocketmq:dropped',
      ]),
    );
    const text = describeDamage('en', d, again).join('\n');
    expect(text).toContain('tutorials.ckafka.params.groupId');
    expect(text).toContain(d.backup);
    // The repaired file is a valid profile again: a third reader finds nothing wrong.
    const third = new ProfileStore({ MQ_TUTOR_CONFIG_DIR: store.root });
    expect(third.tutorial('hand', 'ckafka').params.topic).toBe('good-topic');
    expect(third.damaged).toEqual([]);
    expect(mode(file)).toBe(0o600);
  });

  it('that is not a profile at all starts afresh', () => {
    const r = repairProfile([1, 2]);
    expect(r.data).toEqual({ version: 1, tutorials: {} });
    expect(r.problems[0]?.fix).toBe('reset');
    expect(repairProfile({ version: 1, tutorials: {} }).problems).toEqual([]);
  });

  it('damaged secrets files are set aside the same way', () => {
    const store = freshStore();
    store.saveSecrets('p1', ckafka, { password: 'pw-secret' });
    writeFileSync(store.secretsFileOf('p1'), 'not json');
    const again = new ProfileStore({ MQ_TUTOR_CONFIG_DIR: store.root });
    expect(again.readSecrets('p1', 'ckafka')).toEqual({});
    expect(again.damaged[0]?.kind).toBe('json');
    expect(describeDamage('en', again.damaged[0]!, again).join('\n')).toMatch(/secrets/);
    expect(mode(again.damaged[0]!.backup)).toBe(0o600);
  });

  it('finds the line and column of a JSON error', () => {
    const text = '{\n  "a": 1,\n  oops\n}';
    let error: Error | undefined;
    try {
      JSON.parse(text);
    } catch (e) {
      error = e as Error;
    }
    expect(syntaxErrorPlace(text, error!)).toEqual({ line: 3, column: 3 });
  });
});

describe('profile progress', () => {
  it('is stored per tutorial, next to the parameters', () => {
    const store = freshStore();
    store.update('p', ckafka, (s) => ({
      ...s,
      progress: { produce: { status: 'passed', at: new Date().toISOString(), durationMs: 5 } },
    }));
    store.saveParams('p', rocketmq, { topic: 'r' });
    const data = store.read('p');
    expect(Object.keys(data.tutorials).sort()).toEqual(['ckafka', 'rocketmq']);
    expect(data.tutorials.ckafka?.progress.produce?.status).toBe('passed');
    expect(path.basename(store.fileOf('p'))).toBe('p.json');
  });
});
