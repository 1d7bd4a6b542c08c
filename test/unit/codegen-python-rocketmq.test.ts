import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type GenerateOptions, generateFiles, writeFiles } from '../../src/codegen/generate.js';
import { sandboxNameServerFor } from '../../src/sandbox/params.js';
import { openTutorial } from '../../src/session/tutorials.js';
import { ROOT, VENV_PYTHON } from '../helpers/env.js';

// rocketmq-client-python needs librocketmq, which this machine cannot install: the programs run
// against a stand-in module with the same API that writes down every call made to it.
const STUB = path.join(ROOT, 'test', 'fixtures', 'rocketmq-python-stub');
const PYTHON = existsSync(VENV_PYTHON) ? VENV_PYTHON : 'python3';
const rocketmq = openTutorial('rocketmq');
const NS = 'rocketmq-abc|namespace_python';

const KEYS = { MQ_TUTOR_ACCESS_KEY: 'ak-from-env', MQ_TUTOR_SECRET_KEY: 'role-from-env' };
const SECRETS = { accessKey: 'ak-S3cret-value', secretKey: 'role-S3cret-name' };

type Call = [string, string, ...unknown[]];

function generated(values: Record<string, string>, extra: Partial<GenerateOptions> = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mqt-rmq-py-'));
  const files = generateFiles({
    tutorial: rocketmq,
    language: 'python',
    values: { ...SECRETS, tag: '*', keys: 'order-1', ...values },
    profile: 'p',
    lang: 'en',
    date: new Date('2025-03-01T00:00:00Z'),
    ...extra,
  });
  for (const f of files) for (const secret of Object.values(SECRETS)) expect(f.content).not.toContain(secret);
  writeFiles(dir, files, true);
  return dir;
}

function run(dir: string, script: string, env: Record<string, string> = {}, args: string[] = []) {
  const log = path.join(dir, `${script}.${Math.random().toString(36).slice(2)}.calls`);
  const r = spawnSync(PYTHON, [path.join(dir, script), ...args], {
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      PYTHONPATH: STUB,
      PYTHONDONTWRITEBYTECODE: '1',
      ROCKETMQ_STUB_LOG: log,
      ...KEYS,
      ...env,
    },
  });
  const calls = existsSync(log)
    ? readFileSync(log, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Call)
    : [];
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, calls };
}

const sent = (calls: Call[]) => calls.find((c) => c[1] === 'send_sync')?.[2] as Record<string, string>;

