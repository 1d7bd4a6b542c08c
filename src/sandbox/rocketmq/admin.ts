import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { run } from '../../util/exec.js';
import { readSecrets, sandboxDir } from '../state.js';
import { ROCKETMQ } from './config.js';

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

const NAMESRV = `127.0.0.1:${ROCKETMQ.namesrvPort}`;

export interface GroupView {
  consumedByGroup: boolean;
  totalLag: number;
  queues: { broker: string; queue: number; brokerOffset: number; consumerOffset: number; diff: number }[];
}

/** Parses `mqadmin consumerProgress` rows: topic, broker, queue, broker offset, consumer offset, diff, ... */
export function parseConsumerProgress(output: string, topic: string): GroupView['queues'] {
  const rows: GroupView['queues'] = [];
  for (const line of output.split('\n')) {
    const cells = line.trim().split(/\s+/);
    if (cells[0] !== topic || cells.length < 6) continue;
    const [, broker, queue, brokerOffset, consumerOffset, diff] = cells;
    rows.push({
      broker: broker ?? '',
      queue: Number(queue),
      brokerOffset: Number(brokerOffset),
      consumerOffset: Number(consumerOffset),
      diff: Number(diff),
    });
  }
  return rows;
}

export interface QueuePosition {
  broker: string;
  queueId: number;
  offset: number;
}

/**
 * The broker's view of a group when `endpoints` is the running sandbox's proxy (its admin tool is at
 * hand there): the group's consumer offset per queue, and whether it has moved past the message.
 */
export async function sandboxGroupView(
  endpoints: string,
  group: string,
  topic: string,
  message: QueuePosition,
  signal?: AbortSignal,
): Promise<GroupView | undefined> {
  const stateDir = sandboxDir();
  const isSandbox = endpoints
    .split(';')
    .some((e) => e === `127.0.0.1:${ROCKETMQ.proxyPort}` || e === `localhost:${ROCKETMQ.proxyPort}`);
  if (!isSandbox || !readSecrets(stateDir) || !existsSync(classpathFile(stateDir))) return undefined;
  const progress = await mqadmin(
    stateDir,
    ['consumerProgress', '-n', NAMESRV, '-g', group, '-t', topic],
    signal,
  );
  const queues = parseConsumerProgress(progress.output, topic);
  const queue = queues.find((q) => q.broker === message.broker && q.queue === message.queueId);
  return {
    consumedByGroup: queue !== undefined && queue.consumerOffset > message.offset,
    totalLag: queues.reduce((sum, q) => sum + Math.max(0, q.diff), 0),
    queues,
  };
}
