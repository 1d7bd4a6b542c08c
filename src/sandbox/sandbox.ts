import { existsSync } from 'node:fs';
import path from 'node:path';
import { withLock } from '../util/lock.js';
import { isPortOpen } from '../util/net.js';
import { type KafkaProgress, kafkaDown, kafkaStatus, kafkaUp } from './kafka/broker.js';
import { KAFKA } from './kafka/config.js';
import { sandboxParams } from './params.js';
import { checkToolchain } from './prerequisites.js';
import { type RocketmqProgress, rocketmqDown, rocketmqStatus, rocketmqUp } from './rocketmq/broker.js';
import { ROCKETMQ } from './rocketmq/config.js';
import { caFile, ensureSecrets, readSecrets, sandboxDir } from './state.js';

export type SandboxProgress =
  | { broker: 'kafka'; phase: KafkaProgress }
  | { broker: 'rocketmq'; phase: RocketmqProgress };

export interface BrokerStatus {
  broker: 'kafka' | 'rocketmq';
  running: boolean;
  pid?: number;
  ports: { name: string; port: number }[];
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
  { name: 'internal PLAINTEXT', port: KAFKA.internalPort },
  { name: 'controller', port: KAFKA.controllerPort },
];

export const ROCKETMQ_PORT_LIST = [
  { name: 'gRPC proxy', port: ROCKETMQ.proxyPort },
  { name: 'name server', port: ROCKETMQ.namesrvPort },
  { name: 'broker', port: ROCKETMQ.brokerPort },
];

export type BrokerName = 'kafka' | 'rocketmq';

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

/** Starts the brokers unless they run already. Idempotent; returns once they serve requests. */
export async function sandboxUp(options: SandboxUpOptions = {}): Promise<SandboxUpResult> {
  const started = Date.now();
  const stateDir = sandboxDir(options.env);
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
  return {
    stateDir,
    brokers: [
      { broker: 'kafka', ...kafkaStatus(stateDir), ports: KAFKA_PORT_LIST },
      { broker: 'rocketmq', ...rocketmqStatus(stateDir), ports: ROCKETMQ_PORT_LIST },
    ],
  };
}

/** The sandbox's connection parameters, or undefined before the first `up`. */
export function sandboxConnection(env?: NodeJS.ProcessEnv) {
  const stateDir = sandboxDir(env);
  const secrets = readSecrets(stateDir);
  if (!secrets || !existsSync(caFile(stateDir))) return undefined;
  return { stateDir, params: sandboxParams(stateDir, secrets), secrets };
}
