import { mkdtempSync, readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DoctorNet } from '../../src/doctor/net/connector.js';
import { buildDoctorReport } from '../../src/report/doctor.js';
import { doctorSession } from '../../src/session/doctor.js';
import { doctorText } from '../../src/ui/doctor/text.js';
import { runCli } from '../helpers/cli.js';
import { testEnv } from '../helpers/env.js';
import { type BlackHole, blackHole, unrelatedCaFile } from '../helpers/faults.js';
import { CA_FILE, sandboxSecrets, secretValues } from '../helpers/sandbox.js';
import { needsSharedSandbox } from '../helpers/shared-sandbox.js';

/**
 * `mq-tutor doctor` against the sandbox: one test per fault, each asserting that the verdict names
 * the cause and not a neighbour of it, within 10 s, with no secret and no stack trace in what it
 * prints or in the report it writes. The broken corners of the sandbox (a misadvertised listener,
 * an untrusted certificate, a route to a dead broker) are on loopback; so is every other target.
 */

needsSharedSandbox();

const STACK_TRACE = /\n\s+at .+\(.*:\d+:\d+\)|^\s+at .+:\d+:\d+$/m;
const reports = mkdtempSync(path.join(os.tmpdir(), 'mqt-doctor-'));
let runs = 0;

interface DoctorJson {
  type: string;
  healthy: boolean;
  route?: string;
  verdict: {
    code: string;
    values: Record<string, string | number>;
    sentence?: string;
    fix?: string;
    evidence: { key: string; text: string }[];
    also: { code: string }[];
  };
  probes: { kind: string; target: string; status: string; ms?: number; facts: Record<string, unknown> }[];
}

function expectClean(text: string, extraSecrets: string[] = []): void {
  for (const secret of [...secretValues(), ...extraSecrets]) expect(text).not.toContain(secret);
  expect(text).not.toMatch(STACK_TRACE);
  expect(text).not.toMatch(/\{\w+\}/);
}

/**
 * The real binary, as a user runs it, with --json and --report: the verdict from stdout, the
 * report read back, both checked for secrets and stack traces.
 */
async function doctor(
  tutorial: 'ckafka' | 'rocketmq',
  args: string[],
  options: { env?: Record<string, string>; exit?: number; secrets?: string[] } = {},
): Promise<DoctorJson> {
  runs += 1;
  const report = path.join(reports, `doctor-${runs}.md`);
  const r = await runCli(['doctor', tutorial, '--sandbox', '--json', '--report', report, ...args], {
    env: testEnv(options.env ?? {}),
    timeoutMs: 30_000,
  });
  const all = r.stdout + r.stderr;
  expect(r.code, all).toBe(options.exit ?? 1);
  expect(r.durationMs, all).toBeLessThan(10_000);
  const markdown = readFileSync(report, 'utf8');
  expectClean(all, options.secrets);
  expectClean(markdown, options.secrets);
  const lines = r.stdout.trim().split('\n');
  expect(lines, r.stdout).toHaveLength(1);
  const json = JSON.parse(lines[0] as string) as DoctorJson;
  expect(json.type).toBe('doctor');
  expect(markdown).toContain(`\`${json.verdict.code}\``);
  return json;
}

function expectVerdict(json: DoctorJson, code: string): DoctorJson['verdict'] {
  const shown = `${json.verdict.code}: ${json.verdict.sentence}\n${json.probes.map((p) => `${p.status} ${p.kind} ${p.target} ${JSON.stringify(p.facts)}`).join('\n')}`;
  expect(json.verdict.code, shown).toBe(code);
  expect(json.verdict.sentence).toBeTruthy();
  expect(json.verdict.fix).toBeTruthy();
  expect(json.verdict.evidence.length).toBeGreaterThan(0);
  return json.verdict;
}

const plaintext = ['--set', 'securityProtocol=SASL_PLAINTEXT', '--set', 'bootstrapServers=localhost:19094'];
const remoting = ['--set', 'protocol=remoting'];

