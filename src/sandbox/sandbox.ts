import { existsSync } from 'node:fs';
import path from 'node:path';
import { withLock } from '../util/lock.js';
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

/** Starts both brokers unless they run already. Idempotent; returns once both serve requests. */
export async function sandboxUp(
  options: { env?: NodeJS.ProcessEnv; signal?: AbortSignal; onProgress?: (p: SandboxProgress) => void } = {},
): Promise<SandboxUpResult> {
  const started = Date.now();
  const stateDir = sandboxDir(options.env);
  const report = options.onProgress ?? (() => {});
  const kafkaRunning = kafkaStatus(stateDir).running;
  const rocketmqRunning = rocketmqStatus(stateDir).running;
  if (!kafkaRunning || !rocketmqRunning) await checkToolchain();
  const secrets = ensureSecrets(stateDir);
  const kafka = await kafkaUp(
    stateDir,
    secrets,
    (phase) => report({ broker: 'kafka', phase }),
    options.signal,
  );
  const rocketmq = await rocketmqUp(
    stateDir,
    secrets,
    (phase) => report({ broker: 'rocketmq', phase }),
    options.signal,
  );
  return { stateDir, kafka, rocketmq, durationMs: Date.now() - started };
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
