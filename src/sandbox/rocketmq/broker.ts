import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { speaksHttp2 } from '../../actions/network/probe.js';
import { topicRoute } from '../../remoting/nameserver.js';
import { writeFileAtomic, writePrivateFile } from '../../util/files.js';
import { assetPath } from '../../util/paths.js';
import { waitFor } from '../../util/wait.js';
import { BrokerStartError } from '../errors.js';
import { resolveClasspath } from '../maven.js';
import { checkPortsFree } from '../prerequisites.js';
import { type Daemon, daemon, logTail, runningPid, startDaemon, stopDaemon } from '../process.js';
import type { SandboxSecrets } from '../state.js';
import { classpathFile, homeDir, mqadmin, rocketmqDir } from './admin.js';
import {
  brokerConf,
  jvmFlags,
  namesrvProperties,
  proxyJson,
  ROCKETMQ,
  ROCKETMQ_PORTS,
  toolsYml,
} from './config.js';
import { ensureDeadRoute, stopDeadRoute } from './dead-route.js';

export type RocketmqProgress = 'classpath' | 'namesrv' | 'proxy' | 'ready' | 'provision';

export function namesrvDaemon(stateDir: string): Daemon {
  const dir = rocketmqDir(stateDir);
  return daemon(dir, 'namesrv', path.join(dir, 'logs', 'namesrv.log'));
}

export function proxyDaemon(stateDir: string): Daemon {
  const dir = rocketmqDir(stateDir);
  return daemon(dir, 'proxy', path.join(dir, 'logs', 'proxy.log'));
}

const BROKER_ADDR = `127.0.0.1:${ROCKETMQ.brokerPort}`;

/** Starts the name server and the proxy (broker in-process) unless they run; resolves once they serve. */
export async function rocketmqUp(
  stateDir: string,
  secrets: SandboxSecrets,
  onProgress: (phase: RocketmqProgress) => void,
  signal?: AbortSignal,
): Promise<{ pid: number; alreadyRunning: boolean }> {
  const dir = rocketmqDir(stateDir);
  const namesrv = namesrvDaemon(stateDir);
  const proxy = proxyDaemon(stateDir);
  const auth = {
    adminAccessKey: secrets.rocketmq.adminAccessKey,
    adminSecretKey: secrets.rocketmq.adminSecretKey,
  };
  const runningProxy = runningPid(proxy);
  if (runningProxy !== undefined && runningPid(namesrv) !== undefined) {
    if (needsProvisioning(stateDir, secrets)) {
      onProgress('provision');
      await provision(stateDir, secrets, signal);
    }
    await waitUntilServing(stateDir, secrets, signal);
    await ensureDeadRoute(stateDir);
    return { pid: runningProxy, alreadyRunning: true };
  }
  // A half-running sandbox (one process died) is restarted as a whole.
  await stopDeadRoute(stateDir);
  await stopDaemon(proxy);
  await stopDaemon(namesrv);
  await checkPortsFree(ROCKETMQ_PORTS, 'RocketMQ', stateDir);

  onProgress('classpath');
  mkdirSync(path.join(dir, 'logs'), { recursive: true });
  const classpath = await resolveClasspath(
    assetPath('sandbox', 'rocketmq', 'pom.xml'),
    classpathFile(stateDir),
    signal,
  );
  const logback = path.join(dir, 'logback.xml');
  copyFileSync(assetPath('sandbox', 'rocketmq', 'logback.xml'), logback);
  const home = homeDir(stateDir);
  writePrivateFile(path.join(home, 'conf', 'tools.yml'), toolsYml(auth));
  writeFileAtomic(path.join(dir, 'namesrv.properties'), namesrvProperties(path.join(dir, 'namesrv')));
  writePrivateFile(path.join(dir, 'broker.conf'), brokerConf(path.join(dir, 'store'), auth));
  writeFileAtomic(path.join(dir, 'proxy.json'), proxyJson());
  const logs = path.join(dir, 'logs');
  const env = { ...process.env, ROCKETMQ_HOME: home };

  onProgress('namesrv');
  startDaemon(
    namesrv,
    'java',
    [
      '-Xms128m',
      '-Xmx256m',
      ...jvmFlags(home, logs, logback, 'namesrv'),
      '-cp',
      classpath,
      'org.apache.rocketmq.namesrv.NamesrvStartup',
      '-c',
      path.join(dir, 'namesrv.properties'),
    ],
    { cwd: dir, env },
  );
  onProgress('proxy');
  const pid = startDaemon(
    proxy,
    'java',
    [
      '-Xms256m',
      '-Xmx512m',
      '-XX:MaxDirectMemorySize=256m',
      ...jvmFlags(home, logs, logback, 'proxy'),
      '-cp',
      classpath,
      'org.apache.rocketmq.proxy.ProxyStartup',
      '-pm',
      'local',
      '-bc',
      path.join(dir, 'broker.conf'),
      '-pc',
      path.join(dir, 'proxy.json'),
    ],
    { cwd: dir, env },
  );

  onProgress('ready');
  await waitForProcesses(stateDir, signal);
  if (needsProvisioning(stateDir, secrets)) {
    onProgress('provision');
    await provision(stateDir, secrets, signal);
  }
  await waitUntilServing(stateDir, secrets, signal);
  await ensureDeadRoute(stateDir);
  return { pid, alreadyRunning: false };
}

