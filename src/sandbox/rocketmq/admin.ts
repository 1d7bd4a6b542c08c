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
  storedAt: { queue: number; offset: number } | null;
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

/** Rows of `mqadmin queryMsgByKey`: message id, queue id, queue offset. */
export function parseQueryByKey(output: string): { messageId: string; queue: number; offset: number }[] {
  return output
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((cells) => cells.length === 3 && /^[0-9A-F]{16,}$/.test(cells[0] ?? ''))
    .map(([messageId, queue, offset]) => ({
      messageId: messageId ?? '',
      queue: Number(queue),
      offset: Number(offset),
    }));
}

/**
 * The broker's view of a group when `endpoints` is the running sandbox's proxy (its admin tool is at
 * hand there): where the message was stored (found by its key), the group's consumer offset per
 * queue, and whether that offset has moved past the message.
 */
export async function sandboxGroupView(
  endpoints: string,
  group: string,
  topic: string,
  message: { messageId: string; key?: string },
  signal?: AbortSignal,
): Promise<GroupView | undefined> {
  const stateDir = sandboxDir();
  const isSandbox = endpoints
    .split(';')
    .some((e) => e === `127.0.0.1:${ROCKETMQ.proxyPort}` || e === `localhost:${ROCKETMQ.proxyPort}`);
  if (!isSandbox || !readSecrets(stateDir) || !existsSync(classpathFile(stateDir))) return undefined;
  const [progress, byKey] = await Promise.all([
    mqadmin(stateDir, ['consumerProgress', '-n', NAMESRV, '-g', group, '-t', topic], signal),
    message.key
      ? mqadmin(stateDir, ['queryMsgByKey', '-n', NAMESRV, '-t', topic, '-k', message.key], signal)
      : undefined,
  ]);
  const queues = parseConsumerProgress(progress.output, topic);
  const stored = byKey
    ? parseQueryByKey(byKey.output).find((m) => m.messageId === message.messageId)
    : undefined;
  const queue = stored && queues.find((q) => q.queue === stored.queue);
  return {
    consumedByGroup: queue !== undefined && stored !== undefined && queue.consumerOffset > stored.offset,
    storedAt: stored ? { queue: stored.queue, offset: stored.offset } : null,
    totalLag: queues.reduce((sum, q) => sum + Math.max(0, q.diff), 0),
    queues,
  };
}
