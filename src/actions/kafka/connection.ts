import { readFileSync } from 'node:fs';
import type { Kafka, KafkaConfig } from 'kafkajs';
import { splitHostPorts } from '../../engine/params.js';
import { type Reachable, reachableServers } from '../network/reachable.js';
import type { ActionContext, ParamValues } from '../types.js';

export interface KafkaConnection {
  brokers: string[];
  securityProtocol: 'SASL_PLAINTEXT' | 'SASL_SSL';
  username: string;
  password: string;
  caFile?: string;
  checkHostname: boolean;
}

export function kafkaConnection(params: ParamValues): KafkaConnection {
  const securityProtocol = params.securityProtocol === 'SASL_SSL' ? 'SASL_SSL' : 'SASL_PLAINTEXT';
  return {
    brokers: splitHostPorts(params.bootstrapServers ?? ''),
    securityProtocol,
    username: params.username ?? '',
    password: params.password ?? '',
    caFile: securityProtocol === 'SASL_SSL' ? params.caFile : undefined,
    checkHostname: (params.checkHostname ?? 'false').toLowerCase() === 'true',
  };
}

/**
 * The connection with only the bootstrap servers that answer. kafkajs moves on to the next seed
 * broker only within its few retries, and a dead one in the list would also hide the real answer of
 * a live one (e.g. a TLS port spoken to in plaintext) behind a refused connection.
 */
export async function reachableConnection(
  conn: KafkaConnection,
  ctx: ActionContext,
): Promise<{ connection: KafkaConnection; reachable: Reachable }> {
  const reachable = await reachableServers(conn.brokers, ctx);
  return { connection: { ...conn, brokers: reachable.servers }, reachable };
}

/**
 * Short, bounded timeouts so that a silent address or a dead broker surfaces in seconds (a connect is
 * tried twice: 12 s at most); kafkajs's own log lines never reach the user (they would print raw and,
 * at debug level, could carry secrets). A TLS handshake on a machine running a room of thirty was
 * seen to take over 4 s, hence 6 s and not less.
 */
export const KAFKA_TIMEOUTS = {
  connectionTimeout: 6000,
  authenticationTimeout: 8000,
  requestTimeout: 8000,
  retry: { retries: 1, initialRetryTime: 60, maxRetryTime: 1500 },
} as const;

/**
 * For the workshop's progress topic, which nobody diagnoses from its first failure: a room of learners
 * starting at once on a small machine can take several seconds per TLS handshake, and a dropped
 * request is better tried again than reported.
 */
export const PATIENT_KAFKA_TIMEOUTS = {
  connectionTimeout: 12_000,
  authenticationTimeout: 12_000,
  requestTimeout: 20_000,
  retry: { retries: 4, initialRetryTime: 300, maxRetryTime: 4000 },
} as const;

type KafkaTimeouts = typeof KAFKA_TIMEOUTS | typeof PATIENT_KAFKA_TIMEOUTS;

export async function createKafka(
  conn: KafkaConnection,
  clientId: string,
  timeouts: KafkaTimeouts = KAFKA_TIMEOUTS,
): Promise<Kafka> {
  const { Kafka, logLevel } = (await import('kafkajs')).default;
  const config: KafkaConfig = {
    clientId,
    brokers: conn.brokers,
    sasl: { mechanism: 'plain', username: conn.username, password: conn.password },
    ssl:
      conn.securityProtocol === 'SASL_SSL'
        ? {
            ca: conn.caFile ? [readFileSync(conn.caFile, 'utf8')] : undefined,
            rejectUnauthorized: true,
            // The document turns hostname checking off (ssl_check_hostname=False); the chain is still checked.
            ...(conn.checkHostname ? {} : { checkServerIdentity: () => undefined }),
          }
        : false,
    ...timeouts,
    enforceRequestTimeout: true,
    logLevel: logLevel.NOTHING,
    logCreator: () => () => {},
  };
  return new Kafka(config);
}

/** Runs `cleanup` once when the signal aborts; returns a function that cancels the hook. */
export function onAbort(signal: AbortSignal, cleanup: () => unknown): () => void {
  const handler = () => {
    void Promise.resolve()
      .then(cleanup)
      .catch(() => {});
  };
  if (signal.aborted) handler();
  else signal.addEventListener('abort', handler, { once: true });
  return () => signal.removeEventListener('abort', handler);
}
