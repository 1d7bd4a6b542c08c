import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { withLock } from '../util/lock.js';
import { isPortOpen } from '../util/net.js';
import { UnusableFolderError } from '../util/paths.js';
import { type KafkaProgress, kafkaDown, kafkaStatus, kafkaUp } from './kafka/broker.js';
import { KAFKA } from './kafka/config.js';
import { type ParamBag, type SandboxBroker, sandboxBrokerReady, sandboxParamSets } from './params.js';
import { checkToolchain } from './prerequisites.js';
import { type RocketmqProgress, rocketmqDown, rocketmqStatus, rocketmqUp } from './rocketmq/broker.js';
import { ROCKETMQ } from './rocketmq/config.js';
import { ensureSecrets, readSecrets, type SandboxSecrets, sandboxDir } from './state.js';

export type SandboxProgress =
  | { broker: 'kafka'; phase: KafkaProgress }
  | { broker: 'rocketmq'; phase: RocketmqProgress };

export interface BrokerStatus {
  broker: SandboxBroker;
  running: boolean;
  pid?: number;
  /** Every process of the broker (RocketMQ: the name server and the proxy). */
  pids: number[];
  ports: { name: string; port: number }[];
  /** What to call a port not in `ports` (the proxy's own remoting server takes a random one). */
  otherPortName: string;
}

export interface SandboxUpResult {
  stateDir: string;
  kafka: { pid: number; alreadyRunning: boolean };
  rocketmq: { pid: number; alreadyRunning: boolean };
  durationMs: number;
}

export const KAFKA_PORT_LIST = [
  { name: 'SASL_PLAINTEXT', port: KAFKA.saslPlaintextPort },
  { name: 'SASL_SSL', port: KAFKA.saslSslPort },
  { name: 'SASL_PLAINTEXT misadvertised', port: KAFKA.misadvertisedPort },
  { name: 'SASL_SSL untrusted', port: KAFKA.untrustedPort },
  { name: 'internal PLAINTEXT', port: KAFKA.internalPort },
  { name: 'controller', port: KAFKA.controllerPort },
];

export const ROCKETMQ_PORT_LIST = [
  { name: 'gRPC proxy', port: ROCKETMQ.proxyPort },
  { name: 'name server', port: ROCKETMQ.namesrvPort },
  { name: 'broker', port: ROCKETMQ.brokerPort },
  { name: 'broker (fast)', port: ROCKETMQ.brokerFastPort },
  { name: 'broker HA', port: ROCKETMQ.brokerHaPort },
];

export type BrokerName = SandboxBroker;

export interface SandboxUpOptions {
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  onProgress?: (p: SandboxProgress) => void;
  /** Only these brokers (a tutorial needs one); default both. */
  only?: readonly BrokerName[];
  /**
   * Trust a broker whose process runs and whose port answers, without the full readiness check and
   * set-up (what a tutorial run wants; `sandbox up` itself always checks in full).
   */
  quick?: boolean;
}

const QUICK_PORT = { kafka: KAFKA.saslSslPort, rocketmq: ROCKETMQ.proxyPort } as const;

/**
 * The state folder holds keys (secrets.json, the broker's ACL store, logs that may echo them): it is
 * this user's alone, and so is everything already in it from an older version.
 */
export function makePrivate(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new UnusableFolderError(dir, (error as NodeJS.ErrnoException).code ?? String(error));
  }
  const walk = (at: string) => {
    try {
      // lstat: a link is left as it is, and never followed out of the folder.
      const st = lstatSync(at);
      if (st.isSymbolicLink()) return;
      if ((st.mode & 0o077) !== 0) chmodSync(at, st.mode & 0o700);
      if (st.isDirectory()) for (const name of readdirSync(at)) walk(path.join(at, name));
    } catch (error) {
      // The brokers make and remove files all the time (checkpoints, segments, logs): one gone
      // between the listing and the look at it is simply gone.
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return;
      throw new UnusableFolderError(dir, code ?? String(error));
    }
  };
  // Every time, not only when the folder itself is open: a broker started by an older version
  // (before daemons ran with umask 077) may have written files into a folder already made private.
  walk(dir);
}

