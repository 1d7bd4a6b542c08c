import type { Credentials } from '../../remoting/acl.js';
import { isAuthFailure } from '../../remoting/classify.js';
import { RemotingConnection, type RequestOptions } from '../../remoting/connection.js';
import { consumerIdsByGroup, pull } from '../../remoting/consumer.js';
import { RemotingResponseError } from '../../remoting/errors.js';
import { nameServerTopics, topicRoute } from '../../remoting/nameserver.js';
import { splitAddress } from '../../remoting/producer.js';
import { buildSubscription } from '../../remoting/subscription.js';
import type { RemotingTarget } from './remoting-connection.js';

/**
 * Questions asked after a remoting failure to name it better (by a step's diagnosis), or one by one
 * (by `mq-tutor doctor`). Each is short and changes nothing on the broker.
 */
export const FOLLOW_UP_MS = 2000;

const withSignal = (signal: AbortSignal | undefined) => (signal ? { signal } : {});

/** The keys in the other order; undefined when swapping them cannot tell anything. */
export function swappedKeys(credentials: Credentials): Credentials | undefined {
  const { accessKey, secretKey } = credentials;
  if (!accessKey || !secretKey || accessKey === secretKey) return undefined;
  return { accessKey: secretKey, secretKey: accessKey };
}

export type KeysAnswer =
  | { accepted: true; consumers?: string[]; refusal?: RemotingResponseError }
  | { accepted: false; refusal: RemotingResponseError };

/**
 * Whether the broker accepts the keys this connection signs with: it is asked for the group's
 * consumers, one question the role may ask. Any answer but an authentication failure means the
 * keys were accepted (a permission refusal comes only after the keys were checked).
 */
export async function askWithKeys(
  connection: RemotingConnection,
  group: string,
  options: RequestOptions = {},
): Promise<KeysAnswer> {
  try {
    return { accepted: true, consumers: await consumerIdsByGroup(connection, group, options) };
  } catch (error) {
    if (!(error instanceof RemotingResponseError)) throw error;
    return isAuthFailure(error) ? { accepted: false, refusal: error } : { accepted: true, refusal: error };
  }
}

/** Asks the first broker of the topic's route one question with these keys; undefined: no broker. */
export async function askFirstBroker<T>(
  target: RemotingTarget,
  credentials: Credentials,
  signal: AbortSignal | undefined,
  question: (connection: RemotingConnection, brokerName: string) => Promise<T>,
): Promise<T | undefined> {
  const { route } = await topicRoute(target.topic, {
    nameServers: target.nameServers,
    timeoutMs: FOLLOW_UP_MS,
    ...withSignal(signal),
  });
  const broker = route.brokers[0];
  const address = broker?.addresses[0];
  if (!broker || !address) return undefined;
  const [host, port] = splitAddress(address);
  const connection = await RemotingConnection.open(host, port, {
    credentials,
    connectTimeoutMs: FOLLOW_UP_MS,
    ...withSignal(signal),
  });
  try {
    return await question(connection, broker.brokerName);
  } finally {
    connection.close();
  }
}

/** Whether the broker accepts the keys the other way round. */
export async function swappedKeysWork(
  target: RemotingTarget,
  signal: AbortSignal | undefined,
): Promise<boolean> {
  const swapped = swappedKeys(target.credentials);
  if (!swapped) return false;
  const answer = await askFirstBroker(target, swapped, signal, (connection) =>
    askWithKeys(connection, target.group, { timeoutMs: FOLLOW_UP_MS, ...withSignal(signal) }).catch(
      () => undefined,
    ),
  );
  return answer?.accepted === true;
}

/** Whether the broker knows `group`: a pull of one message in it says so, and changes nothing. */
export async function groupExists(target: RemotingTarget, group: string, signal: AbortSignal | undefined) {
  const known = await askFirstBroker(target, target.credentials, signal, (connection, brokerName) =>
    pull(
      connection,
      {
        group,
        queue: { topic: target.topic, brokerName, queueId: 0 },
        offset: 0,
        maxMessages: 1,
        subscription: buildSubscription(target.topic, '*'),
      },
      { timeoutMs: FOLLOW_UP_MS, ...withSignal(signal) },
    ).then(() => true),
  ).catch(() => false);
  return known === true;
}

/** A full name for a short one: the topic's own namespace, else one the name server's topics use. */
export async function fullNameKnown(
  target: RemotingTarget,
  name: string,
  signal: AbortSignal | undefined,
): Promise<string | undefined> {
  if (name.includes('%')) return undefined;
  const topics = await nameServerTopics({
    nameServers: target.nameServers,
    timeoutMs: FOLLOW_UP_MS,
    ...withSignal(signal),
  });
  const exact = topics.find((topic) => topic.endsWith(`%${name}`));
  if (exact) return exact;
  if (name !== target.group) return undefined;
  // A group is not on the name server: its namespace is the topic's, or the only one topics use.
  const namespaceOf = (n: string) => n.slice(0, n.lastIndexOf('%'));
  if (target.topic.includes('%')) return `${namespaceOf(target.topic)}%${name}`;
  const namespaces = new Set(topics.filter((n) => n.includes('%') && !n.startsWith('%')).map(namespaceOf));
  return namespaces.size === 1 ? `${[...namespaces][0]}%${name}` : undefined;
}
