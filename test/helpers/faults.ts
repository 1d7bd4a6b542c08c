import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { mqadmin } from '../../src/sandbox/rocketmq/admin.js';
import { type CliResult, type JsonLine, jsonLines, runCli, stepLine } from './cli.js';
import { BIN, ROOT, SANDBOX_DIR } from './env.js';
import { sandboxSecrets, secretValues } from './sandbox.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));

export interface BlackHole {
  port: number;
  close(): void;
}

/** A loopback port whose TCP connects never complete (see blackhole.py). */
export function blackHole(): Promise<BlackHole> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn('python3', [path.join(HERE, 'blackhole.py')], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.once('error', reject);
    child.stdout?.once('data', (d: Buffer) =>
      resolve({ port: Number(d.toString().trim()), close: () => child.kill('SIGKILL') }),
    );
  });
}

/** A CA that has nothing to do with the sandbox, as PEM (a "wrong CA file"). */
export function unrelatedCaFile(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mqt-ca-'));
  const file = path.join(dir, 'OtherRoot.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      path.join(dir, 'key.pem'),
      '-out',
      file,
      '-days',
      '30',
      '-subj',
      '/CN=Some Other CA',
    ],
    { stdio: 'ignore' },
  );
  return file;
}

/** A CA certificate whose validity ended yesterday. */
export function expiredCaFile(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mqt-ca-'));
  const file = path.join(dir, 'Expired.pem');
  const store = [
    '-keystore',
    path.join(dir, 'expired.p12'),
    '-storetype',
    'PKCS12',
    '-storepass',
    'expired-ca',
  ];
  // biome-ignore format: one keytool call per line
  execFileSync('keytool', ['-genkeypair', ...store, '-alias', 'ca', '-dname', 'CN=Expired CA', '-keyalg', 'RSA', '-keysize', '2048', '-startdate', '2020/01/01', '-validity', '365', '-ext', 'bc:c'], { stdio: 'ignore' });
  execFileSync('keytool', ['-exportcert', ...store, '-alias', 'ca', '-rfc', '-file', file], {
    stdio: 'ignore',
  });
  return file;
}

/** A file that is not PEM at all (what a browser saves when a download link shows a web page). */
export function htmlCaFile(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mqt-ca-'));
  const file = path.join(dir, 'CARoot.pem');
  execFileSync('bash', [
    '-c',
    `printf '<!DOCTYPE html><html><body>Not found</body></html>' > ${JSON.stringify(file)}`,
  ]);
  return file;
}

export interface TlsServer {
  port: number;
  close(): Promise<void>;
}

/**
 * A TLS server on loopback whose certificate is signed by the sandbox CA but issued to another host
 * (other.example), made with keytool like the sandbox's own: trusted, but the wrong name.
 */