function provisionedMarker(stateDir: string): string {
  return path.join(rocketmqDir(stateDir), 'store', 'mq-tutor-provisioned.json');
}

function failure(d: Daemon): BrokerStartError {
  return new BrokerStartError(
    d.name === 'namesrv' ? 'RocketMQ name server' : 'RocketMQ proxy',
    d.logFile,
    logTail(d),
  );
}

/** Both processes alive, the proxy answering HTTP/2, and the broker fully registered at the name server. */
async function waitForProcesses(stateDir: string, signal?: AbortSignal): Promise<void> {
  const namesrv = namesrvDaemon(stateDir);
  const proxy = proxyDaemon(stateDir);
  try {
    await waitFor(
      'RocketMQ',
      async () => {
        for (const d of [namesrv, proxy]) if (runningPid(d) === undefined) throw failure(d);
        if (!(await speaksHttp2('127.0.0.1', ROCKETMQ.proxyPort, 1000))) return undefined;
        return (await routesToBroker('SELF_TEST_TOPIC')) ? true : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 300, signal },
    );
  } catch (error) {
    if (error instanceof BrokerStartError) throw error;
    throw failure(proxy);
  }
}

/**
 * What the admin tool sets up, in stages: a data folder provisioned by an older mq-tutor gets only
 * the stages it lacks. Chains within a stage run side by side; each chain's commands in order.
 */
function provisionStages(secrets: SandboxSecrets): string[][][][] {
  const ns = ['-n', `127.0.0.1:${ROCKETMQ.namesrvPort}`, '-b', BROKER_ADDR];
  const { learnerAccessKey: learner, learnerSecretKey } = secrets.rocketmq;
  const full = (name: string) => `${ROCKETMQ.namespace}%${name}`;
  const topic = (name: string, queues: number, type: 'NORMAL' | 'FIFO') => {
    const q = String(queues);
    return ['updateTopic', ...ns, '-t', name, '-r', q, '-w', q, '-a', `+message.type=${type}`];
  };
  const group = (name: string) => ['updateSubGroup', ...ns, '-g', name];
  const allow = (resources: string, actions = 'Pub,Sub') => {
    return ['createAcl', ...ns, '-s', `User:${learner}`, '-r', resources, '-a', actions, '-d', 'Allow'];
  };
  const user = ['createUser', ...ns, '-u', learner, '-p', learnerSecretKey, '-t', 'Normal'];
  const prefix = ROCKETMQ.learnerPrefix;
  return [
    // 1: the learner, the 5.x-style topic and group, and a FIFO topic to show a type mismatch.
    [
      [user, allow(`Topic:${prefix}*,Group:${prefix}*`)],
      [topic(ROCKETMQ.topic, 2, 'NORMAL'), group(ROCKETMQ.group)],
      [topic(ROCKETMQ.fifoTopic, 1, 'FIFO')],
    ],
    // 2: a TDMQ 4.x-style namespace, whose topic and group exist under their full names.
    [
      [
        topic(full(ROCKETMQ.topic), 2, 'NORMAL'),
        group(full(ROCKETMQ.group)),
        allow(`Topic:${full('*')},Group:${full('*')}`),
      ],
    ],
    // 3: what the diagnoses are shown on: a topic known only by its full name, and a topic and a
    // group that exist but are not the learner's (the name server routes them; the broker refuses).
    [
      [topic(full(ROCKETMQ.fullOnlyTopic), 1, 'NORMAL')],
      [topic(ROCKETMQ.restrictedTopic, 1, 'NORMAL'), group(ROCKETMQ.restrictedGroup)],
    ],
    // 4: a group known only by its full name, as a topic is in stage 3.
    [[group(full(ROCKETMQ.fullOnlyGroup))]],
    // 5: mqadmin consumeMessage, a reader we did not write, asks for queue offsets (Get) and pulls
    // in its own TOOLS_CONSUMER group: the learner may do both in the 4.x namespace, so it reads
    // with the learner's keys. A policy for a resource replaces the old one: Pub and Sub stay listed.
    [[allow(`Topic:${full('*')}`, 'Pub,Sub,Get'), allow('Group:TOOLS_CONSUMER', 'Sub')]],
  ];
}

