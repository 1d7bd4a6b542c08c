import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonLines, runCli, stepLine } from '../helpers/cli.js';
import { testEnv } from '../helpers/env.js';
import {
  type BlackHole,
  blackHole,
  expiredCaFile,
  htmlCaFile,
  otherHostTlsServer,
  type TlsServer,
  unrelatedCaFile,
} from '../helpers/faults.js';
import { kcatProduce, kcatReadAt } from '../helpers/kcat.js';
import { python } from '../helpers/python.js';
import { CA_FILE, LEARNER, sandboxSecrets, secretValues } from '../helpers/sandbox.js';
import { needsSharedSandbox } from '../helpers/shared-sandbox.js';

needsSharedSandbox();

const group = () => `tutorial-ci-${randomBytes(3).toString('hex')}`;

function expectNoSecret(text: string): void {
  for (const secret of secretValues()) expect(text).not.toContain(secret);
}

describe('ckafka tutorial against the sandbox', () => {
  it('passes every step on SASL_SSL', async () => {
    const r = await runCli(['run', 'ckafka', '--sandbox', '--json', '--set', `groupId=${group()}`]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const lines = jsonLines(r.stdout);
    for (const step of ['prepare-env', 'check-cert', 'check-network', 'produce', 'consume', 'verify']) {
      expect(stepLine(lines, step).status, step).toBe('passed');
    }
    expect(lines.at(-1)).toMatchObject({
      type: 'summary',
      tutorial: 'ckafka',
      passed: 6,
      failed: 0,
      skipped: 0,
    });
    expect(stepLine(lines, 'check-cert').details?.handshake).toMatchObject({
      protocol: expect.stringMatching(/TLSv1\.[23]/),
    });
    expectNoSecret(r.stdout + r.stderr);
  });

  it('passes on SASL_PLAINTEXT, where the certificate step does not apply', async () => {
    const r = await runCli([
      'run',
      'ckafka',
      '--sandbox',
      '--json',
      '--set',
      'securityProtocol=SASL_PLAINTEXT',
      '--set',
      'bootstrapServers=localhost:19094',
      '--set',
      `groupId=${group()}`,
    ]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const lines = jsonLines(r.stdout);
    expect(stepLine(lines, 'check-cert')).toMatchObject({ status: 'skipped', skipReason: 'condition' });
    expect(lines.at(-1)).toMatchObject({ type: 'summary', passed: 5, failed: 0, skipped: 1 });
  });

  it('the verify step shows the group as the broker sees it', async () => {
    const groupId = group();
    const r = await runCli(['run', 'ckafka', '--sandbox', '--json', '--set', `groupId=${groupId}`]);
    interface VerifyDetails {
      groupId: string;
      group: { state: string };
      seenByConsumer: boolean;
      offsets: { partition: number; committed: number }[];
    }
    const verify = stepLine(jsonLines(r.stdout), 'verify').details as unknown as VerifyDetails;
    const produced = stepLine(jsonLines(r.stdout), 'produce').details as {
      partition: number;
      offset: number;
    };
    expect(verify.groupId).toBe(groupId);
    expect(verify.group.state).toBe('Empty');
    expect(verify.seenByConsumer).toBe(true);
    const mine = verify.offsets.find((o) => o.partition === produced.partition);
    expect(mine?.committed).toBeGreaterThan(produced.offset);
    expect(verify.offsets).toHaveLength(3);
  });
});

describe('cross-check with clients we did not write', () => {
  let produced: { topic: string; partition: number; offset: number; key: string; value: string };
  let env: NodeJS.ProcessEnv;
  const groupId = group();

  beforeAll(async () => {
    env = testEnv();
    const r = await runCli(['run', 'ckafka', '--sandbox', '--json', '--set', `groupId=${groupId}`], { env });
    expect(r.code, r.stderr).toBe(0);
    produced = stepLine(jsonLines(r.stdout), 'produce').details as typeof produced;
  });

  it('kcat reads the produced message at the reported partition and offset, with the same value', () => {
    const r = kcatReadAt('SASL_SSL', produced.topic, produced.partition, produced.offset);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe(
      `${produced.partition}\t${produced.offset}\t${produced.key}\t${produced.value}`,
    );
  });

  it('the document’s own Python client (kafka-python) reads it too, over SASL_SSL with CARoot.pem', () => {
    const code = `
import os
from kafka import KafkaConsumer, TopicPartition
c = KafkaConsumer(bootstrap_servers=['localhost:19095'], security_protocol='SASL_SSL', sasl_mechanism='PLAIN',
    sasl_plain_username=os.environ['U'], sasl_plain_password=os.environ['P'], ssl_cafile=os.environ['CA'],
    ssl_check_hostname=False, enable_auto_commit=False, consumer_timeout_ms=10000)
tp = TopicPartition(os.environ['T'], int(os.environ['PART']))
c.assign([tp]); c.seek(tp, int(os.environ['OFF']))
m = next(iter(c))
print(m.partition, m.offset, m.key.decode(), m.value.decode(), sep='\\t')
c.close()`;
    const r = python(code, {
      U: LEARNER,
      P: sandboxSecrets().kafka.learnerPassword,
      CA: CA_FILE,
      T: produced.topic,
      PART: String(produced.partition),
      OFF: String(produced.offset),
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe(
      `${produced.partition}\t${produced.offset}\t${produced.key}\t${produced.value}`,
    );
  });

  it('a message kcat produces just before the consume step is seen and shown by it', async () => {
    const value = `from-kcat-${randomBytes(4).toString('hex')}`;
    const k = kcatProduce('SASL_SSL', 'tutorial-topic', value);
    expect(k.status, k.stderr).toBe(0);
    // Same profile: consume aims at the message the earlier produce step left there, and shows
    // everything that arrived after it, kcat's message included.
    const r = await runCli(['run', 'ckafka', '--sandbox', '--yes', '--step', 'consume'], { env });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      new RegExp(`Topic:\\[tutorial-topic\\] Partition:\\[\\d\\] Offset:\\[\\d+\\] Value:\\[${value}\\]`),
    );
    expect(r.stdout).toMatch(/← the message sent in this run/);
  });
});

describe('diagnoses, provoked for real', () => {
  let hole: BlackHole;
  let otherHost: TlsServer;
  beforeAll(async () => {
    hole = await blackHole();
    otherHost = await otherHostTlsServer();
  });
  afterAll(async () => {
    hole.close();
    await otherHost.close();
  });

  const cases: [string, string, () => string[]][] = [
    ['SASL_AUTH_FAILED', 'produce', () => ['--set', 'password=not-the-password']],
    ['UNKNOWN_HOST', 'check-cert', () => ['--set', 'bootstrapServers=broker.no-such-host.invalid:19095']],
    ['CONNECTION_REFUSED', 'check-cert', () => ['--set', 'bootstrapServers=127.0.0.1:19099']],
    [
      'CONNECTION_TIMEOUT',
      'check-network',
      () => ['--set', `bootstrapServers=127.0.0.1:${hole.port}`, '--set', 'securityProtocol=SASL_PLAINTEXT'],
    ],
    ['TLS_UNTRUSTED_CA', 'check-cert', () => ['--set', `caFile=${unrelatedCaFile()}`]],
    [
      'TLS_HOSTNAME_MISMATCH',
      'check-cert',
      () => ['--set', `bootstrapServers=127.0.0.1:${otherHost.port}`, '--set', 'checkHostname=true'],
    ],
    ['TLS_TO_PLAINTEXT_PORT', 'check-cert', () => ['--set', 'bootstrapServers=localhost:19094']],
    [
      'PLAINTEXT_TO_TLS_PORT',
      'produce',
      () => ['--set', 'securityProtocol=SASL_PLAINTEXT', '--set', 'bootstrapServers=localhost:19095'],
    ],
    ['TOPIC_AUTHORIZATION_FAILED', 'produce', () => ['--set', 'topic=restricted-topic']],
    ['GROUP_AUTHORIZATION_FAILED', 'consume', () => ['--set', 'groupId=someone-elses-group']],
    ['UNKNOWN_TOPIC', 'produce', () => ['--set', 'topic=tutorial-no-such-topic']],
    ['CA_EXPIRED', 'check-cert', () => ['--set', `caFile=${expiredCaFile()}`]],
    ['CA_FILE_INVALID', 'check-cert', () => ['--set', `caFile=${htmlCaFile()}`]],
  ];

  it.each(cases)('%s (at %s)', async (code, step, args) => {
    const r = await runCli(['run', 'ckafka', '--sandbox', '--json', ...args()], { timeoutMs: 30_000 });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    const failed = stepLine(jsonLines(r.stdout), step);
    expect(failed.status).toBe('failed');
    expect(failed.diagnosis?.code).toBe(code);
    expect(failed.diagnosis?.title).toBeTruthy();
    expect(failed.diagnosis?.fixes.length).toBeGreaterThan(0);
    expect(r.durationMs).toBeLessThan(15_000);
    expectNoSecret(r.stdout + r.stderr);
    expect(r.stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
  });

  it('says it in Chinese with --lang zh', async () => {
    const r = await runCli([
      'run',
      'ckafka',
      '--sandbox',
      '--json',
      '--lang',
      'zh',
      '--set',
      'password=wrong-one',
    ]);
    const d = stepLine(jsonLines(r.stdout), 'produce').diagnosis;
    expect(d?.code).toBe('SASL_AUTH_FAILED');
    expect(d?.title).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('parameters are checked before any network call', () => {
  it('missing parameters with --yes: exit 2 and the list of what is missing', async () => {
    const r = await runCli(['run', 'ckafka', '--yes']);
    expect(r.code).toBe(2);
    for (const p of ['bootstrapServers', 'username', 'password', 'topic'])
      expect(r.stderr).toContain(`- ${p}: \`${p}\` is not set.`);
    expect(r.stderr).toMatch(/MQ_TUTOR_/);
  });

  it('invalid parameters with --json: exit 2 and a machine-readable list', async () => {
    const r = await runCli([
      'run',
      'ckafka',
      '--json',
      '--set',
      'bootstrapServers=nohost',
      '--set',
      'username=alice',
      '--set',
      'password=x',
      '--set',
      'topic=t',
    ]);
    expect(r.code).toBe(2);
    const [error] = jsonLines(r.stdout);
    expect(error).toMatchObject({ type: 'error', code: 'PARAMS_INVALID' });
    expect(((error?.problems ?? []) as { param: string }[]).map((p) => p.param).sort()).toEqual([
      'bootstrapServers',
      'username',
    ]);
  });

  it('an unknown --set key or step is a usage error', async () => {
    expect((await runCli(['run', 'ckafka', '--yes', '--set', 'bootstrap=x'])).code).toBe(2);
    expect((await runCli(['run', 'ckafka', '--yes', '--step', 'teleport'])).code).toBe(2);
    expect((await runCli(['run', 'kafka-x', '--yes'])).code).toBe(2);
  });

  it('without a terminal and without --yes it explains which flags to pass, and exits 2', async () => {
    const r = await runCli(['run', 'ckafka']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--yes/);
    expect(r.stderr).toMatch(/--json/);
    expect(r.stderr).not.toMatch(/Raw mode|setRawMode/i);
  });
});
