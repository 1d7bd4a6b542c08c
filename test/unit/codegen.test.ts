import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionCatalogue } from '../../src/actions/registry.js';
import { assertNoSecrets, generateFiles, SecretLeakError, writeFiles } from '../../src/codegen/generate.js';
import { buildModel, MissingParamsError } from '../../src/codegen/model.js';
import { wrap } from '../../src/codegen/text.js';
import type { StepResult } from '../../src/engine/types.js';
import { sandboxNameServerFor } from '../../src/sandbox/params.js';
import { roundTripVerified, writeCodeAfterVerify } from '../../src/session/code-after.js';
import { openTutorial } from '../../src/session/tutorials.js';
import { ROOT, VENV_PYTHON } from '../helpers/env.js';

const ckafka = openTutorial('ckafka');
const rocketmq = openTutorial('rocketmq');
const PYTHON = existsSync(VENV_PYTHON) ? VENV_PYTHON : 'python3';
const DATE = new Date('2025-03-01T00:00:00Z');

const kafkaValues = {
  bootstrapServers: 'ckafka-abc.example.com:50004, 1.2.3.4:50005',
  securityProtocol: 'SASL_SSL',
  saslMechanism: 'PLAIN',
  username: 'ckafka-abc#alice',
  password: 'Kafka-S3cret-pw',
  caFile: './certs/CARoot.pem',
  checkHostname: 'false',
  topic: 'orders',
  groupId: 'tutorial-alice',
};

const rmqValues = {
  endpoints: 'rmq-abc.example.com:8080',
  accessKey: 'ak-S3cret-value',
  secretKey: 'role-S3cret-name',
  namespace: 'rocketmq-abc|namespace_python',
  topic: 'topic1',
  group: 'group11',
  tag: '*',
  keys: 'order-1',
};

const file = (files: { name: string; content: string }[], name: string) =>
  files.find((f) => f.name === name)?.content ?? '';

function scratch(name: string): string {
  const dir = path.join(ROOT, '.cache', 'unit-codegen');
  mkdirSync(dir, { recursive: true });
  return mkdtempSync(path.join(dir, `${name}-`));
}