/** How many stages this data folder has had (0: none, or a marker from before stages counted as 1). */
function provisionedStages(stateDir: string): number {
  try {
    const marker = JSON.parse(readFileSync(provisionedMarker(stateDir), 'utf8')) as { stages?: number };
    return marker.stages ?? 1;
  } catch {
    return 0;
  }
}

/** The stages of provisioning this data folder lacks, with mqadmin. */
async function provision(stateDir: string, secrets: SandboxSecrets, signal?: AbortSignal): Promise<void> {
  const stages = provisionStages(secrets);
  for (let stage = provisionedStages(stateDir); stage < stages.length; stage++) {
    const results = await Promise.all(
      (stages[stage] ?? []).map(async (chain) => {
        const outputs: string[] = [];
        for (const args of chain) {
          const r = await mqadmin(stateDir, args, signal);
          outputs.push(`$ mqadmin ${args[0]}\n${r.output.trim()}`);
          if (!r.ok || !/success/i.test(r.output)) return { ok: false, outputs };
        }
        return { ok: true, outputs };
      }),
    );
    const failed = results.find((r) => !r.ok);
    if (failed)
      throw new BrokerStartError(
        'RocketMQ admin tool',
        path.join(rocketmqDir(stateDir), 'logs', 'tools.log'),
        failed.outputs.join('\n').slice(-1500),
      );
    writeFileAtomic(
      provisionedMarker(stateDir),
      `${JSON.stringify({ at: new Date().toISOString(), stages: stage + 1 })}\n`,
    );
  }
}

/** Whether `provision` has something left to do here. */
function needsProvisioning(stateDir: string, secrets: SandboxSecrets): boolean {
  return provisionedStages(stateDir) < provisionStages(secrets).length;
}

/** Ready means: the learner can fetch the route of tutorial-topic through the gRPC proxy. */
async function waitUntilServing(
  stateDir: string,
  secrets: SandboxSecrets,
  signal?: AbortSignal,
): Promise<void> {
  const { Producer } = await import('rocketmq-client-nodejs');
  const { silentLogger } = await import('../../actions/rocketmq/connection.js');
  const proxy = proxyDaemon(stateDir);
  try {
    await waitFor(
      'RocketMQ proxy',
      async () => {
        if (runningPid(proxy) === undefined) throw failure(proxy);
        const producer = new Producer({
          endpoints: `127.0.0.1:${ROCKETMQ.proxyPort}`,
          namespace: '',
          sessionCredentials: {
            accessKey: secrets.rocketmq.learnerAccessKey,
            accessSecret: secrets.rocketmq.learnerSecretKey,
          },
          requestTimeout: 2000,
          logger: silentLogger,
          topics: [ROCKETMQ.topic],
        });
        try {
          await Promise.race([
            producer.startup(),
            new Promise((_, reject) =>
              setTimeout(() => reject(new Error('startup timed out')), 5000).unref(),
            ),
          ]);
          return true;
        } finally {
          await Promise.race([
            producer.shutdown().catch(() => {}),
            new Promise((r) => setTimeout(r, 3000).unref()),
          ]);
        }
      },
      { timeoutMs: 60_000, intervalMs: 500, signal },
    );
  } catch (error) {
    if (error instanceof BrokerStartError) throw error;
    throw failure(proxy);
  }
}

export async function rocketmqDown(stateDir: string): Promise<boolean> {
  await stopDeadRoute(stateDir);
  const proxy = await stopDaemon(proxyDaemon(stateDir), 30_000);
  const namesrv = await stopDaemon(namesrvDaemon(stateDir));
  return proxy || namesrv;
}

export function rocketmqStatus(stateDir: string): { running: boolean; pid?: number; namesrvPid?: number } {
  const pid = runningPid(proxyDaemon(stateDir));
  const namesrvPid = runningPid(namesrvDaemon(stateDir));
  return pid !== undefined && namesrvPid !== undefined
    ? { running: true, pid, namesrvPid }
    : { running: false };
}

/**
 * True when the name server routes `topic` to the sandbox's broker. The broker's full registration
 * always carries SELF_TEST_TOPIC, so that topic proves the broker is registered, not just known.
 */
async function routesToBroker(topic: string): Promise<boolean> {
  try {
    const { route } = await topicRoute(topic, {
      nameServers: `127.0.0.1:${ROCKETMQ.namesrvPort}`,
      connectTimeoutMs: 1000,
      timeoutMs: 1000,
    });
    return route.brokers.some((b) => Object.values(b.addresses).includes(BROKER_ADDR));
  } catch {
    return false;
  }
}