describe("the generated Python RocketMQ programs (the document's remoting SDK)", () => {
  const documentRoute = {
    protocol: 'auto',
    endpoints: 'http://rocketmq-abc.rocketmq.ap-bj.public.tencenttdmq.com:9876;http://10.0.0.2:9876',
    namespace: NS,
    topic: 'topic1',
    group: 'group11',
    producerGroup: 'group1',
  };

  it('compile', () => {
    for (const dir of [
      generated(documentRoute),
      generated({ endpoints: '127.0.0.1:8081', topic: 't', group: 'g' }),
    ])
      for (const name of ['producer.py', 'consumer.py']) {
        const r = spawnSync(PYTHON, ['-m', 'py_compile', path.join(dir, name)], { encoding: 'utf8' });
        expect(r.stderr).toBe('');
        expect(r.status).toBe(0);
      }
  });

  it('send as the document means to: producer group, name servers without scheme, keys from the environment, tag and keys on their own setters', () => {
    const dir = generated(documentRoute);
    const producer = run(dir, 'producer.py', {}, ['hi there']);
    expect(producer.stderr).toBe('');
    expect(producer.status).toBe(0);
    expect(producer.calls).toEqual([
      ['Producer', '__init__', `${NS}%group1`],
      [
        'Producer',
        'set_name_server_address',
        'rocketmq-abc.rocketmq.ap-bj.public.tencenttdmq.com:9876;10.0.0.2:9876',
      ],
      ['Producer', 'set_session_credentials', 'ak-from-env', 'role-from-env', 'TDMQ'],
      ['Producer', 'start'],
      ['Message', '__init__', `${NS}%topic1`],
      ['Message', 'set_tags', 'TagA'],
      ['Message', 'set_keys', 'order-1'],
      ['Message', 'set_body', expect.any(String)],
      [
        'Producer',
        'send_sync',
        expect.objectContaining({ topic: `${NS}%topic1`, tags: 'TagA', keys: 'order-1' }),
      ],
      ['Producer', 'shutdown'],
    ]);
    expect(JSON.parse(sent(producer.calls).body ?? '')).toMatchObject({ text: 'hi there' });
    // What the document prints after send_sync: status (by name, not the enum's number), id, offset.
    expect(producer.stdout).toContain('send status=OK msg_id=STUBMSGID offset=7');
  });

  it('consume in the consumer group with the tag filter, and acknowledge with CONSUME_SUCCESS', () => {
    const dir = generated({ ...documentRoute, tag: 'TagA||TagB' });
    const consumer = run(dir, 'consumer.py');
    expect(consumer.stderr).toBe('');
    expect(consumer.calls).toEqual([
      ['PushConsumer', '__init__', `${NS}%group11`],
      [
        'PushConsumer',
        'set_name_server_address',
        'rocketmq-abc.rocketmq.ap-bj.public.tencenttdmq.com:9876;10.0.0.2:9876',
      ],
      ['PushConsumer', 'set_session_credentials', 'ak-from-env', 'role-from-env', 'TDMQ'],
      ['PushConsumer', 'subscribe', `${NS}%topic1`, 'TagA||TagB'],
      ['PushConsumer', 'start'],
      ['callback', 'returned', 'CONSUME_SUCCESS'],
      ['PushConsumer', 'shutdown'],
    ]);
    expect(consumer.stdout).toContain('Received message. messageId: STUBMSGID');
  });

  it('use the producer group, else the consumer group; names given in full stay as they are', () => {
    const dir = generated({
      protocol: 'remoting',
      endpoints: '127.0.0.1:9876',
      namespace: '',
      topic: 'rocketmq-sandbox|tutorial%tutorial-topic',
      group: 'rocketmq-sandbox|tutorial%tutorial-group',
    });
    const calls = run(dir, 'producer.py').calls;
    expect(calls[0]).toEqual(['Producer', '__init__', 'rocketmq-sandbox|tutorial%tutorial-group']);
    expect(calls[1]).toEqual(['Producer', 'set_name_server_address', '127.0.0.1:9876']);
    expect(sent(calls).topic).toBe('rocketmq-sandbox|tutorial%tutorial-topic');
  });

  it("write the sandbox's name server when the tutorial goes through its gRPC proxy", () => {
    const endpoints = '127.0.0.1:8081';
    const nameServer = sandboxNameServerFor(endpoints) ?? '';
    const dir = generated(
      { endpoints, namespace: '', topic: 'tutorial-topic', group: 'tutorial-group' },
      { nameServer },
    );
    expect(run(dir, 'producer.py').calls[1]).toEqual([
      'Producer',
      'set_name_server_address',
      '127.0.0.1:9876',
    ]);
    expect(run(dir, 'consumer.py').calls[1]).toEqual([
      'PushConsumer',
      'set_name_server_address',
      '127.0.0.1:9876',
    ]);
  });

  it('take overrides from the environment: a pasted console address, another topic and tags', () => {
    const dir = generated(documentRoute);
    const { calls } = run(dir, 'producer.py', {
      MQ_TUTOR_NAME_SERVER: ' http://ns1.example.com:9876/ , ns2.example.com:9876',
      MQ_TUTOR_TOPIC: 'rocketmq-x|ns%t2',
      MQ_TUTOR_TAG: 'TagB||TagC',
      MQ_TUTOR_KEYS: 'k1, k2',
    });
    expect(calls[1]).toEqual([
      'Producer',
      'set_name_server_address',
      'ns1.example.com:9876;ns2.example.com:9876',
    ]);
    expect(sent(calls)).toMatchObject({ topic: 'rocketmq-x|ns%t2', tags: 'TagB', keys: 'k1 k2' });
  });

  it('stop with a clear word, and no traceback, when a secret is not in the environment', () => {
    const dir = generated(documentRoute);
    for (const missing of ['MQ_TUTOR_ACCESS_KEY', 'MQ_TUTOR_SECRET_KEY']) {
      const r = run(dir, 'consumer.py', { [missing]: '' });
      expect(r.status).not.toBe(0);
      expect(r.stderr).toContain(`Set the environment variable ${missing} first`);
      expect(r.stderr).not.toContain('Traceback');
      expect(r.calls).toEqual([]);
    }
  });
});
