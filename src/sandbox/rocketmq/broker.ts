import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { speaksHttp2 } from '../../actions/network/probe.js';
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
import { nameServerRoutes } from './remoting.js';

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
    await waitUntilServing(stateDir, secrets, signal);
    return { pid: runningProxy, alreadyRunning: true };
  }
  // A half-running sandbox (one process died) is restarted as a whole.
  await stopDaemon(proxy);
  await stopDaemon(namesrv);
  await checkPortsFree(ROCKETMQ_PORTS, 'RocketMQ');

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
  if (!existsSync(provisionedMarker(stateDir))) {
    onProgress('provision');
    await provision(stateDir, secrets, signal);
  }
  await waitUntilServing(stateDir, secrets, signal);
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
        return (await nameServerRoutes(ROCKETMQ.namesrvPort, 'SELF_TEST_TOPIC', BROKER_ADDR))
          ? true
          : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 300, signal },
    );
  } catch (error) {
    if (error instanceof BrokerStartError) throw error;
    throw failure(proxy);
  }
}

/** The topic, the group, the learner and its permissions, with mqadmin; once per data folder. */
async function provision(stateDir: string, secrets: SandboxSecrets, signal?: AbortSignal): Promise<void> {
  const ns = ['-n', `127.0.0.1:${ROCKETMQ.namesrvPort}`, '-b', BROKER_ADDR];
  const learner = secrets.rocketmq.learnerAccessKey;
  const chains: string[][][] = [
    [
      ['createUser', ...ns, '-u', learner, '-p', secrets.rocketmq.learnerSecretKey, '-t', 'Normal'],
      [
        'createAcl',
        ...ns,
        '-s',
        `User:${learner}`,
        '-r',
        `Topic:${ROCKETMQ.learnerPrefix}*,Group:${ROCKETMQ.learnerPrefix}*`,
        '-a',
        'Pub,Sub',
        '-d',
        'Allow',
      ],
    ],
    [
      ['updateTopic', ...ns, '-t', ROCKETMQ.topic, '-r', '2', '-w', '2', '-a', '+message.type=NORMAL'],
      ['updateSubGroup', ...ns, '-g', ROCKETMQ.group],
    ],
    [['updateTopic', ...ns, '-t', ROCKETMQ.fifoTopic, '-r', '1', '-w', '1', '-a', '+message.type=FIFO']],
  ];
  const results = await Promise.all(
    chains.map(async (chain) => {
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
    `${JSON.stringify({ at: new Date().toISOString(), learner })}\n`,
  );
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
