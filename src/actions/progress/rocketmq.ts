import type { Credentials } from '../../remoting/acl.js';
import { isGroupMissing } from '../../remoting/classify.js';
import { RemotingConnection } from '../../remoting/connection.js';
import { pull } from '../../remoting/consumer.js';
import { masterAddress, topicRoute } from '../../remoting/nameserver.js';
import { sendMessage, splitAddress } from '../../remoting/producer.js';
import { withRetries } from '../../remoting/retry.js';
import { buildSubscription } from '../../remoting/subscription.js';
import type { HostPort } from '../../util/addresses.js';
import { bounded, type ProgressChannel, parseMessage, pushQueue } from './channel.js';

export interface RocketmqChannelOptions {
  nameServers: HostPort[];
  credentials: Credentials;
  topic: string;
  /** A group that exists: pulls name it, and commit nothing. */
  readGroup: string;
  producerGroup: string;
  timeoutMs?: number;
}

const QUEUE_ID = 0;
/** How long a follower's pull waits at the broker for the next message. */
const HOLD_MS = 2000;
/**
 * The progress channel on a RocketMQ topic, over the name server and the remoting protocol whatever
 * route the tutorial takes: queue 0 only, so every reader sees one order. History is pulled from the
 * first offset on (no offset query, which a learner's role may not be allowed).
 */
export function rocketmqChannel(options: RocketmqChannelOptions): ProgressChannel {
  const timeoutMs = options.timeoutMs ?? 10_000;
  let broker: Promise<{ connection: RemotingConnection; brokerName: string }> | undefined;
  const subscription = buildSubscription(options.topic, '*');

  const queueBroker = (signal?: AbortSignal) => {
    broker ??= (async () => {
      const { route } = await topicRoute(options.topic, {
        nameServers: options.nameServers,
        credentials: options.credentials,
        timeoutMs,
        ...(signal ? { signal } : {}),
      });
      const brokerName = route.queues[0]?.brokerName ?? route.brokers[0]?.brokerName ?? '';
      const address = masterAddress(route, brokerName);
      if (!address) throw new Error(`the route of ${options.topic} lists no master broker`);
      const [host, port] = splitAddress(address);
      const connection = await RemotingConnection.open(host, port, {
        credentials: options.credentials,
        connectTimeoutMs: Math.min(timeoutMs, 3000),
      });
      connection.onClose(() => {
        broker = undefined;
      });
      return { connection, brokerName };
    })();
    broker.catch(() => {
      broker = undefined;
    });
    return broker;
  };

  /** Pulls from `offset` on; returns the messages and where the next pull starts. */
  async function pullFrom(offset: number, holdMs: number, signal?: AbortSignal) {
    const { connection, brokerName } = await queueBroker(signal);
    const result = await pull(
      connection,
      {
        group: options.readGroup,
        queue: { topic: options.topic, brokerName, queueId: QUEUE_ID },
        offset,
        maxMessages: 32,
        subscription,
        suspendMs: holdMs,
      },
      { timeoutMs: holdMs + timeoutMs, ...(signal ? { signal } : {}) },
    );
    const values = result.messages
      .map((m) => parseMessage(m.body.toString('utf8')))
      .filter((v) => v !== undefined);
    return { values, next: result.nextBeginOffset, status: result.status };
  }

  async function readAll(onValue: (v: unknown) => void, signal?: AbortSignal): Promise<number> {
    let offset = 0;
    for (;;) {
      signal?.throwIfAborted();
      const { values, next, status } = await withRetries(() => pullFrom(offset, 0, signal), { signal });
      for (const v of values) onValue(v);
      if (status === 'NO_NEW_MSG' || (status !== 'OFFSET_ILLEGAL' && next === offset)) return next;
      offset = next;
    }
  }

  return {
    async publish(message, signal) {
      const body = JSON.stringify(message);
      await withRetries(
        async () => {
          const { connection, brokerName } = await bounded(queueBroker(signal), timeoutMs, signal);
          await sendMessage(
            connection,
            options.producerGroup,
            { brokerName, brokerAddress: connection.address, queueId: QUEUE_ID },
            { topic: options.topic, body },
            { timeoutMs, ...(signal ? { signal } : {}) },
          );
        },
        signal ? { signal } : {},
      );
    },

    async history(signal) {
      const read: unknown[] = [];
      await bounded(
        readAll((v) => read.push(v), signal),
        timeoutMs * 3,
        signal,
      );
      return read;
    },

    follow(signal) {
      const queue = pushQueue<unknown>(signal);
      void (async () => {
        try {
          let offset = await readAll((v) => queue.push(v), signal);
          while (!signal.aborted) {
            const { values, next } = await withRetries(() => pullFrom(offset, HOLD_MS, signal), { signal });
            for (const v of values) queue.push(v);
            offset = next;
          }
        } catch (error) {
          if (!signal.aborted) queue.fail(error);
        }
      })();
      return queue.items;
    },

    async close() {
      const b = broker;
      broker = undefined;
      await b?.then((x) => x.connection.close()).catch(() => {});
    },
  };
}

/**
 * The groups of `groups` the broker does not know: a pull of one message in each says so (a pull
 * commits nothing and needs no offset query). Other refusals are thrown for the diagnosis.
 */
export async function missingGroups(
  options: Omit<RocketmqChannelOptions, 'readGroup' | 'producerGroup'>,
  groups: readonly string[],
  signal?: AbortSignal,
): Promise<string[]> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const { route } = await topicRoute(options.topic, {
    nameServers: options.nameServers,
    credentials: options.credentials,
    timeoutMs,
    ...(signal ? { signal } : {}),
  });
  const brokerName = route.queues[0]?.brokerName ?? '';
  const address = masterAddress(route, brokerName);
  if (!address) throw new Error(`the route of ${options.topic} lists no master broker`);
  const [host, port] = splitAddress(address);
  const connection = await RemotingConnection.open(host, port, { credentials: options.credentials });
  const missing: string[] = [];
  try {
    for (const group of groups) {
      try {
        await pull(
          connection,
          {
            group,
            queue: { topic: options.topic, brokerName, queueId: QUEUE_ID },
            offset: 0,
            maxMessages: 1,
            subscription: buildSubscription(options.topic, '*'),
          },
          { timeoutMs, ...(signal ? { signal } : {}) },
        );
      } catch (error) {
        if (!isGroupMissing(error)) throw error;
        missing.push(group);
      }
    }
  } finally {
    connection.close();
  }
  return missing;
}