describe('a healthy sandbox: nothing wrong, with the latency of each hop', () => {
  it('CKafka over SASL_SSL: exit 0, every probe passed, each hop timed', async () => {
    const json = await doctor('ckafka', [], { exit: 0 });
    expect(json.healthy).toBe(true);
    expect(json.verdict.code).toBe('HEALTHY');
    expect(json.probes.filter((p) => p.status !== 'ok')).toEqual([]);
    const hops = json.verdict.evidence.map((e) => e.key);
    for (const hop of ['dns', 'tcp', 'tls', 'login', 'metadata', 'advertised', 'topic', 'group'])
      expect(hops).toContain(`doctor.evidence.hop.${hop}`);
    expect(json.verdict.evidence.every((e) => /\d+ ms$/.test(e.text))).toBe(true);
  });

  it('CKafka over SASL_PLAINTEXT, in the terminal: says nothing is wrong, then the hops', async () => {
    const r = await runCli(['doctor', 'ckafka', '--sandbox', ...plaintext], { timeoutMs: 30_000 });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[2]).toBe(
      'Nothing is wrong: every hop answered as it should, and nothing on the broker was changed.',
    );
    expect(r.stdout).toMatch(
      /Latency of each hop:\n {2}DNS localhost: \d+ ms\n {2}TCP localhost:19094: \d+ ms/,
    );
    expectClean(r.stdout + r.stderr);
  });

  it('RocketMQ through the gRPC proxy and over the name server: both healthy, each says its route', async () => {
    const grpc = await doctor('rocketmq', [], { exit: 0 });
    expect(grpc).toMatchObject({ healthy: true, route: 'grpc' });
    const nameServer = await doctor('rocketmq', remoting, { exit: 0 });
    expect(nameServer).toMatchObject({ healthy: true, route: 'remoting' });
    const kinds = nameServer.probes.map((p) => p.kind);
    for (const kind of ['route', 'broker', 'keys', 'permission']) expect(kinds).toContain(kind);
  });
});

