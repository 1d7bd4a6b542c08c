import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { envVarName, resolveParams, validateParams } from '../../src/engine/params.js';
import { openTutorial } from '../../src/session/tutorials.js';
import { ROOT } from '../helpers/env.js';

const ckafka = openTutorial('ckafka');
const all = ckafka.steps;

describe('parameter precedence: --set > MQ_TUTOR_* > profile > sandbox > default', () => {
  it('takes each value from the highest layer that has it', () => {
    const r = resolveParams(ckafka, {
      set: { topic: 'from-set' },
      env: { MQ_TUTOR_TOPIC: 'from-env', MQ_TUTOR_GROUP_ID: 'group-env', MQ_TUTOR_USERNAME: '' },
      profile: { topic: 'from-profile', groupId: 'group-profile', username: 'p#u' },
      sandbox: { username: 's#u', bootstrapServers: 'localhost:19095' },
    });
    expect(r.values.topic).toBe('from-set');
    expect(r.sources.topic).toBe('set');
    expect(r.values.groupId).toBe('group-env');
    expect(r.values.username).toBe('p#u');
    expect(r.sources.username).toBe('profile');
    expect(r.values.bootstrapServers).toBe('localhost:19095');
    expect(r.values.securityProtocol).toBe('SASL_PLAINTEXT');
    expect(r.sources.securityProtocol).toBe('default');
  });

  it('names environment variables in upper snake case', () => {
    expect(envVarName('bootstrapServers')).toBe('MQ_TUTOR_BOOTSTRAP_SERVERS');
    expect(envVarName('caFile')).toBe('MQ_TUTOR_CA_FILE');
    expect(envVarName('password')).toBe('MQ_TUTOR_PASSWORD');
  });
});

describe('validation before any network call', () => {
  const good = {
    bootstrapServers: 'a.example.com:50004,1.2.3.4:50005',
    securityProtocol: 'SASL_PLAINTEXT',
    saslMechanism: 'PLAIN',
    username: 'ckafka-abc#alice',
    password: 'x',
    topic: 'tutorial-topic',
    groupId: 'g',
    checkHostname: 'false',
  };

  it('accepts a complete SASL_PLAINTEXT set without a CA file', () => {
    expect(validateParams(ckafka, all, good)).toEqual([]);
  });

  it('lists every missing parameter', () => {
    const problems = validateParams(ckafka, all, {
      securityProtocol: 'SASL_PLAINTEXT',
      saslMechanism: 'PLAIN',
      groupId: 'g',
    });
    expect(
      problems
        .filter((p) => p.kind === 'missing')
        .map((p) => p.param)
        .sort(),
    ).toEqual(['bootstrapServers', 'password', 'topic', 'username']);
  });

  it('refuses a host without port, a port out of range, a user name without #', () => {
    const bad = (values: Record<string, string>) =>
      validateParams(ckafka, all, { ...good, ...values }).map((p) => `${p.param}:${p.message.key}`);
    expect(bad({ bootstrapServers: 'a.example.com' })).toEqual(['bootstrapServers:param.hostPort.noPort']);
    expect(bad({ bootstrapServers: 'a:70000' })).toEqual(['bootstrapServers:param.hostPort.badPort']);
    expect(bad({ bootstrapServers: 'a b:1' })).toEqual(['bootstrapServers:param.hostPort.badHost']);
    expect(bad({ username: 'alice' })).toEqual(['username:param.rule']);
    expect(bad({ securityProtocol: 'SSL' })).toEqual(['securityProtocol:param.enum']);
  });

  it('needs an existing CA file for SASL_SSL only', () => {
    const ssl = { ...good, securityProtocol: 'SASL_SSL' };
    expect(validateParams(ckafka, all, ssl).map((p) => `${p.param}:${p.kind}`)).toEqual(['caFile:missing']);
    expect(
      validateParams(ckafka, all, { ...ssl, caFile: '/no/such/CARoot.pem' }).map((p) => p.message.key),
    ).toEqual(['param.file.missing']);
    expect(validateParams(ckafka, all, { ...ssl, caFile: ROOT })).toHaveLength(1);
    expect(validateParams(ckafka, all, { ...ssl, caFile: path.join(ROOT, 'package.json') })).toEqual([]);
  });

  it('checks only the parameters of the steps that will run', () => {
    const prepare = all.filter((s) => s.id === 'prepare-env');
    expect(validateParams(ckafka, prepare, {})).toEqual([]);
  });
});

describe('TDMQ names are checked with the naming helper', () => {
  const rocketmq = openTutorial('rocketmq');
  const base = {
    endpoints: '127.0.0.1:8081',
    protocol: 'auto',
    accessKey: 'ak',
    secretKey: 'sk',
    group: 'g',
    tag: '*',
    keys: 'k',
  };
  const problems = (values: Record<string, string>) =>
    validateParams(rocketmq, rocketmq.steps, { ...base, ...values }).map(
      (p) => `${p.param}:${p.message.key}`,
    );

  it('accepts a short name, or a full name with its namespace', () => {
    expect(problems({ topic: 'topic1' })).toEqual([]);
    expect(problems({ topic: 'rocketmq-abc|ns%topic1', namespace: '' })).toEqual([]);
    expect(problems({ topic: 'rocketmq-abc|ns%topic1', namespace: 'rocketmq-abc|ns' })).toEqual([]);
  });

  it('refuses a full name from another namespace, bad characters and a bad cluster id', () => {
    expect(problems({ topic: 'rocketmq-abc|ns%topic1', namespace: 'rocketmq-abc|other' })).toEqual([
      'topic:param.tdmq.namespace-mismatch',
    ]);
    expect(problems({ topic: 'topic one' })).toEqual(['topic:param.tdmq.bad-characters']);
    expect(problems({ topic: 't', namespace: '|ns' })).toEqual(['namespace:param.tdmq.bad-cluster']);
  });
});
