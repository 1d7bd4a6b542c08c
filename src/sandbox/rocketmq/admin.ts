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
 * even when a command fails, so callers judge by the output.
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
  return {
    ok: result.code === 0 && !/Exception|error|failed/i.test(output.replace(/\bfailed\s*=\s*0\b/gi, '')),
    output,
  };
}

const NAMESRV = `127.0.0.1:${ROCKETMQ.namesrvPort}`;

export interface GroupView {
  consumedByGroup: boolean;
  trackType: string;
  totalLag: number;
  queues: { broker: string; queue: number; brokerOffset: number; consumerOffset: number; diff: number }[];
}

/** Parses `mqadmin consumerProgress` rows: topic, broker, queue, broker offset, consumer offset, ... diff. */
export function parseConsumerProgress(output: string, topic: string): GroupView['queues'] {
  const rows: GroupView['queues'] = [];
  for (const line of output.split('\n')) {
    const cells = line.trim().split(/\s+/);
    if (cells[0] !== topic || cells.length < 6) continue;
    const [, broker, queue, brokerOffset, consumerOffset] = cells;
    const diff = Number(
      cells.find((c, i) => i >= 5 && /^-?\d+$/.test(c)) ?? Number(brokerOffset) - Number(consumerOffset),
    );
    rows.push({
      broker: broker ?? '',
      queue: Number(queue),
      brokerOffset: Number(brokerOffset),
      consumerOffset: Number(consumerOffset),
      diff,
    });
  }
  return rows;
}

/**
 * The broker's view of a group, when `endpoints` is the running sandbox's proxy: whether the message
 * is consumed by the group (mqadmin queryMsgById's track) and the group's backlog per queue.
 */
export async function sandboxGroupView(
  endpoints: string,
  group: string,
  topic: string,
  messageId: string,
  signal?: AbortSignal,
): Promise<GroupView | undefined> {
  const stateDir = sandboxDir();
  const isSandbox = endpoints
    .split(';')
    .some((e) => e === `127.0.0.1:${ROCKETMQ.proxyPort}` || e === `localhost:${ROCKETMQ.proxyPort}`);
  if (!isSandbox || !readSecrets(stateDir) || !existsSync(classpathFile(stateDir))) return undefined;
  const [track, progress] = await Promise.all([
    mqadmin(stateDir, ['queryMsgById', '-n', NAMESRV, '-i', messageId], signal),
    mqadmin(stateDir, ['consumerProgress', '-n', NAMESRV, '-g', group], signal),
  ]);
  const trackLine =
    track.output.split('\n').find((l) => l.includes(group) && /TrackType|CONSUMED|NOT_CONSUME/.test(l)) ?? '';
  const trackType =
    /(CONSUMED_BUT_FILTERED|CONSUMED|NOT_CONSUME_YET|NOT_ONLINE|PULL|UNKNOWN)/.exec(trackLine)?.[1] ??
    'UNKNOWN';
  const queues = parseConsumerProgress(progress.output, topic);
  return {
    consumedByGroup: trackType === 'CONSUMED',
    trackType,
    totalLag: queues.reduce((sum, q) => sum + Math.max(0, q.diff), 0),
    queues,
  };
}
