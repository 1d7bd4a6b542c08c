import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { ActionServices, GroupView } from '../../actions/services.js';
import { consumeStats } from '../../remoting/broker-admin.js';
import { RemotingConnection } from '../../remoting/connection.js';
import { run } from '../../util/exec.js';
import { writePrivateFile } from '../../util/files.js';
import { readSecrets } from '../state.js';
import { ROCKETMQ, toolsYml } from './config.js';

export function rocketmqDir(stateDir: string): string {
  return path.join(stateDir, 'rocketmq');
}

export function homeDir(stateDir: string): string {
  return path.join(rocketmqDir(stateDir), 'home');
}

export function classpathFile(stateDir: string): string {
  return path.join(rocketmqDir(stateDir), 'classpath.txt');
}

export interface AdminResult {
  ok: boolean;
  output: string;
}

export interface AdminOptions {
  signal?: AbortSignal;
  /** Another role's keys instead of the sandbox admin's, e.g. the learner's, to act as a learner's tool would. */
  credentials?: { accessKey: string; secretKey: string };
}

/**
 * Runs the broker's own admin tool (mqadmin) with the sandbox admin's credentials, or the ones given.
 * mqadmin exits 0 even when a command fails, so callers also judge by the output (e.g. "SEND_OK").
 */
export async function mqadmin(
  stateDir: string,
  args: string[],
  options: AbortSignal | AdminOptions = {},
): Promise<AdminResult> {
  const { signal, credentials } = options instanceof AbortSignal ? { signal: options } : options;
  if (!credentials) return runAdmin(stateDir, homeDir(stateDir), args, signal);
  // mqadmin reads its keys from <home>/conf/tools.yml only: a private home of its own for these keys.
  const home = mkdtempSync(path.join(rocketmqDir(stateDir), 'tools-'));
  try {
    writePrivateFile(
      path.join(home, 'conf', 'tools.yml'),
      toolsYml({ adminAccessKey: credentials.accessKey, adminSecretKey: credentials.secretKey }),
    );
    return await runAdmin(stateDir, home, args, signal);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

async function runAdmin(
  stateDir: string,
  home: string,
  args: string[],
  signal: AbortSignal | undefined,
): Promise<AdminResult> {
  const classpath = readFileSync(classpathFile(stateDir), 'utf8').trim();
  const logs = path.join(rocketmqDir(stateDir), 'logs');
  const result = await run(
    'java',
    [
      '-Xms64m',
      '-Xmx256m',
      '-XX:+UseSerialGC',
      '-XX:TieredStopAtLevel=1',
      `-Duser.home=${home}`,
      `-Drocketmq.home.dir=${home}`,
      `-Drmq.logback.configurationFile=${path.join(rocketmqDir(stateDir), 'logback.xml')}`,
      `-Dmqtutor.log.dir=${logs}`,
      '-Dmqtutor.log.name=tools',
      '-cp',
      classpath,
      'org.apache.rocketmq.tools.command.MQAdminStartup',
      ...args,
    ],
    { env: { ...process.env, ROCKETMQ_HOME: home }, timeoutMs: 60_000, signal, privateFiles: true },
  );
  const output = `${result.stdout}${result.stderr}`;
  return { ok: result.code === 0 && !/Exception/.test(output), output };
}

/**
 * The broker's view of a group when `endpoints` is the running sandbox's proxy (the sandbox admin's
 * credentials are at hand there): the group's consumer offset per queue, asked of the broker over
 * its own protocol, and whether it has moved past the message.
 */
export async function sandboxGroupView(
  stateDir: string,
  { endpoints, group, topic, message }: Parameters<NonNullable<ActionServices['rocketmqGroupView']>>[0],
): Promise<GroupView | undefined> {
  const isSandbox = endpoints
    .split(';')
    .some((e) => e === `127.0.0.1:${ROCKETMQ.proxyPort}` || e === `localhost:${ROCKETMQ.proxyPort}`);
  const secrets = readSecrets(stateDir);
  if (!isSandbox || !secrets) return undefined;
  const admin = { accessKey: secrets.rocketmq.adminAccessKey, secretKey: secrets.rocketmq.adminSecretKey };
  const connection = await RemotingConnection.open('127.0.0.1', ROCKETMQ.brokerPort, { credentials: admin });
  let stats: Awaited<ReturnType<typeof consumeStats>>;
  try {
    stats = await consumeStats(connection, group, topic, { timeoutMs: 5000 });
  } finally {
    connection.close();
  }
  const queues = stats.queues
    .filter((q) => q.topic === topic)
    .sort((a, b) => a.brokerName.localeCompare(b.brokerName) || a.queueId - b.queueId)
    .map((q) => ({
      broker: q.brokerName,
      queue: q.queueId,
      brokerOffset: q.brokerOffset,
      consumerOffset: q.consumerOffset,
      lag: Math.max(0, q.brokerOffset - q.consumerOffset),
    }));
  const queue = queues.find((q) => q.broker === message.broker && q.queue === message.queue);
  return {
    consumedByGroup: queue !== undefined && queue.consumerOffset > message.offset,
    storedAt: message,
    totalLag: queues.reduce((sum, q) => sum + q.lag, 0),
    queues,
  };
}