/** Starts the brokers unless they run already. Idempotent; returns once they serve requests. */
export async function sandboxUp(options: SandboxUpOptions = {}): Promise<SandboxUpResult> {
  const started = Date.now();
  const stateDir = sandboxDir(options.env);
  makePrivate(stateDir);
  const report = options.onProgress ?? (() => {});
  const wanted = new Set<BrokerName>(options.only ?? ['kafka', 'rocketmq']);
  const status = { kafka: kafkaStatus(stateDir), rocketmq: rocketmqStatus(stateDir) };
  const secretsReady = readSecrets(stateDir) !== undefined;
  const ready = async (broker: BrokerName) =>
    status[broker].running && (await isPortOpen('127.0.0.1', QUICK_PORT[broker], 1000));
  if (options.quick && secretsReady) {
    const quick = await Promise.all([...wanted].map(ready));
    if (quick.every(Boolean)) {
      const same = (b: BrokerName) => ({ pid: status[b].pid ?? 0, alreadyRunning: true });
      return { stateDir, kafka: same('kafka'), rocketmq: same('rocketmq'), durationMs: Date.now() - started };
    }
  }
  // Two `up`s at once (two terminals, a test run and a wizard) take turns; the second finds it running.
  return withLock(
    path.join(stateDir, 'up.lock'),
    async () => {
      if ([...wanted].some((b) => !status[b].running)) await checkToolchain();
      const secrets = ensureSecrets(stateDir);
      const none = { pid: 0, alreadyRunning: false };
      const kafka = wanted.has('kafka')
        ? await kafkaUp(stateDir, secrets, (phase) => report({ broker: 'kafka', phase }), options.signal)
        : none;
      const rocketmq = wanted.has('rocketmq')
        ? await rocketmqUp(
            stateDir,
            secrets,
            (phase) => report({ broker: 'rocketmq', phase }),
            options.signal,
          )
        : none;
      return { stateDir, kafka, rocketmq, durationMs: Date.now() - started };
    },
    { timeoutMs: 15 * 60_000, signal: options.signal },
  );
}

export async function sandboxDown(env?: NodeJS.ProcessEnv): Promise<{ kafka: boolean; rocketmq: boolean }> {
  const stateDir = sandboxDir(env);
  const [rocketmq, kafka] = await Promise.all([rocketmqDown(stateDir), kafkaDown(stateDir)]);
  return { kafka, rocketmq };
}

export function sandboxStatus(env?: NodeJS.ProcessEnv): { stateDir: string; brokers: BrokerStatus[] } {
  const stateDir = sandboxDir(env);
  const kafka = kafkaStatus(stateDir);
  const rocketmq = rocketmqStatus(stateDir);
  const pids = (...list: (number | undefined)[]) => list.filter((p): p is number => p !== undefined);
  return {
    stateDir,
    brokers: [
      { broker: 'kafka', ...kafka, pids: pids(kafka.pid), ports: KAFKA_PORT_LIST, otherPortName: 'Kafka' },
      {
        broker: 'rocketmq',
        ...rocketmq,
        pids: pids(rocketmq.namesrvPid, rocketmq.pid),
        ports: ROCKETMQ_PORT_LIST,
        otherPortName: 'proxy remoting',
      },
    ],
  };
}

export interface SandboxConnection {
  stateDir: string;
  secrets: SandboxSecrets;
  /** The ways to reach each broker that has been set up here (see sandboxParamSets). */
  sets: Partial<Record<SandboxBroker, ParamBag[]>>;
}

/** The sandbox's connection parameters, per broker set up so far; undefined before the first `up`. */
export function sandboxConnection(env?: NodeJS.ProcessEnv): SandboxConnection | undefined {
  const stateDir = sandboxDir(env);
  const secrets = readSecrets(stateDir);
  if (!secrets) return undefined;
  const sets: SandboxConnection['sets'] = {};
  for (const broker of ['kafka', 'rocketmq'] as const) {
    if (sandboxBrokerReady(stateDir, broker)) sets[broker] = sandboxParamSets(stateDir, secrets, broker);
  }
  return { stateDir, secrets, sets };
}
