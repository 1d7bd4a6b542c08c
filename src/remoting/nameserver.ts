import { type HostPort, parseAddressList } from '../util/addresses.js';
import type { Credentials } from './acl.js';
import { RequestCode, ResponseCode } from './codes.js';
import { RemotingConnection } from './connection.js';
import {
  InvalidAddressError,
  NameServersUnreachableError,
  RemotingConnectionError,
  type RemotingError,
  RemotingResponseError,
  RemotingTimeoutError,
} from './errors.js';
import { parseFastjson } from './fastjson.js';

export interface BrokerRoute {
  brokerName: string;
  cluster: string;
  /** By broker id; 0 is the master. */
  addresses: Record<number, string>;
}

export interface QueueRoute {
  brokerName: string;
  readQueueNums: number;
  writeQueueNums: number;
  /** PermName bits: 4 read, 2 write, 1 inherit. */
  perm: number;
  topicSysFlag: number;
}

export interface TopicRoute {
  topic: string;
  brokers: BrokerRoute[];
  queues: QueueRoute[];
}

export interface NameServerOptions {
  /** A string as a console prints it, or already parsed addresses. */
  nameServers: string | HostPort[];
  credentials?: Credentials;
  connectTimeoutMs?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface RouteAnswer {
  route: TopicRoute;
  /** The name server that answered. */
  nameServer: string;
  /** Those tried before it that could not be reached, and why. */
  unreachable: { address: string; error: RemotingError }[];
}

export const PERM_READ = 4;
export const PERM_WRITE = 2;

export function resolveNameServers(nameServers: string | HostPort[]): HostPort[] {
  if (typeof nameServers !== 'string') return nameServers;
  const parsed = parseAddressList(nameServers);
  if (!parsed.ok) throw new InvalidAddressError(nameServers, parsed.problem);
  return parsed.addresses;
}

/**
 * The route of a topic: which brokers hold it, at which addresses, with how many queues. Name servers
 * are tried in order; one that cannot be reached is skipped (and reported), one that answers is final.
 * A topic the name server does not know is a RemotingResponseError with TOPIC_NOT_EXIST.
 */
export async function topicRoute(topic: string, options: NameServerOptions): Promise<RouteAnswer> {
  const answer = await askNameServers(RequestCode.GET_ROUTEINFO_BY_TOPIC, { topic }, options);
  return { ...answer, route: parseTopicRoute(topic, answer.body) };
}

/** Every topic the name server knows (what a console's topic list is made from). */
export async function nameServerTopics(options: NameServerOptions): Promise<string[]> {
  const { body } = await askNameServers(RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER, {}, options);
  return (parseFastjson(body) as { topicList?: string[] }).topicList ?? [];
}

export interface RegisteredBroker {
  brokerName: string;
  cluster: string;
  addresses: Record<number, string>;
}

export interface BrokerRegistration {
  brokerName: string;
  clusterName: string;
  /** host:port the name server will hand out for the broker's topics. */
  address: string;
  topics: readonly string[];
}

/**
 * Registers a broker with the name server on this connection, as a real broker does: first itself,
 * then the topics it holds (the name server refuses a lone topic from a broker it does not know yet).
 * The sandbox's broken corners use it for a broker that is not there.
 */
export async function registerBroker(
  connection: RemotingConnection,
  broker: BrokerRegistration,
): Promise<void> {
  const topicConfig = (topicName: string) => ({
    topicName,
    readQueueNums: 1,
    writeQueueNums: 1,
    perm: PERM_READ | PERM_WRITE,
    topicFilterType: 'SINGLE_TAG',
    topicSysFlag: 0,
    order: false,
    attributes: {},
  });
  const held = Object.fromEntries(broker.topics.map((t) => [t, topicConfig(t)]));
  for (const topicConfigTable of [{}, held]) {
    const body = {
      topicConfigSerializeWrapper: {
        topicConfigTable,
        dataVersion: { counter: 1, stateVersion: 0, timestamp: Date.now() },
      },
      filterServerList: [],
    };
    const response = await connection.request({
      code: RequestCode.REGISTER_BROKER,
      extFields: {
        brokerName: broker.brokerName,
        brokerAddr: broker.address,
        clusterName: broker.clusterName,
        haServerAddr: broker.address,
        brokerId: 0,
        compressed: false,
        bodyCrc32: 0,
      },
      body: Buffer.from(JSON.stringify(body)),
    });
    if (response.code !== 0) throw new Error(`the name server refused the registration: ${response.remark}`);
  }
}

/** The brokers registered with the name server now, whatever topics they hold. */
export async function registeredBrokers(options: NameServerOptions): Promise<RegisteredBroker[]> {
  const { body } = await askNameServers(RequestCode.GET_BROKER_CLUSTER_INFO, {}, options);
  const raw = parseFastjson(body) as {
    brokerAddrTable?: Record<
      string,
      { brokerName: string; cluster: string; brokerAddrs?: Record<string, string> }
    >;
  };
  return Object.values(raw.brokerAddrTable ?? {}).map((b) => ({
    brokerName: b.brokerName,
    cluster: b.cluster,
    addresses: Object.fromEntries(
      Object.entries(b.brokerAddrs ?? {}).map(([id, addr]) => [Number(id), addr]),
    ),
  }));
}

/** One request to the first name server that can be reached; a refusal from one that answers is final. */
async function askNameServers(
  code: number,
  extFields: Record<string, string>,
  options: NameServerOptions,
): Promise<Omit<RouteAnswer, 'route'> & { body: string }> {
  const unreachable: { address: string; error: RemotingError }[] = [];
  for (const { host, port } of resolveNameServers(options.nameServers)) {
    options.signal?.throwIfAborted();
    let connection: RemotingConnection | undefined;
    try {
      connection = await RemotingConnection.open(host, port, {
        connectTimeoutMs: options.connectTimeoutMs ?? 1500,
        ...(options.credentials ? { credentials: options.credentials } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      });
      const response = await connection.request(
        { code, extFields },
        { timeoutMs: options.timeoutMs ?? 3000, ...(options.signal ? { signal: options.signal } : {}) },
      );
      if (response.code !== ResponseCode.SUCCESS)
        throw new RemotingResponseError(code, response.code, response.remark, connection.address);
      return { body: response.body.toString('utf8'), nameServer: connection.address, unreachable };
    } catch (error) {
      if (!isUnreachable(error)) throw error;
      unreachable.push({ address: `${host}:${port}`, error });
    } finally {
      connection?.close();
    }
  }
  throw new NameServersUnreachableError(unreachable);
}

function isUnreachable(error: unknown): error is RemotingError {
  return error instanceof RemotingConnectionError || error instanceof RemotingTimeoutError;
}

export function parseTopicRoute(topic: string, body: string): TopicRoute {
  const raw = parseFastjson(body) as {
    brokerDatas?: { brokerName: string; cluster: string; brokerAddrs?: Record<string, string> }[];
    queueDatas?: QueueRoute[];
  };
  return {
    topic,
    brokers: (raw.brokerDatas ?? []).map((b) => ({
      brokerName: b.brokerName,
      cluster: b.cluster,
      addresses: Object.fromEntries(
        Object.entries(b.brokerAddrs ?? {}).map(([id, addr]) => [Number(id), addr]),
      ),
    })),
    queues: (raw.queueDatas ?? []).map((q) => ({
      brokerName: q.brokerName,
      readQueueNums: q.readQueueNums,
      writeQueueNums: q.writeQueueNums,
      perm: q.perm,
      topicSysFlag: q.topicSysFlag ?? 0,
    })),
  };
}

/** The master's address of a broker in the route, as Java's findBrokerAddressInPublish. */
export function masterAddress(route: TopicRoute, brokerName: string): string | undefined {
  return route.brokers.find((b) => b.brokerName === brokerName)?.addresses[0];
}