export async function otherHostTlsServer(): Promise<TlsServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mqt-other-'));
  const password = sandboxSecrets().kafka.keystorePassword;
  const caStore = path.join(SANDBOX_DIR, 'kafka', 'certs', 'ca.p12');
  const store = path.join(dir, 'other.p12');
  const kt = (args: string[]) => execFileSync('keytool', args, { stdio: 'ignore' });
  const s = (file: string) => ['-keystore', file, '-storetype', 'PKCS12', '-storepass', password];
  kt([
    '-genkeypair',
    ...s(store),
    '-alias',
    'other',
    '-dname',
    'CN=other.example',
    '-keyalg',
    'RSA',
    '-keysize',
    '2048',
    '-validity',
    '30',
  ]);
  kt(['-certreq', ...s(store), '-alias', 'other', '-file', path.join(dir, 'other.csr')]);
  kt([
    '-gencert',
    ...s(caStore),
    '-alias',
    'ca',
    '-infile',
    path.join(dir, 'other.csr'),
    '-outfile',
    path.join(dir, 'other.crt'),
    '-rfc',
    '-ext',
    'SAN=dns:other.example',
    '-validity',
    '30',
  ]);
  kt([
    '-importcert',
    ...s(store),
    '-alias',
    'ca',
    '-file',
    path.join(SANDBOX_DIR, 'CARoot.pem'),
    '-noprompt',
  ]);
  kt(['-importcert', ...s(store), '-alias', 'other', '-file', path.join(dir, 'other.crt'), '-noprompt']);
  const server = tls.createServer({ pfx: readFileSync(store), passphrase: password }, (socket) =>
    socket.end(),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/**
 * A loopback TCP server that accepts every connection and resets it (RST) as soon as the client
 * sends its first bytes: a connect alone succeeds, a conversation is cut off.
 */
export async function resettingServer(): Promise<{ port: number; close(): Promise<void> }> {
  const server = net.createServer((socket) => {
    socket.once('data', () => socket.resetAndDestroy());
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const keytool = (args: string[]) => execFileSync('keytool', args, { stdio: 'ignore' });
const p12 = (file: string, password: string) => [
  '-keystore',
  file,
  '-storetype',
  'PKCS12',
  '-storepass',
  password,
];

/** A CA certificate that becomes valid only tomorrow (a clock set back, or a CA issued ahead of time). */
export function notYetValidCaFile(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mqt-ca-'));
  const file = path.join(dir, 'Tomorrow.pem');
  const store = p12(path.join(dir, 'tomorrow.p12'), 'tomorrow-ca');
  // biome-ignore format: one keytool call per line
  keytool(['-genkeypair', ...store, '-alias', 'ca', '-dname', 'CN=Tomorrow CA', '-keyalg', 'RSA', '-keysize', '2048', '-startdate', '+1d', '-validity', '365', '-ext', 'bc:c']);
  keytool(['-exportcert', ...store, '-alias', 'ca', '-rfc', '-file', file]);
  return file;
}

export interface ExpiredLeafServer extends TlsServer {
  /** The (valid) CA that signed the expired certificate, as PEM: what caFile is set to. */
  caFile: string;
}

/**
 * A TLS server on loopback whose certificate is signed by a valid CA of its own (given as caFile)
 * but expired years ago: the chain is trusted, the dates are not.
 */
export async function expiredLeafTlsServer(): Promise<ExpiredLeafServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mqt-expired-'));
  const password = 'expired-leaf';
  const ca = p12(path.join(dir, 'ca.p12'), password);
  const leafFile = path.join(dir, 'leaf.p12');
  const leaf = p12(leafFile, password);
  const caFile = path.join(dir, 'CARoot.pem');
  const file = (name: string) => path.join(dir, name);
  // biome-ignore format: one keytool call per line
  keytool(['-genkeypair', ...ca, '-alias', 'ca', '-dname', 'CN=Test CA of mq-tutor', '-keyalg', 'RSA', '-keysize', '2048', '-validity', '365', '-ext', 'bc:c']);
  keytool(['-exportcert', ...ca, '-alias', 'ca', '-rfc', '-file', caFile]);
  // biome-ignore format: one keytool call per line
  keytool(['-genkeypair', ...leaf, '-alias', 'leaf', '-dname', 'CN=localhost', '-keyalg', 'RSA', '-keysize', '2048', '-validity', '30']);
  keytool(['-certreq', ...leaf, '-alias', 'leaf', '-file', file('leaf.csr')]);
  // biome-ignore format: one keytool call per line
  keytool(['-gencert', ...ca, '-alias', 'ca', '-infile', file('leaf.csr'), '-outfile', file('leaf.crt'), '-rfc', '-startdate', '2020/01/01', '-validity', '30', '-ext', 'SAN=dns:localhost,ip:127.0.0.1']);
  keytool(['-importcert', ...leaf, '-alias', 'ca', '-file', caFile, '-noprompt']);
  keytool(['-importcert', ...leaf, '-alias', 'leaf', '-file', file('leaf.crt'), '-noprompt']);
  const server = tls.createServer({ pfx: readFileSync(leafFile), passphrase: password }, (socket) =>
    socket.end(),
  );
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { port, caFile, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The sandbox's internal listener: a super user on 127.0.0.1, for setting up faults behind the learner's back. */
async function internalKafka() {
  const { Kafka, logLevel } = (await import('kafkajs')).default;
  return new Kafka({ clientId: 'mq-tutor-test', brokers: ['127.0.0.1:19092'], logLevel: logLevel.NOTHING });
}

/** Moves a group's committed offsets back to the start of the log (the group must have no members). */
export async function rewindGroup(groupId: string, topic: string): Promise<void> {
  const admin = (await internalKafka()).admin();
  await admin.connect();
  try {
    await admin.resetOffsets({ groupId, topic, earliest: true });
  } finally {
    await admin.disconnect();
  }
}

export interface GroupLeader {
  close(): Promise<void>;
}

/**
 * Another member of a consumer group, joined first so that it leads the group and assigns the
 * partitions itself. `take`: it takes every partition. `withhold`: it gives `partition` to no one
 * (and takes the rest), as a group leader with its own assignment strategy may.
 */
export async function groupLeader(
  groupId: string,
  mode: { take: true } | { withhold: number },
): Promise<GroupLeader> {
  const kafkajs = (await import('kafkajs')).default;
  const { AssignerProtocol } = kafkajs;
  const kafka = await internalKafka();
  const assigner: import('kafkajs').PartitionAssigner = ({ cluster }) => ({
    // The name the tutorial's consumer offers too, so the group settles on this one.
    name: 'RoundRobinAssigner',
    version: 0,
    async assign({ members, topics }) {
      const mine: Record<string, number[]> = {};
      for (const topic of topics) {
        const partitions = cluster.findTopicPartitionMetadata(topic).map((m) => m.partitionId);
        mine[topic] = 'take' in mode ? partitions : partitions.filter((p) => p !== mode.withhold);
      }
      return members.map(({ memberId }) => ({
        memberId,
        memberAssignment: AssignerProtocol.MemberAssignment.encode({
          version: 0,
          assignment: memberId === leaderId ? mine : {},
          userData: Buffer.alloc(0),
        }),
      }));
    },
    protocol({ topics }) {
      return {
        name: 'RoundRobinAssigner',
        metadata: AssignerProtocol.MemberMetadata.encode({ version: 0, topics, userData: Buffer.alloc(0) }),
      };
    },
  });
  let leaderId = '';
  const consumer = kafka.consumer({
    groupId,
    partitionAssigners: [assigner],
    sessionTimeout: 10_000,
    rebalanceTimeout: 10_000,
    heartbeatInterval: 300,
    maxWaitTimeInMs: 200,
  });
  const joined = new Promise<void>((resolve) =>
    consumer.on(consumer.events.GROUP_JOIN, (event) => {
      leaderId = event.payload.memberId;
      resolve();
    }),
  );
  await consumer.connect();
  await consumer.subscribe({ topics: ['tutorial-topic'] });
  await consumer.run({ autoCommit: false, eachMessage: async () => {} });
  await joined;
  return { close: () => consumer.disconnect() };
}

export interface OwnTopic {
  topic: string;
  /** Deletes every record up to the end of the log (what retention does to old messages). */
  deleteAllRecords(): Promise<void>;
  remove(): Promise<void>;
}

/**
 * A topic of this test alone (tutorial-dx-*, one partition) that the learner may read and write, so
 * that deleting its records touches nobody else's messages.
 */
export async function ownKafkaTopic(): Promise<OwnTopic> {
  const { AclResourceTypes, AclOperationTypes, AclPermissionTypes, ResourcePatternTypes } = (
    await import('kafkajs')
  ).default;
  const topic = `tutorial-dx-${randomBytes(4).toString('hex')}`;
  const acl = [AclOperationTypes.READ, AclOperationTypes.WRITE, AclOperationTypes.DESCRIBE].map(
    (operation) => ({
      resourceType: AclResourceTypes.TOPIC,
      resourceName: topic,
      resourcePatternType: ResourcePatternTypes.LITERAL,
      principal: 'User:ckafka-sandbox#learner',
      host: '*',
      operation,
      permissionType: AclPermissionTypes.ALLOW,
    }),
  );
  const admin = (await internalKafka()).admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
  await admin.createAcls({ acl });
  return {
    topic,
    deleteAllRecords: () => admin.deleteTopicRecords({ topic, partitions: [{ partition: 0, offset: '-1' }] }),
    async remove() {
      await admin.deleteAcls({ filters: acl }).catch(() => {});
      await admin.deleteTopics({ topics: [topic] }).catch(() => {});
      await admin.disconnect();
    },
  };
}

const NAMESRV = ['-n', '127.0.0.1:9876'];
const BROKER = ['-b', '127.0.0.1:10911'];

export interface OwnGroup {
  group: string;
  remove(): Promise<void>;
}

/**
 * A RocketMQ consumer group of this test alone (tutorial-dx-*, which the learner may use), starting
 * at the end of tutorial-topic: a new group could otherwise start at its beginning, or skip a
 * message sent before its first consumer came.
 */
export async function ownRocketmqGroup(): Promise<OwnGroup> {
  const group = `tutorial-dx-${randomBytes(4).toString('hex')}`;
  const made = await mqadmin(SANDBOX_DIR, ['updateSubGroup', ...NAMESRV, ...BROKER, '-g', group]);
  if (!/success/i.test(made.output)) throw new Error(`mqadmin updateSubGroup: ${made.output.slice(-500)}`);
  await rewindRocketmqGroup(group, 'tutorial-topic', 'now');
  return {
    group,
    remove: async () => {
      await mqadmin(SANDBOX_DIR, ['deleteSubGroup', ...NAMESRV, ...BROKER, '-g', group]);
    },
  };
}

/** Sets a RocketMQ group's consumer offsets back to where they were at `timestamp` (ms since epoch). */
export async function rewindRocketmqGroup(
  group: string,
  topic: string,
  timestamp: number | 'now',
): Promise<string> {
  const r = await mqadmin(SANDBOX_DIR, [
    'resetOffsetByTime',
    ...NAMESRV,
    '-g',
    group,
    '-t',
    topic,
    '-s',
    String(timestamp),
  ]);
  return r.output;
}

/**
 * Another consumer of the group, with the learner's keys, receives the message and acknowledges it,
 * so the broker will not deliver it to the group again.
 */
export async function takeRocketmqMessage(
  group: string,
  messageId: string,
  timeoutMs = 20_000,
): Promise<void> {
  const { SimpleConsumer, FilterExpression } = await import('rocketmq-client-nodejs');
  const keys = sandboxSecrets().rocketmq;
  const consumer = new SimpleConsumer({
    endpoints: '127.0.0.1:8081',
    namespace: '',
    sessionCredentials: { accessKey: keys.learnerAccessKey, accessSecret: keys.learnerSecretKey },
    consumerGroup: group,
    subscriptions: new Map([['tutorial-topic', FilterExpression.SUB_ALL]]),
    awaitDuration: 2000,
    // Above the long poll, or the proxy refuses the receive for want of time.
    requestTimeout: 5000,
    logger: { info() {}, warn() {}, error() {}, debug() {} },
  });
  await consumer.startup();
  try {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      for (const view of await consumer.receive(16, 20_000)) {
        if (view.messageId === messageId) {
          await consumer.ack(view);
          return;
        }
        // Anything else goes back to the group at once.
        await consumer.changeInvisibleDuration(view, 1000).catch(() => {});
      }
    }
    throw new Error(`message ${messageId} did not reach group ${group} within ${timeoutMs} ms`);
  } finally {
    await consumer.shutdown();
  }
}

const STACK_TRACE = /\n\s+at .+\(.*:\d+:\d+\)|^\s+at .+:\d+:\d+$/m;

/**
 * A run that failed at `step` with `code`, as a user sees it: exit 1, the diagnosis in words with
 * no {slot} left unfilled, no secret and no stack trace anywhere in the output.
 */
export function expectDiagnosed(r: CliResult, step: string, code: string): JsonLine {
  const all = r.stdout + r.stderr;
  expect(r.code, all).toBe(1);
  const line = stepLine(jsonLines(r.stdout), step);
  expect(line.status, all).toBe('failed');
  expect(line.diagnosis?.code, all).toBe(code);
  const d = line.diagnosis;
  expect(d?.title).toBeTruthy();
  expect(d?.fixes.length).toBeGreaterThan(0);
  expect(`${d?.title}${d?.explanation}${d?.fixes.join('')}`).not.toMatch(/\{\w+\}/);
  for (const secret of secretValues()) expect(all).not.toContain(secret);
  expect(all).not.toMatch(STACK_TRACE);
  return line;
}

/**
 * Readies a profile (in `env`'s config folder, profile "sandbox") on which the consume step waits
 * out its time, for tests that need a consume under way: produce really ran, but the marker saved
 * with its result was never sent, so no message read can be the one to wait for, and none is taken
 * for it. (With no produce result at all, consume now stops at once.)
 */
export async function profileWhereConsumeWaits(
  env: NodeJS.ProcessEnv,
  tutorial: 'ckafka' | 'rocketmq',
): Promise<void> {
  const failingGroup = tutorial === 'ckafka' ? 'groupId=someone-elses-group' : 'group=tutorial-no-such-group';
  const r = await runCli(
    ['run', tutorial, '--sandbox', '--json', '--step', 'produce', '--set', failingGroup],
    { env },
  );
  const produce = jsonLines(r.stdout).find((l) => l.type === 'step' && l.step === 'produce');
  expect(produce?.status, `exit ${r.code} ${r.signal ?? ''}\n${r.stdout}\n${r.stderr}`).toBe('passed');
  const file = path.join(env.MQ_TUTOR_CONFIG_DIR as string, 'profiles', 'sandbox.json');
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  profile.tutorials[tutorial].progress.produce.details.marker =
    `never-sent-${randomBytes(4).toString('hex')}`;
  writeFileSync(file, JSON.stringify(profile), { mode: 0o600 });
}

/** Whether this machine lets a process have a network of its own (user and network namespaces). */
export function canRunWithoutNetwork(): boolean {
  return spawnSync('unshare', ['-rn', 'true'], { stdio: 'ignore' }).status === 0;
}

/**
 * The real binary in a network namespace of its own (`unshare -rn`): its loopback is down and it
 * has no other interface, so every connect fails with ENETUNREACH and no packet leaves the process.
 */
export function runCliWithoutNetwork(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn('unshare', ['-rn', process.execPath, BIN, ...args], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.once('error', reject);
    child.on('close', (code, signal) =>
      resolve({ code, signal, stdout, stderr, durationMs: Date.now() - started }),
    );
  });
}