describe('CKafka faults', () => {
  it('a wrong password: LOGIN_REFUSED (the user name has its instanceId#, PLAIN is offered)', async () => {
    const wrong = 'not-the-learner-password-42';
    const json = await doctor('ckafka', [], { env: { MQ_TUTOR_PASSWORD: wrong }, secrets: [wrong] });
    const verdict = expectVerdict(json, 'LOGIN_REFUSED');
    expect(verdict.values).toMatchObject({ user: 'ckafka-sandbox#learner' });
    expect(json.probes.find((p) => p.kind === 'mechanisms')?.facts).toMatchObject({ mechanisms: ['PLAIN'] });
  });

  it('a user name without #: USERNAME_NO_INSTANCE, not a wrong password', async () => {
    const json = await doctor('ckafka', ['--set', 'username=learner']);
    expect(expectVerdict(json, 'USERNAME_NO_INSTANCE').values).toMatchObject({ user: 'learner' });
  });

  it('the TLS port used as plaintext: TLS_PORT_AS_PLAINTEXT', async () => {
    const json = await doctor('ckafka', [
      '--set',
      'securityProtocol=SASL_PLAINTEXT',
      '--set',
      'bootstrapServers=localhost:19095',
    ]);
    expect(expectVerdict(json, 'TLS_PORT_AS_PLAINTEXT').values).toMatchObject({ server: 'localhost:19095' });
    // The password never went over the connection it would have travelled in plaintext.
    expect(json.probes.some((p) => p.kind === 'login')).toBe(false);
  });

  it('the plaintext port used as TLS: PLAINTEXT_PORT_AS_TLS', async () => {
    const json = await doctor('ckafka', [
      '--set',
      'securityProtocol=SASL_SSL',
      '--set',
      'bootstrapServers=localhost:19094',
    ]);
    expect(expectVerdict(json, 'PLAINTEXT_PORT_AS_TLS').values).toMatchObject({ server: 'localhost:19094' });
  });

  it('a CA file that did not sign the broker: CA_MISMATCH, naming the issuer; the password is not sent', async () => {
    const caFile = unrelatedCaFile();
    const json = await doctor('ckafka', ['--set', `caFile=${caFile}`]);
    const verdict = expectVerdict(json, 'CA_MISMATCH');
    expect(verdict.values).toMatchObject({
      issuer: expect.stringContaining('mq-tutor sandbox CA'),
      file: caFile,
    });
    expect(json.verdict.evidence.map((e) => e.text).join('\n')).toContain('Some Other CA');
    expect(json.probes.find((p) => p.kind === 'login')).toMatchObject({ status: 'skipped' });
  });

  it('the sandbox’s untrusted listener (a certificate no sandbox CA signed), with the sandbox CA: CA_MISMATCH', async () => {
    const json = await doctor('ckafka', ['--set', 'bootstrapServers=localhost:19097']);
    const verdict = expectVerdict(json, 'CA_MISMATCH');
    expect(verdict.values).toMatchObject({
      issuer: expect.stringContaining('Not the mq-tutor sandbox CA'),
      file: CA_FILE,
    });
  });

  it('the sandbox’s misadvertised listener: ADVERTISED_UNREACHABLE (the bootstrap worked, the broker it hands out does not)', async () => {
    const json = await doctor('ckafka', [
      '--set',
      'securityProtocol=SASL_PLAINTEXT',
      '--set',
      'bootstrapServers=localhost:19096',
    ]);
    const verdict = expectVerdict(json, 'ADVERTISED_UNREACHABLE');
    expect(verdict.values).toMatchObject({ bootstrap: 'localhost:19096', address: '127.0.0.2:19096' });
    expect(json.probes.find((p) => p.kind === 'login')?.status).toBe('ok');
  });

  it('an ACL denial on the topic: TOPIC_DENIED, each operation tried on its own', async () => {
    const json = await doctor('ckafka', ['--set', 'topic=restricted-topic']);
    const verdict = expectVerdict(json, 'TOPIC_DENIED');
    expect(verdict.values).toMatchObject({ topic: 'restricted-topic', ops: 'describe, write, read' });
    // The group is the learner's: only the topic is named.
    expect(json.verdict.also).toEqual([]);
  });

  it('an ACL denial on the group: GROUP_DENIED, while the topic is fine', async () => {
    const json = await doctor('ckafka', ['--set', 'groupId=someone-elses-group']);
    expect(expectVerdict(json, 'GROUP_DENIED').values).toMatchObject({ group: 'someone-elses-group' });
    const topic = json.probes.filter((p) => p.kind === 'topic');
    expect(topic.map((p) => p.status)).toEqual(['ok', 'ok', 'ok']);
  });

  it('a missing topic: TOPIC_MISSING, not a permission problem', async () => {
    const json = await doctor('ckafka', ['--set', 'topic=tutorial-no-such-topic']);
    expect(expectVerdict(json, 'TOPIC_MISSING').values).toMatchObject({ topic: 'tutorial-no-such-topic' });
  });
});

