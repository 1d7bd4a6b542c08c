import { KAFKA } from './kafka/config.js';
import { ROCKETMQ } from './rocketmq/config.js';
import { caFile, type SandboxSecrets } from './state.js';

export type ParamBag = Record<string, string>;

/** The parameters that point each tutorial at the sandbox brokers, secrets included. */
export function sandboxParams(
  stateDir: string,
  secrets: SandboxSecrets,
): { ckafka: ParamBag; rocketmq: ParamBag } {
  return {
    ckafka: {
      bootstrapServers: `localhost:${KAFKA.saslSslPort}`,
      securityProtocol: 'SASL_SSL',
      saslMechanism: 'PLAIN',
      username: KAFKA.learner,
      password: secrets.kafka.learnerPassword,
      caFile: caFile(stateDir),
      checkHostname: 'false',
      topic: KAFKA.topic,
      groupId: KAFKA.defaultGroup,
    },
    rocketmq: {
      endpoints: `127.0.0.1:${ROCKETMQ.proxyPort}`,
      accessKey: secrets.rocketmq.learnerAccessKey,
      secretKey: secrets.rocketmq.learnerSecretKey,
      namespace: '',
      topic: ROCKETMQ.topic,
      group: ROCKETMQ.group,
      tag: ROCKETMQ.tag,
      keys: ROCKETMQ.keys,
    },
  };
}

/** `bootstrapServers` -> `MQ_TUTOR_BOOTSTRAP_SERVERS` (DESIGN.md section 3). */
export function envName(key: string): string {
  return `MQ_TUTOR_${key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()}`;
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** `export MQ_TUTOR_...=...` lines for `eval "$(mq-tutor sandbox env)"`. */
export function exportLines(params: { ckafka: ParamBag; rocketmq: ParamBag }): string[] {
  const seen = new Map<string, string>();
  for (const bag of [params.ckafka, params.rocketmq]) {
    for (const [key, value] of Object.entries(bag)) {
      const name = envName(key);
      if (!seen.has(name)) seen.set(name, value);
    }
  }
  return [...seen].map(([name, value]) => `export ${name}=${shellQuote(value)}`);
}
