import { readFileSync } from 'node:fs';
import path from 'node:path';
import { run } from '../../util/exec.js';
import { readSecrets, sandboxDir } from '../state.js';
import { ROCKETMQ } from './config.js';
import { consumeStats } from './remoting.js';

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

/**
 * Runs the broker's own admin tool (mqadmin) with the sandbox admin's credentials. mqadmin exits 0
 * even when a command fails, so callers also judge by the output (e.g. its "success" line).
 */
export async function mqadmin(stateDir: string, args: string[], signal?: AbortSignal): Promise<AdminResult> {
  const classpath = readFileSync(classpathFile(stateDir), 'utf8').trim();
  const home = homeDir(stateDir);
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
    { env: { ...process.env, ROCKETMQ_HOME: home }, timeoutMs: 60_000, signal },
  );
  const output = `${result.stdout}${result.stderr}`;
  return { ok: result.code === 0 && !/Exception/.test(output), output };
}

export interface GroupView {
  consumedByGroup: boolean;
  storedAt: { broker: string; queue: number; offset: number };
  totalLag: number;
  queues: { broker: string; queue: number; brokerOffset: number; consumerOffset: number; lag: number }[];
}

/**
 * The broker's view of a group when `endpoints` is the running sandbox's proxy (the sandbox admin's
 * credentials are at hand there): the group's consumer offset per queue, asked of the broker over
 * its own protocol, and whether it has moved past the message.
 */
export async function sandboxGroupView(
  endpoints: string,
  group: string,
  topic: string,
  message: { broker: string; queue: number; offset: number },
): Promise<GroupView | undefined> {
  const stateDir = sandboxDir();
  const isSandbox = endpoints
    .split(';')
    .some((e) => e === `127.0.0.1:${ROCKETMQ.proxyPort}` || e === `localhost:${ROCKETMQ.proxyPort}`);
  const secrets = readSecrets(stateDir);
  if (!isSandbox || !secrets) return undefined;
  const admin = { accessKey: secrets.rocketmq.adminAccessKey, secretKey: secrets.rocketmq.adminSecretKey };
  const stats = await consumeStats(ROCKETMQ.brokerPort, group, topic, admin);
  const queues = stats.map((q) => ({ ...q, lag: Math.max(0, q.brokerOffset - q.consumerOffset) }));
  const queue = queues.find((q) => q.broker === message.broker && q.queue === message.queue);
  return {
    consumedByGroup: queue !== undefined && queue.consumerOffset > message.offset,
    storedAt: message,
    totalLag: queues.reduce((sum, q) => sum + q.lag, 0),
    queues,
  };
}
