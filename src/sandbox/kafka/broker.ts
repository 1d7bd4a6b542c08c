import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Admin } from 'kafkajs';
import { run } from '../../util/exec.js';
import { writeFileAtomic, writePrivateFile } from '../../util/files.js';
import { assetPath } from '../../util/paths.js';
import { waitFor } from '../../util/wait.js';
import { BrokerStartError } from '../errors.js';
import { resolveClasspath } from '../maven.js';
import { checkPortsFree } from '../prerequisites.js';
import { type Daemon, daemon, logTail, runningPid, startDaemon, stopDaemon } from '../process.js';
import { caFile, type SandboxSecrets } from '../state.js';
import { ensureCertificates, ensureUntrustedCertificate } from './certs.js';
import {
  KAFKA,
  KAFKA_JVM_FLAGS,
  KAFKA_PORTS,
  kafkaLog4jProperties,
  kafkaServerProperties,
} from './config.js';
import { warmTlsListener } from './warm-up.js';

export function kafkaDir(stateDir: string): string {
  return path.join(stateDir, 'kafka');
}

export function kafkaDaemon(stateDir: string): Daemon {
  return daemon(kafkaDir(stateDir), 'kafka', path.join(kafkaDir(stateDir), 'logs', 'kafka.log'));
}

export type KafkaProgress = 'classpath' | 'certificates' | 'format' | 'start' | 'ready' | 'provision';

/** Starts the sandbox Kafka broker unless it runs already; resolves once it serves requests. */
export async function kafkaUp(
  stateDir: string,
  secrets: SandboxSecrets,
  onProgress: (phase: KafkaProgress) => void,
  signal?: AbortSignal,
): Promise<{ pid: number; alreadyRunning: boolean }> {
  const dir = kafkaDir(stateDir);
  const d = kafkaDaemon(stateDir);
  const running = runningPid(d);
  if (running !== undefined) {
    await waitUntilServing(d, signal);
    await provision(signal);
    return { pid: running, alreadyRunning: true };
  }
  await checkPortsFree(KAFKA_PORTS, 'Kafka', stateDir);
  mkdirSync(dir, { recursive: true });

  onProgress('classpath');
  const classpath = await resolveClasspath(
    assetPath('sandbox', 'kafka', 'pom.xml'),
    path.join(dir, 'classpath.txt'),
    signal,
  );

  onProgress('certificates');
  const certs = await ensureCertificates(
    path.join(dir, 'certs'),
    caFile(stateDir),
    secrets.kafka.keystorePassword,
  );
  const untrustedKeystore = await ensureUntrustedCertificate(
    path.join(dir, 'certs'),
    secrets.kafka.keystorePassword,
  );

  const dataDir = path.join(dir, 'data');
  const serverProperties = path.join(dir, 'server.properties');
  writePrivateFile(
    serverProperties,
    kafkaServerProperties({
      dataDir,
      keystoreFile: certs.keystore,
      keystorePassword: secrets.kafka.keystorePassword,
      learnerPassword: secrets.kafka.learnerPassword,
      untrustedKeystoreFile: untrustedKeystore,
    }),
  );
  const log4j = path.join(dir, 'log4j.properties');
  writeFileAtomic(log4j, kafkaLog4jProperties());

  const java = (main: string, args: string[]) => [
    ...KAFKA_JVM_FLAGS,
    `-Dkafka.logs.dir=${path.join(dir, 'logs')}`,
    `-Dlog4j.configuration=file:${log4j}`,
    '-cp',
    classpath,
    main,
    ...args,
  ];

  if (!existsSync(path.join(dataDir, 'meta.properties'))) {
    onProgress('format');
    const id = await run('java', ['-cp', classpath, 'kafka.tools.StorageTool', 'random-uuid'], {
      cwd: dir,
      timeoutMs: 60_000,
    });
    const clusterId = id.stdout.trim().split('\n').pop() ?? '';
    const format = await run(
      'java',
      [
        `-Dlog4j.configuration=file:${log4j}`,
        `-Dkafka.logs.dir=${path.join(dir, 'logs')}`,
        '-cp',
        classpath,
        'kafka.tools.StorageTool',
        'format',
        '-t',
        clusterId,
        '-c',
        serverProperties,
      ],
      { cwd: dir, timeoutMs: 60_000 },
    );
    if (format.code !== 0) throw new BrokerStartError('Kafka', d.logFile, `${format.stdout}${format.stderr}`);
  }

  onProgress('start');
  const pid = startDaemon(d, 'java', java('kafka.Kafka', [serverProperties]), { cwd: dir });
  onProgress('ready');
  await waitUntilServing(d, signal);
  onProgress('provision');
  await provision(signal);
  await warmTlsListener(KAFKA.saslSslPort, caFile(stateDir), signal);
  return { pid, alreadyRunning: false };
}

