import type { ILogger } from 'rocketmq-client-nodejs';
import { normalize } from '../../naming/tdmq.js';
import { type Reachable, reachableServers } from '../network/reachable.js';
import type { ActionContext, ParamValues } from '../types.js';
import { endpointText } from './endpoints.js';

export interface RocketmqConnection {
  endpoints: string;
  namespace: string;
  accessKey: string;
  secretKey: string;
}

export function rocketmqConnection(params: ParamValues): RocketmqConnection {
  // A topic pasted with its full TDMQ name brings the namespace along.
  const topic = normalize(params.namespace ?? '', params.topic ?? '');
  return {
    endpoints: endpointText(params.endpoints),
    namespace: topic.namespace,
    accessKey: params.accessKey ?? '',
    secretKey: params.secretKey ?? '',
  };
}

/**
 * The connection with one endpoint: the first of the list that answers. The Node.js client turns a
 * list into a gRPC target that grpc-js cannot resolve, so a list is chosen from here, as the other
 * clients do by trying each address in turn.
 */
export async function reachableEndpoint(
  conn: RocketmqConnection,
  ctx: ActionContext,
): Promise<{ connection: RocketmqConnection; reachable: Reachable }> {
  const reachable = await reachableServers(conn.endpoints.split(';').filter(Boolean), ctx);
  return { connection: { ...conn, endpoints: reachable.servers[0] ?? conn.endpoints }, reachable };
}

export function shortName(params: ParamValues, key: 'topic' | 'group'): string {
  return normalize(params.namespace ?? '', params[key] ?? '').name;
}

/** The client logs to a file under ~/logs by default; its lines never reach the user's screen. */
export const silentLogger: ILogger = { info() {}, warn() {}, error() {}, debug() {} };

export const ROCKETMQ_TIMEOUTS = {
  requestTimeout: 5000,
  /** The client waits for the proxy's settings before it starts, forever without a bound. */
  startupMs: 10_000,
  shutdownMs: 5000,
} as const;

export function clientOptions(conn: RocketmqConnection) {
  return {
    endpoints: conn.endpoints,
    namespace: conn.namespace,
    sessionCredentials: { accessKey: conn.accessKey, accessSecret: conn.secretKey },
    requestTimeout: ROCKETMQ_TIMEOUTS.requestTimeout,
    logger: silentLogger,
  };
}

export class RocketmqStartupTimeout extends Error {
  constructor(readonly endpoints: string) {
    super(`the RocketMQ client did not finish starting against ${endpoints}`);
    this.name = 'RocketmqStartupTimeout';
  }
}

/** Starts a client with a time bound; on failure or timeout it is shut down before the error is thrown. */
export async function startBounded(
  client: { startup(): Promise<void>; shutdown(): Promise<void> },
  conn: RocketmqConnection,
  signal: AbortSignal,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RocketmqStartupTimeout(conn.endpoints)), ROCKETMQ_TIMEOUTS.startupMs);
  });
  const aborted = new Promise<never>((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
  const starting = client.startup();
  try {
    await Promise.race([starting, timeout, aborted]);
  } catch (error) {
    starting.catch(() => {});
    await shutdownBounded(client);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

export async function shutdownBounded(client: { shutdown(): Promise<void> }): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    client.shutdown().catch(() => {}),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ROCKETMQ_TIMEOUTS.shutdownMs);
      timer.unref();
    }),
  ]);
  clearTimeout(timer);
}

/** `keys` may list several keys, separated by commas or spaces. */
export function splitKeys(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[,\s]+/)
    .map((k) => k.trim())
    .filter(Boolean);
}
