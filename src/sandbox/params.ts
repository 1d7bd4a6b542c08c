import { existsSync } from 'node:fs';
import { envVarName } from '../engine/params.js';
import { KAFKA } from './kafka/config.js';
import { ROCKETMQ } from './rocketmq/config.js';
import { caFile, type SandboxSecrets } from './state.js';

export type ParamBag = Record<string, string>;
export type SandboxBroker = 'kafka' | 'rocketmq';
export const SANDBOX_BROKERS: readonly SandboxBroker[] = ['kafka', 'rocketmq'];

/**
 * The ways a tutorial can reach one sandbox broker, each a complete set of parameters, most usual
 * first: Kafka over SASL_SSL and over SASL_PLAINTEXT; RocketMQ through its gRPC proxy. The session
 * picks the first set that agrees with the tutorial's choices and the values the user gave.
 */
export function sandboxParamSets(
  stateDir: string,
  secrets: SandboxSecrets,
  broker: SandboxBroker,
): ParamBag[] {
  if (broker === 'kafka') {
    const common = {
      saslMechanism: 'PLAIN',
      username: KAFKA.learner,
      password: secrets.kafka.learnerPassword,
      checkHostname: 'false',
      topic: KAFKA.topic,
      groupId: KAFKA.defaultGroup,
    };
    // The first key of each set is the choice that selects it.
    return [
      {
        securityProtocol: 'SASL_SSL',
        bootstrapServers: `localhost:${KAFKA.saslSslPort}`,
        caFile: caFile(stateDir),
        ...common,
      },
      {
        securityProtocol: 'SASL_PLAINTEXT',
        bootstrapServers: `localhost:${KAFKA.saslPlaintextPort}`,
        ...common,
      },
    ];
  }
  const keys = {
    accessKey: secrets.rocketmq.learnerAccessKey,
    secretKey: secrets.rocketmq.learnerSecretKey,
    namespace: '',
    tag: ROCKETMQ.tag,
    keys: ROCKETMQ.keys,
  };
  const full = (name: string) => `${ROCKETMQ.namespace}%${name}`;
  return [
    // The 5.x way: the gRPC proxy; which protocol it speaks is found out by the network step.
    {
      protocol: 'auto',
      endpoints: `127.0.0.1:${ROCKETMQ.proxyPort}`,
      topic: ROCKETMQ.topic,
      group: ROCKETMQ.group,
      ...keys,
    },
    // The document's way (a 4.x cluster): the name server, remoting, full TDMQ names.
    {
      protocol: 'remoting',
      endpoints: `127.0.0.1:${ROCKETMQ.namesrvPort}`,
      topic: full(ROCKETMQ.topic),
      group: full(ROCKETMQ.group),
      producerGroup: full(ROCKETMQ.group),
      ...keys,
    },
  ];
}

/** The sandbox name server that goes with its gRPC proxy's address, for a remoting client. */
export function sandboxNameServerFor(endpoints: string): string | undefined {
  const first = endpoints.split(/[,;]/)[0]?.trim() ?? '';
  return /^(127\.0\.0\.1|localhost):/.test(first) && first.endsWith(`:${ROCKETMQ.proxyPort}`)
    ? `127.0.0.1:${ROCKETMQ.namesrvPort}`
    : undefined;
}

/** Whether a broker's part of the sandbox has been set up in this state folder (Kafka: its CA exists). */
export function sandboxBrokerReady(stateDir: string, broker: SandboxBroker): boolean {
  return broker === 'kafka' ? existsSync(caFile(stateDir)) : true;
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** `export MQ_TUTOR_...=...` lines for `eval "$(mq-tutor sandbox env)"`: each broker's usual set. */
export function exportLines(bags: readonly ParamBag[]): string[] {
  const seen = new Map<string, string>();
  for (const bag of bags) {
    for (const [key, value] of Object.entries(bag)) {
      const name = envVarName(key);
      if (!seen.has(name)) seen.set(name, value);
    }
  }
  return [...seen].map(([name, value]) => `export ${name}=${shellQuote(value)}`);
}
