import type { HostPort } from '../util/addresses.js';
import type { Credentials } from './acl.js';
import { RequestCode, ResponseCode } from './codes.js';
import { RemotingConnection, type RequestOptions } from './connection.js';
import { InvalidMessageError, NoQueueError, RemotingError, RemotingResponseError } from './errors.js';
import { encodeProperties, KEY_SEPARATOR, Property } from './message.js';
import { masterAddress, PERM_WRITE, type TopicRoute, topicRoute } from './nameserver.js';
import { withRetries } from './retry.js';
import { createUniqueId } from './unique-id.js';

export type SendStatus = 'SEND_OK' | 'FLUSH_DISK_TIMEOUT' | 'FLUSH_SLAVE_TIMEOUT' | 'SLAVE_NOT_AVAILABLE';

export interface OutgoingMessage {
  topic: string;
  tag?: string;
  /** Joined with a space into the KEYS property, as Message.setKeys(Collection) does. */
  keys?: string[];
  body: Buffer | string;
  /** User properties; TAGS, KEYS, UNIQ_KEY and WAIT are set from the fields above. */
  properties?: Record<string, string>;
  /** 1..18 for the broker's delay levels (1s 5s 10s 30s 1m ...). */
  delayLevel?: number;
}

export interface SendResult {
  status: SendStatus;
  /** The UNIQ_KEY this client gave the message: what consoles and consumers call its msgId. */
  msgId: string;
  /** Where the broker stored it (store host + commit-log offset), as the broker answered. */
  offsetMsgId: string;
  topic: string;
  brokerName: string;
  brokerAddress: string;
  queueId: number;
  queueOffset: number;
}

export interface SendSyncOptions extends OutgoingMessage {
  nameServers: string | HostPort[];
  credentials?: Credentials;
  producerGroup: string;
  signal?: AbortSignal;
  /** For the whole send: route, connect and the broker's answer. */
  timeoutMs?: number;
}

export interface SendSyncResult extends SendResult {
  nameServer: string;
  /** Name servers tried first that could not be reached. */
  unreachableNameServers: string[];
}

/** Java's DefaultMQProducer refuses bodies above 4 MiB; brokers default to the same. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

/**
 * Sends one message and waits for the broker to store it, as DefaultMQProducer.send(msg) does: the
 * route from a name server, a writable queue, then SEND_MESSAGE_V2 to that queue's master, signed;
 * tried again (a new route and queue) while the broker is busy or the connection drops.
 */
export async function sendSync(options: SendSyncOptions): Promise<SendSyncResult> {
  const deadline = Date.now() + (options.timeoutMs ?? 5000);
  // Java's producer tries a send three times when the broker is busy or the connection drops.
  return withRetries(() => sendOnce(options, deadline), {
    until: deadline,
    ...(options.signal ? { signal: options.signal } : {}),
  });
}

async function sendOnce(options: SendSyncOptions, deadline: number): Promise<SendSyncResult> {
  const left = () => Math.max(1, deadline - Date.now());
  const answer = await topicRoute(options.topic, {
    nameServers: options.nameServers,
    ...(options.credentials ? { credentials: options.credentials } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    timeoutMs: left(),
  });
  const queue = pickWritableQueue(answer.route);
  const [host, port] = splitAddress(queue.brokerAddress);
  const connection = await RemotingConnection.open(host, port, {
    connectTimeoutMs: Math.min(left(), 3000),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  try {
    const result = await sendMessage(connection, options.producerGroup, queue, options, {
      timeoutMs: left(),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    return {
      ...result,
      nameServer: answer.nameServer,
      unreachableNameServers: answer.unreachable.map((u) => u.address),
    };
  } finally {
    connection.close();
  }
}

export interface TargetQueue {
  brokerName: string;
  brokerAddress: string;
  queueId: number;
}

/** A random writable queue on a broker whose master is known (Java starts its round robin at random). */
export function pickWritableQueue(route: TopicRoute, random = Math.random): TargetQueue {
  const queues: TargetQueue[] = [];
  for (const q of route.queues) {
    const address = masterAddress(route, q.brokerName);
    if (!address || (q.perm & PERM_WRITE) === 0) continue;
    for (let id = 0; id < q.writeQueueNums; id++)
      queues.push({ brokerName: q.brokerName, brokerAddress: address, queueId: id });
  }
  const queue = queues[Math.floor(random() * queues.length)];
  if (!queue) throw new NoQueueError(route.topic, 'write');
  return queue;
}

/** SEND_MESSAGE_V2 on an open connection to the queue's broker. */
export async function sendMessage(
  connection: RemotingConnection,
  producerGroup: string,
  queue: TargetQueue,
  message: OutgoingMessage,
  options: RequestOptions = {},
): Promise<SendResult> {
  const body = typeof message.body === 'string' ? Buffer.from(message.body, 'utf8') : message.body;
  if (body.length === 0) throw new InvalidMessageError('empty-body');
  if (body.length > MAX_BODY_BYTES) throw new InvalidMessageError('body-too-large');
  const msgId = createUniqueId();
  const properties: Record<string, string> = { ...message.properties };
  if (message.tag) properties[Property.TAGS] = message.tag;
  if (message.keys && message.keys.length > 0) properties[Property.KEYS] = message.keys.join(KEY_SEPARATOR);
  if (message.delayLevel !== undefined) properties[Property.DELAY_TIME_LEVEL] = String(message.delayLevel);
  properties[Property.WAIT_STORE_MSG_OK] = 'true';
  properties[Property.UNIQ_KEY] = msgId;
  // SendMessageRequestHeaderV2 names its fields a..n to keep every request small.
  const response = await connection.request(
    {
      code: RequestCode.SEND_MESSAGE_V2,
      extFields: {
        a: producerGroup,
        b: message.topic,
        c: 'TBW102',
        d: 4,
        e: queue.queueId,
        f: 0,
        g: Date.now(),
        h: 0,
        i: encodeProperties(properties),
        j: 0,
        k: false,
        m: false,
        n: queue.brokerName,
      },
      body,
    },
    options,
  );
  const status = SEND_STATUS[response.code];
  if (!status)
    throw new RemotingResponseError(
      RequestCode.SEND_MESSAGE_V2,
      response.code,
      response.remark,
      connection.address,
    );
  const header = response.extFields;
  if (header.msgId === undefined || header.queueOffset === undefined)
    throw new RemotingError(`send answered ${response.code} without msgId or queueOffset`);
  return {
    status,
    msgId,
    offsetMsgId: header.msgId,
    topic: message.topic,
    brokerName: queue.brokerName,
    brokerAddress: connection.address,
    queueId: header.queueId !== undefined ? Number(header.queueId) : queue.queueId,
    queueOffset: Number(header.queueOffset),
  };
}

const SEND_STATUS: Record<number, SendStatus> = {
  [ResponseCode.SUCCESS]: 'SEND_OK',
  [ResponseCode.FLUSH_DISK_TIMEOUT]: 'FLUSH_DISK_TIMEOUT',
  [ResponseCode.FLUSH_SLAVE_TIMEOUT]: 'FLUSH_SLAVE_TIMEOUT',
  [ResponseCode.SLAVE_NOT_AVAILABLE]: 'SLAVE_NOT_AVAILABLE',
};

/** "host:port" or "[v6]:port" as brokers register themselves. */
export function splitAddress(address: string): [string, number] {
  const colon = address.lastIndexOf(':');
  const host = address.slice(0, colon).replace(/^\[(.*)\]$/, '$1');
  return [host, Number(address.slice(colon + 1))];
}