describe('the generated Python programs', () => {
  const kafka = generateFiles({
    tutorial: ckafka,
    language: 'python',
    values: kafkaValues,
    profile: 'p',
    lang: 'en',
    date: DATE,
  });
  const rmq = generateFiles({
    tutorial: rocketmq,
    language: 'python',
    values: rmqValues,
    profile: 'p',
    lang: 'en',
    date: DATE,
  });

  it("configure kafka-python as the document does, with the user's values and no secret", () => {
    const producer = file(kafka, 'producer.py');
    expect(producer).toContain('from kafka import KafkaProducer');
    expect(producer).toContain('security_protocol="SASL_SSL"');
    expect(producer).toContain('sasl_mechanism="PLAIN"');
    expect(producer).toContain('ssl_check_hostname=False');
    expect(producer).toContain('api_version=(1, 1)');
    expect(producer).toContain('setting("MQ_TUTOR_USERNAME", "ckafka-abc#alice")');
    expect(producer).toContain('"ckafka-abc.example.com:50004,1.2.3.4:50005"');
    expect(producer).toContain(`"${path.resolve('./certs/CARoot.pem')}"`);
    expect(producer).toContain('PASSWORD = secret("MQ_TUTOR_PASSWORD")');
    const consumer = file(kafka, 'consumer.py');
    expect(consumer).toContain('group_id=GROUP_ID');
    expect(consumer).toContain('"tutorial-alice"');
    expect(file(kafka, 'requirements.txt')).toMatch(/^kafka-python==/);
    for (const f of [...kafka, ...rmq]) {
      for (const secret of ['Kafka-S3cret-pw', 'ak-S3cret-value', 'role-S3cret-name'])
        expect(f.content).not.toContain(secret);
    }
  });

  it('pass the tag to set_tags and the keys to set_keys, with full TDMQ names', () => {
    const producer = file(rmq, 'producer.py');
    expect(producer).toContain('msg.set_tags(TAG)');
    expect(producer).toContain('msg.set_keys(KEYS)');
    expect(producer).not.toMatch(/set_keys\(TAG|set_tags\(KEYS/);
    expect(producer).toContain('rocketmq-abc|namespace_python%topic1');
    expect(producer).toContain('rocketmq-abc|namespace_python%group11');
    expect(producer).toContain('set_name_server_address(NAME_SERVER)');
    expect(producer).toContain('"rmq-abc.example.com:8080"');
    const consumer = file(rmq, 'consumer.py');
    expect(consumer).toContain('consumer.subscribe(TOPIC, callback, TAG_EXPRESSION)');
    expect(consumer).toContain('ConsumeStatus.CONSUME_SUCCESS');
  });

  it('compile', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mqt-py-'));
    for (const [sub, files] of [
      ['k', kafka],
      ['r', rmq],
    ] as const) {
      mkdirSync(path.join(dir, sub));
      writeFiles(path.join(dir, sub), files, true);
      for (const name of ['producer.py', 'consumer.py']) {
        const r = spawnSync(PYTHON, ['-m', 'py_compile', path.join(dir, sub, name)], { encoding: 'utf8' });
        expect(r.stderr).toBe('');
        expect(r.status).toBe(0);
      }
    }
  });

  it("are commented in the user's language", () => {
    const zh = generateFiles({
      tutorial: rocketmq,
      language: 'python',
      values: rmqValues,
      profile: 'p',
      lang: 'zh',
      date: DATE,
    });
    expect(file(zh, 'producer.py')).toContain('# 凭证来自控制台“角色管理”页面');
    expect(file(zh, 'README.md')).toContain('## 密钥');
    expect(file(rmq, 'README.md')).toContain('## Secrets');
  });
});

describe('the generated TypeScript programs', () => {
  it('type-check with the clients mq-tutor uses', () => {
    for (const [tutorial, values] of [
      [ckafka, kafkaValues],
      [ckafka, { ...kafkaValues, securityProtocol: 'SASL_PLAINTEXT', checkHostname: 'true' }],
      [rocketmq, rmqValues],
    ] as const) {
      const dir = scratch(tutorial.id);
      const files = generateFiles({ tutorial, language: 'ts', values, profile: 'p', lang: 'en', date: DATE });
      writeFiles(dir, files, true);
      const r = spawnSync(
        process.execPath,
        [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir],
        {
          encoding: 'utf8',
        },
      );
      expect(`${r.stdout}${r.stderr}`).toBe('');
      expect(r.status).toBe(0);
      const all = files.map((f) => f.content).join('\n');
      for (const secret of Object.values({
        a: 'Kafka-S3cret-pw',
        b: 'ak-S3cret-value',
        c: 'role-S3cret-name',
      }))
        expect(all).not.toContain(secret);
    }
  }, 60_000);

  it('use short names and the namespace for the gRPC client, and pin the tested versions', () => {
    const files = generateFiles({
      tutorial: rocketmq,
      language: 'ts',
      values: rmqValues,
      profile: 'p',
      lang: 'en',
    });
    const producer = file(files, 'producer.ts');
    expect(producer).toContain("setting('MQ_TUTOR_NAMESPACE', 'rocketmq-abc|namespace_python')");
    expect(producer).toContain("secret('MQ_TUTOR_ACCESS_KEY')");
    expect(producer).toContain('tag: tagToSend(TAG_EXPRESSION)');
    const pkg = JSON.parse(file(files, 'package.json')) as { dependencies: Record<string, string> };
    expect(pkg.dependencies['rocketmq-client-nodejs']).toBe('1.0.8');
  });
});

describe('code generation', () => {
  it('needs the connection parameters', () => {
    expect(() => buildModel({ tutorial: ckafka, profile: 'p', values: { topic: 't' } })).toThrow(
      MissingParamsError,
    );
  });

  it('refuses to write a file that would hold a secret', () => {
    expect(() =>
      assertNoSecrets([{ name: 'x.py', content: 'pw = "Kafka-S3cret-pw"' }], ['Kafka-S3cret-pw']),
    ).toThrow(SecretLeakError);
  });

  it('keeps a file the user changed unless told to overwrite', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mqt-write-'));
    const files = [{ name: 'a.py', content: 'one' }];
    expect(writeFiles(dir, files, false)[0]?.state).toBe('written');
    expect(writeFiles(dir, files, false)[0]?.state).toBe('unchanged');
    writeFileSync(path.join(dir, 'a.py'), 'edited');
    expect(writeFiles(dir, files, false)[0]?.state).toBe('kept');
    expect(writeFiles(dir, files, true)[0]?.state).toBe('written');
  });

  it('after verify passes writes both languages, and nothing otherwise', () => {
    const result = (step: string, status: StepResult['status']): StepResult => ({
      step,
      status,
      durationMs: 1,
      details: {},
    });
    const passed = ckafka.steps.map((s) => result(s.id, 'passed'));
    const failed = [...passed.slice(0, 4), result('consume', 'failed'), result('verify', 'skipped')];
    expect(roundTripVerified(ckafka, passed, actionCatalogue)).toBe(true);
    expect(roundTripVerified(ckafka, failed, actionCatalogue)).toBe(false);
    // What verifies is the action a step runs, not what the step is called.
    const renamed = { ...ckafka, steps: ckafka.steps.map((s) => ({ ...s, id: `x-${s.id}` })) };
    expect(
      roundTripVerified(
        renamed,
        passed.map((r) => ({ ...r, step: `x-${r.step}` })),
        actionCatalogue,
      ),
    ).toBe(true);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mqt-after-'));
    const common = {
      tutorial: ckafka,
      values: kafkaValues,
      profile: 'p',
      lang: 'en' as const,
      outDir: dir,
      actions: actionCatalogue,
    };
    expect(writeCodeAfterVerify({ ...common, results: failed })).toEqual([]);
    const sets = writeCodeAfterVerify({ ...common, results: passed });
    expect(sets.map((s) => s.language)).toEqual(['python', 'ts']);
    expect(existsSync(path.join(dir, 'python', 'producer.py'))).toBe(true);
    expect(existsSync(path.join(dir, 'ts', 'consumer.ts'))).toBe(true);
  });

  it('uses the sandbox name server for the remoting SDK', () => {
    expect(sandboxNameServerFor('127.0.0.1:8081')).toBe('127.0.0.1:9876');
    expect(sandboxNameServerFor('rmq.example.com:9876')).toBeUndefined();
  });

  it('wraps comments for Latin and CJK text', () => {
    expect(wrap('aaa bbb ccc', 7)).toEqual(['aaa bbb', 'ccc']);
    expect(wrap('一二三四五六', 6)).toEqual(['一二三', '四五六']);
  });
});
