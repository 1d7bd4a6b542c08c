import { describe, expect, it } from 'vitest';
import { ProfileStore } from '../../src/profile/store.js';
import { findLastRun, reportOf } from '../../src/session/report.js';
import { openTutorial } from '../../src/session/tutorials.js';
import { freshConfigDir } from '../helpers/env.js';

const ckafka = openTutorial('ckafka');

const PASSWORD = 'Report-S3cret-pw';

function storeWithFailedRun(): ProfileStore {
  const store = new ProfileStore({ MQ_TUTOR_CONFIG_DIR: freshConfigDir() });
  const t0 = Date.parse('2025-03-01T08:00:00Z');
  const at = (s: number) => new Date(t0 + s * 1000).toISOString();
  store.update('work', ckafka, () => ({
    params: {
      bootstrapServers: 'ckafka-abc.example.com:50004',
      username: 'ckafka-abc#alice',
      topic: 'orders',
      securityProtocol: 'SASL_PLAINTEXT',
    },
    progress: {
      'prepare-env': { status: 'passed', at: at(-100), durationMs: 400 },
      'check-cert': { status: 'skipped', at: at(1), durationMs: 0, skipReason: 'condition' },
      'check-network': { status: 'passed', at: at(2), durationMs: 35, details: { servers: ['x'] } },
      produce: {
        status: 'failed',
        at: at(8),
        durationMs: 5012,
        details: { note: `left over ${PASSWORD}` },
        diagnosis: {
          code: 'SASL_AUTH_FAILED',
          values: { username: 'ckafka-abc#alice' },
          cause: 'SASL failed',
        },
      },
      consume: { status: 'skipped', at: at(8), durationMs: 0, skipReason: 'after-failure' },
    },
    lastRun: {
      runId: 'mqt-test-1',
      startedAt: at(0),
      finishedAt: at(9),
      interrupted: false,
      lang: 'en',
      mode: 'yes',
      environment: {
        mqTutor: '0.1.0',
        node: 'v20.0.0',
        platform: 'linux',
        locale: 'en_US',
        terminal: 'xterm',
      },
    },
  }));
  store.saveSecrets('work', ckafka, { password: PASSWORD });
  return store;
}

describe('the troubleshooting report', () => {
  it('covers the last run: environment, masked parameters, each step, the diagnosis', () => {
    const store = storeWithFailedRun();
    const target = findLastRun(store, {});
    expect(target?.profile).toBe('work');
    const md = reportOf(store, target!, { lang: 'en', env: {} });
    expect(md).toContain('# mq-tutor troubleshooting report');
    expect(md).toContain('`mqt-test-1`');
    expect(md).toContain('| Node.js | `v20.0.0` |');
    expect(md).toContain('| bootstrapServers | `ckafka-abc.example.com:50004` | profile |');
    expect(md).toMatch(/\| password \| •+ \(set, masked\) \| profile \(saved secret\) \|/);
    expect(md).toContain('| caFile | (not used with these parameters) |');
    expect(md).toMatch(/\| 4 \| Send a message \(produce\) \| ✖ failed \[SASL_AUTH_FAILED\] \| 5\.0 s \|/);
    expect(md).toContain('(result of an earlier run)');
    expect(md).toContain('**The user name or password was refused** `SASL_AUTH_FAILED`');
    expect(md).toContain('ckafka-abc#alice');
    expect(md).toContain('SASL failed');
    expect(md).toContain('1 passed, 1 failed');
    expect(md).not.toContain(PASSWORD);
  });

  it("is written in the user's language", () => {
    const store = storeWithFailedRun();
    const md = reportOf(store, findLastRun(store, { profile: 'work' })!, { lang: 'zh', env: {} });
    expect(md).toContain('# mq-tutor 排障报告');
    expect(md).toContain('用户名或密码被拒绝');
    expect(md).toContain('处理建议');
    expect(md).not.toContain(PASSWORD);
  });

  it('masks secrets given in the environment and says where values came from', () => {
    const store = storeWithFailedRun();
    store.forgetSecrets('work');
    const env = { MQ_TUTOR_PASSWORD: 'Env-S3cret-pw', MQ_TUTOR_TOPIC: 'from-env' };
    const md = reportOf(store, findLastRun(store, {})!, { lang: 'en', env: env });
    expect(md).toContain('| topic | `from-env` | environment MQ_TUTOR_TOPIC |');
    expect(md).toMatch(/\| password \| •+ \(set, masked\) \| environment MQ_TUTOR_PASSWORD \|/);
    expect(md).not.toContain('Env-S3cret-pw');
  });

  it('shows the values the run recorded, with their sources', () => {
    const store = storeWithFailedRun();
    store.update('work', ckafka, (s) => ({
      ...s,
      lastRun: s.lastRun && {
        ...s.lastRun,
        params: { bootstrapServers: 'localhost:19095', securityProtocol: 'SASL_SSL', groupId: 'tutorial-g' },
        paramSources: {
          bootstrapServers: 'sandbox',
          securityProtocol: 'sandbox',
          groupId: 'set',
          password: 'env',
        },
      },
    }));
    const md = reportOf(store, findLastRun(store, {})!, { lang: 'en', env: {} });
    expect(md).toContain('The values this run used');
    expect(md).toContain('| bootstrapServers | `localhost:19095` | local sandbox |');
    expect(md).toContain('| groupId | `tutorial-g` | command line (--set) |');
    expect(md).toMatch(/\| password \| •+ \(set, masked\) \| environment MQ_TUTOR_PASSWORD \|/);
    expect(md).toContain('| topic | (not set) |');
  });

  it('has nothing to say before any run', () => {
    const store = new ProfileStore({ MQ_TUTOR_CONFIG_DIR: freshConfigDir() });
    expect(findLastRun(store, {})).toBeUndefined();
  });
});