export async function internalAdmin(): Promise<Admin> {
  const { Kafka, logLevel } = (await import('kafkajs')).default;
  const kafka = new Kafka({
    clientId: 'mq-tutor-sandbox',
    brokers: [`127.0.0.1:${KAFKA.internalPort}`],
    logLevel: logLevel.NOTHING,
    connectionTimeout: 2000,
    requestTimeout: 5000,
    retry: { retries: 0 },
  });
  return kafka.admin();
}

/** Ready means: the broker answers a metadata request over its internal listener. */
async function waitUntilServing(d: Daemon, signal?: AbortSignal): Promise<void> {
  try {
    await waitFor(
      'Kafka',
      async () => {
        if (runningPid(d) === undefined) throw new BrokerStartError('Kafka', d.logFile, logTail(d));
        const admin = await internalAdmin();
        try {
          await admin.connect();
          const cluster = await admin.describeCluster();
          return cluster.brokers.length > 0 ? true : undefined;
        } finally {
          await admin.disconnect().catch(() => {});
        }
      },
      { timeoutMs: 90_000, intervalMs: 500, signal },
    );
  } catch (error) {
    if (error instanceof BrokerStartError) throw error;
    throw new BrokerStartError('Kafka', d.logFile, logTail(d));
  }
}

/** Topics and the learner's ACLs; safe to repeat. */
async function provision(signal?: AbortSignal): Promise<void> {
  const { AclResourceTypes, AclOperationTypes, AclPermissionTypes, ResourcePatternTypes } = (
    await import('kafkajs')
  ).default;
  const admin = await internalAdmin();
  await admin.connect();
  try {
    signal?.throwIfAborted();
    const existing = new Set(await admin.listTopics());
    const topics = [
      { topic: KAFKA.topic, numPartitions: KAFKA.topicPartitions },
      { topic: KAFKA.restrictedTopic, numPartitions: 1 },
    ].filter((t) => !existing.has(t.topic));
    if (topics.length > 0) await admin.createTopics({ topics, waitForLeaders: true });
    const principal = `User:${KAFKA.learner}`;
    const allow = (
      resourceType: (typeof AclResourceTypes)[keyof typeof AclResourceTypes],
      resourceName: string,
      operation: (typeof AclOperationTypes)[keyof typeof AclOperationTypes],
      resourcePatternType: (typeof ResourcePatternTypes)[keyof typeof ResourcePatternTypes] = ResourcePatternTypes.LITERAL,
    ) => ({
      resourceType,
      resourceName,
      resourcePatternType,
      principal,
      host: '*',
      operation,
      permissionType: AclPermissionTypes.ALLOW,
    });
    await admin.createAcls({
      acl: [
        allow(AclResourceTypes.TOPIC, KAFKA.topic, AclOperationTypes.WRITE),
        allow(AclResourceTypes.TOPIC, KAFKA.topic, AclOperationTypes.READ),
        allow(AclResourceTypes.TOPIC, KAFKA.topic, AclOperationTypes.DESCRIBE),
        allow(
          AclResourceTypes.GROUP,
          KAFKA.groupPrefix,
          AclOperationTypes.READ,
          ResourcePatternTypes.PREFIXED,
        ),
        // Lets a mistyped tutorial-* topic name answer "unknown topic" instead of "not authorized".
        allow(
          AclResourceTypes.TOPIC,
          KAFKA.topicPrefix,
          AclOperationTypes.DESCRIBE,
          ResourcePatternTypes.PREFIXED,
        ),
      ],
    });
    // A fresh broker creates and loads its group coordinator's topic on first use: until then a
    // consumer is answered COORDINATOR_LOAD_IN_PROGRESS. Ready means a learner's group can join.
    await waitFor(
      'the Kafka group coordinator',
      async () => {
        // kafkajs throws while the coordinator is not found or still loading.
        await admin.describeGroups([KAFKA.defaultGroup]);
        return true;
      },
      { timeoutMs: 60_000, intervalMs: 250, ...(signal ? { signal } : {}) },
    );
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

export async function kafkaDown(stateDir: string): Promise<boolean> {
  return stopDaemon(kafkaDaemon(stateDir));
}

export function kafkaStatus(stateDir: string): { running: boolean; pid?: number } {
  const pid = runningPid(kafkaDaemon(stateDir));
  return pid === undefined ? { running: false } : { running: true, pid };
}