describe('RocketMQ faults', () => {
  const keys = () => sandboxSecrets().rocketmq;

  it('swapped AK/SK over the name server: RMQ_KEYS_SWAPPED (refused as given, accepted swapped), in the terminal too', async () => {
    const env = {
      MQ_TUTOR_ACCESS_KEY: keys().learnerSecretKey,
      MQ_TUTOR_SECRET_KEY: keys().learnerAccessKey,
    };
    const json = await doctor('rocketmq', remoting, { env });
    expectVerdict(json, 'RMQ_KEYS_SWAPPED');
    const order = json.probes.filter((p) => p.kind === 'keys').map((p) => [p.facts.order, p.facts.accepted]);
    expect(order).toEqual([
      ['given', false],
      ['swapped', true],
    ]);
    const r = await runCli(['doctor', 'rocketmq', '--sandbox', ...remoting], {
      env: testEnv(env),
      timeoutMs: 30_000,
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^Most likely: the access key and the secret key are swapped\.\n\nEvidence:\n {2}- the keys as given were refused at .*\n {2}- the same keys in swapped order were accepted\n\nFix: /m,
    );
    expectClean(r.stdout + r.stderr);
  });

  it('swapped AK/SK through the gRPC proxy: RMQ_KEYS_SWAPPED as well', async () => {
    const env = {
      MQ_TUTOR_ACCESS_KEY: keys().learnerSecretKey,
      MQ_TUTOR_SECRET_KEY: keys().learnerAccessKey,
    };
    expectVerdict(await doctor('rocketmq', [], { env }), 'RMQ_KEYS_SWAPPED');
  });

  it('a wrong secret key is wrong, not swapped: RMQ_KEYS_WRONG', async () => {
    const wrong = 'not-the-learner-secret-key';
    const json = await doctor('rocketmq', remoting, {
      env: { MQ_TUTOR_SECRET_KEY: wrong },
      secrets: [wrong],
    });
    expect(expectVerdict(json, 'RMQ_KEYS_WRONG').values).toMatchObject({ why: 'SIGNATURE_MISMATCH' });
  });

  it('a name-server address given for gRPC: RMQ_NAMESERVER_FOR_GRPC', async () => {
    const json = await doctor('rocketmq', ['--set', 'protocol=grpc', '--set', 'endpoints=127.0.0.1:9876']);
    expect(expectVerdict(json, 'RMQ_NAMESERVER_FOR_GRPC').values).toMatchObject({ server: '127.0.0.1:9876' });
  });

  it('an ACL denial on the topic and one on the group, over the name server: each named on its own', async () => {
    const topic = await doctor('rocketmq', [
      ...remoting,
      '--set',
      'topic=restricted-topic',
      '--set',
      'group=tutorial-group',
    ]);
    expect(expectVerdict(topic, 'RMQ_TOPIC_DENIED').values).toMatchObject({
      topic: 'restricted-topic',
      actions: 'publish, subscribe',
    });
    const group = await doctor('rocketmq', [
      ...remoting,
      '--set',
      'topic=tutorial-topic',
      '--set',
      'group=restricted-group',
    ]);
    expect(expectVerdict(group, 'RMQ_GROUP_DENIED').values).toMatchObject({ group: 'restricted-group' });
    expect(
      group.probes
        .filter((p) => p.kind === 'permission' && p.facts.resource === 'topic')
        .map((p) => p.status),
    ).toEqual(['ok', 'ok']);
  });

  it('a missing topic over the name server: RMQ_TOPIC_MISSING; one that exists only by its full name: RMQ_TOPIC_FULL_NAME', async () => {
    const missing = await doctor('rocketmq', [...remoting, '--set', 'topic=tutorial-no-such-topic']);
    expect(expectVerdict(missing, 'RMQ_TOPIC_MISSING').values).toMatchObject({
      topic: 'tutorial-no-such-topic',
    });
    const short = await doctor('rocketmq', [...remoting, '--set', 'topic=tutorial-orders']);
    expect(expectVerdict(short, 'RMQ_TOPIC_FULL_NAME').values).toMatchObject({
      fullName: 'rocketmq-sandbox|tutorial%tutorial-orders',
    });
  });

  it('the sandbox’s route to a dead broker: RMQ_BROKER_UNREACHABLE, the name server itself being fine', async () => {
    const json = await doctor('rocketmq', [
      ...remoting,
      '--set',
      'topic=tutorial-dead-route',
      '--set',
      'group=tutorial-group',
    ]);
    expect(expectVerdict(json, 'RMQ_BROKER_UNREACHABLE').values).toMatchObject({
      address: '127.0.0.2:10911',
    });
    expect(json.probes.find((p) => p.kind === 'tcp')?.status).toBe('ok');
  });
});

describe('a private-range address, with an injected resolver and connector', () => {
  let hole: BlackHole;
  beforeAll(async () => {
    hole = await blackHole();
  });
  afterAll(() => hole.close());

  it('PRIVATE_ADDRESS: the name resolves to a VPC address and nothing answers; only loopback was ever connected to', async () => {
    const asked: string[] = [];
    const connected: string[] = [];
    // The VPC name resolves to a private address; every connection is redirected to a loopback
    // port that never completes a handshake, as a VPC address does from outside.
    const vpc: DoctorNet = {
      async resolve(host) {
        asked.push(host);
        return host === 'ckafka-vpc.internal.example' ? ['10.20.30.40'] : [host];
      },
      connect(address, port) {
        connected.push(`${address}:${port}`);
        return net.connect({ host: '127.0.0.1', port: hole.port });
      },
    };
    const started = Date.now();
    const session = await doctorSession({
      tutorial: 'ckafka',
      sandbox: true,
      set: ['bootstrapServers=ckafka-vpc.internal.example:9095'],
      lang: 'en',
      signal: new AbortController().signal,
      env: testEnv(),
      net: vpc,
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    const { verdict } = session.report;
    expect(verdict.code, JSON.stringify(session.report.probes)).toBe('PRIVATE_ADDRESS');
    expect(verdict.values).toMatchObject({ address: '10.20.30.40', range: '10.0.0.0/8' });
    expect(asked).toEqual(['ckafka-vpc.internal.example']);
    expect(connected).toEqual(['10.20.30.40:9095']);
    const text = doctorText('en', session.report, { tutorial: 'ckafka', profile: session.profile }).join(
      '\n',
    );
    expect(text).toMatch(
      /^Most likely: ckafka-vpc\.internal\.example:9095 resolves to 10\.20\.30\.40, a private \(VPC\) address in 10\.0\.0\.0\/8/m,
    );
    const markdown = buildDoctorReport({
      lang: 'zh',
      tutorial: session.tutorial,
      profile: session.profile,
      report: session.report,
      resolved: session.resolved,
      savedSecrets: session.savedSecrets,
      mask: session.mask,
      version: 'test',
    });
    expect(markdown).toContain('私有（VPC）地址');
    expectClean(text);
    expectClean(markdown);
  });
});

describe('the report', () => {
  it('--report puts the doctor’s findings in front of the troubleshooting report of the last run', async () => {
    const env = testEnv({ MQ_TUTOR_PASSWORD: 'wrong-for-the-report-1' });
    const run = await runCli(['run', 'ckafka', '--sandbox', '--json', '--step', 'produce'], {
      env,
      timeoutMs: 60_000,
    });
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const file = path.join(reports, 'with-last-run.md');
    const r = await runCli(['doctor', 'ckafka', '--sandbox', '--report', file], { env, timeoutMs: 30_000 });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Report written to ${file}.`);
    const markdown = readFileSync(file, 'utf8');
    expect(markdown).toMatch(/^# mq-tutor doctor report\n/);
    expect(markdown).toMatch(/\*\*Most likely: the password is wrong for "ckafka-sandbox#learner"/);
    expect(markdown).toMatch(/\n# mq-tutor troubleshooting report\n[\s\S]*SASL_AUTH_FAILED/);
    expectClean(markdown, ['wrong-for-the-report-1']);
  });
});

describe('usage', () => {
  it('without a tutorial: the usage line, exit 2', async () => {
    const r = await runCli(['doctor']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Usage: mq-tutor doctor <ckafka\|rocketmq/);
  });

  it('an unknown --set key under --json: one error line, exit 2', async () => {
    const r = await runCli(['doctor', 'ckafka', '--sandbox', '--json', '--set', 'nope=1']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout.trim())).toMatchObject({ type: 'error', code: 'UNKNOWN_PARAM' });
  });
});
