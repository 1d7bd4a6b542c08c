import type { MessageQueue } from './allocate.js';
import { RequestCode, ResponseCode } from './codes.js';
import type { RemotingConnection, RequestOptions } from './connection.js';
import { RemotingResponseError } from './errors.js';
import { decodeMessages, Property, type StoredMessage } from './message.js';
import { matchesSubscription, type Subscription } from './subscription.js';
import { localIPv4 } from './unique-id.js';

/**
 * The requests a push consumer makes of a broker, one function each, on an open (signed) connection.
 * Each throws RemotingResponseError for an answer that means failure and returns plain data otherwise.
 */

export type ConsumeFromWhere =
  | 'CONSUME_FROM_LAST_OFFSET'
  | 'CONSUME_FROM_FIRST_OFFSET'
  | 'CONSUME_FROM_TIMESTAMP';

export interface ConsumerRegistration {
  clientId: string;
  group: string;
  subscriptions: Subscription[];
  consumeFromWhere?: ConsumeFromWhere;
}

/** A client id in Java's shape, ip@instance, unique per session even within one process. */
export function createClientId(): string {
  return `${localIPv4()}@${process.pid}#${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/** The retry topic of a group, where messages sent back wait to be consumed again. */
export function retryTopic(group: string): string {
  return `%RETRY%${group}`;
}

function fail(
  connection: RemotingConnection,
  code: number,
  response: { code: number; remark?: string },
): never {
  throw new RemotingResponseError(code, response.code, response.remark, connection.address);
}

/**
 * HEART_BEAT: registers a CLUSTERING, CONSUME_PASSIVELY consumer of `group` with its subscriptions on
 * this connection's channel. The broker drops it when the channel closes or heartbeats stop (~2 min).
 * A group the broker does not know is skipped silently: the answer is still SUCCESS.
 */
export async function heartbeat(
  connection: RemotingConnection,
  registration: ConsumerRegistration,
  options: RequestOptions = {},
): Promise<void> {
  const body = {
    clientID: registration.clientId,
    producerDataSet: [],
    consumerDataSet: [
      {
        groupName: registration.group,
        consumeType: 'CONSUME_PASSIVELY',
        messageModel: 'CLUSTERING',
        consumeFromWhere: registration.consumeFromWhere ?? 'CONSUME_FROM_LAST_OFFSET',
        subscriptionDataSet: registration.subscriptions,
        unitMode: false,
      },
    ],
    heartbeatFingerprint: 0,
    withoutSub: false,
  };
  const response = await connection.request(
    { code: RequestCode.HEART_BEAT, body: Buffer.from(JSON.stringify(body), 'utf8') },
    options,
  );
  if (response.code !== ResponseCode.SUCCESS) fail(connection, RequestCode.HEART_BEAT, response);
}

/** UNREGISTER_CLIENT: leaves the group at once, so the others rebalance without waiting for a timeout. */
export async function unregister(
  connection: RemotingConnection,
  clientId: string,
  group: string,
  options: RequestOptions = {},
): Promise<void> {
  const response = await connection.request(
    { code: RequestCode.UNREGISTER_CLIENT, extFields: { clientID: clientId, consumerGroup: group } },
    options,
  );
  if (response.code !== ResponseCode.SUCCESS) fail(connection, RequestCode.UNREGISTER_CLIENT, response);
}

/** GET_CONSUMER_LIST_BY_GROUP: the client ids registered in the group at this broker ([] when none). */
export async function consumerIdsByGroup(
  connection: RemotingConnection,
  group: string,
  options: RequestOptions = {},
): Promise<string[]> {
  const response = await connection.request(
    { code: RequestCode.GET_CONSUMER_LIST_BY_GROUP, extFields: { consumerGroup: group } },
    options,
  );
  // The broker answers an empty group with SYSTEM_ERROR "no consumer for this group, <group>".
  if (
    response.code === ResponseCode.SYSTEM_ERROR &&
    response.remark?.startsWith('no consumer for this group')
  )
    return [];
  if (response.code !== ResponseCode.SUCCESS)
    fail(connection, RequestCode.GET_CONSUMER_LIST_BY_GROUP, response);
  const body = JSON.parse(response.body.toString('utf8')) as { consumerIdList?: string[] };
  return body.consumerIdList ?? [];
}

/** QUERY_CONSUMER_OFFSET: the group's committed offset on a queue, undefined when it has none yet. */
export async function queryConsumerOffset(
  connection: RemotingConnection,
  group: string,
  queue: MessageQueue,
  options: RequestOptions = {},
): Promise<number | undefined> {
  const response = await connection.request(
    {
      code: RequestCode.QUERY_CONSUMER_OFFSET,
      extFields: {
        consumerGroup: group,
        topic: queue.topic,
        queueId: queue.queueId,
        setZeroIfNotFound: false,
        bname: queue.brokerName,
      },
    },
    options,
  );
  if (response.code === ResponseCode.QUERY_NOT_FOUND) return undefined;
  if (response.code !== ResponseCode.SUCCESS) fail(connection, RequestCode.QUERY_CONSUMER_OFFSET, response);
  return Number(response.extFields.offset);
}

/** UPDATE_CONSUMER_OFFSET: commits `offset`, the next message the group is to consume on the queue. */
export async function updateConsumerOffset(
  connection: RemotingConnection,
  group: string,
  queue: MessageQueue,
  offset: number,
  options: RequestOptions = {},
): Promise<void> {
  const response = await connection.request(
    {
      code: RequestCode.UPDATE_CONSUMER_OFFSET,
      extFields: {
        consumerGroup: group,
        topic: queue.topic,
        queueId: queue.queueId,
        commitOffset: offset,
        bname: queue.brokerName,
      },
    },
    options,
  );
  if (response.code !== ResponseCode.SUCCESS) fail(connection, RequestCode.UPDATE_CONSUMER_OFFSET, response);
}

export type PullStatus = 'FOUND' | 'NO_NEW_MSG' | 'NO_MATCHED_MSG' | 'OFFSET_ILLEGAL';

export interface PullResult {
  status: PullStatus;
  nextBeginOffset: number;
  minOffset: number;
  maxOffset: number;
  /** Only those whose tag the subscription lists (the broker's filter is by hash, so it may let others by). */
  messages: StoredMessage[];
  /** Messages the broker sent that the client-side tag check dropped; the offsets move past them all the same. */
  filteredOut: number;
}

export interface PullRequest {
  group: string;
  queue: MessageQueue;
  offset: number;
  subscription: Subscription;
  maxMessages?: number;
  /** > 0: the broker holds the request up to this long for a message to arrive (long polling). */
  suspendMs?: number;
  /** Also commits this offset, as the Java push consumer does on every pull. */
  commitOffset?: number;
}

const PULL_FLAG_COMMIT_OFFSET = 0x1;
const PULL_FLAG_SUSPEND = 0x2;
const PULL_FLAG_SUBSCRIPTION = 0x4;

const PULL_STATUS: Record<number, PullStatus> = {
  [ResponseCode.SUCCESS]: 'FOUND',
  [ResponseCode.PULL_NOT_FOUND]: 'NO_NEW_MSG',
  [ResponseCode.PULL_RETRY_IMMEDIATELY]: 'NO_MATCHED_MSG',
  [ResponseCode.PULL_OFFSET_MOVED]: 'OFFSET_ILLEGAL',
};

/**
 * PULL_MESSAGE with the subscription in the request, so the broker filters by tag without relying on
 * a heartbeat. A suspended pull's request timeout must exceed `suspendMs`: give `options.timeoutMs`.
 */
export async function pull(
  connection: RemotingConnection,
  request: PullRequest,
  options: RequestOptions = {},
): Promise<PullResult> {
  const suspendMs = request.suspendMs ?? 0;
  let sysFlag = PULL_FLAG_SUBSCRIPTION;
  if (suspendMs > 0) sysFlag |= PULL_FLAG_SUSPEND;
  if (request.commitOffset !== undefined) sysFlag |= PULL_FLAG_COMMIT_OFFSET;
  const response = await connection.request(
    {
      code: RequestCode.PULL_MESSAGE,
      extFields: {
        consumerGroup: request.group,
        topic: request.queue.topic,
        queueId: request.queue.queueId,
        queueOffset: request.offset,
        maxMsgNums: request.maxMessages ?? 32,
        sysFlag,
        commitOffset: request.commitOffset ?? 0,
        suspendTimeoutMillis: suspendMs,
        subscription: request.subscription.subString,
        subVersion: request.subscription.subVersion,
        expressionType: request.subscription.expressionType,
        bname: request.queue.brokerName,
      },
    },
    { ...options, timeoutMs: options.timeoutMs ?? suspendMs + 5000 },
  );
  const status = PULL_STATUS[response.code];
  if (!status) fail(connection, RequestCode.PULL_MESSAGE, response);
  const all = status === 'FOUND' ? decodeMessages(response.body) : [];
  const messages = all.filter((m) => matchesSubscription(request.subscription, m.tags));
  const h = response.extFields;
  return {
    status,
    nextBeginOffset: Number(h.nextBeginOffset ?? request.offset),
    minOffset: Number(h.minOffset ?? 0),
    maxOffset: Number(h.maxOffset ?? 0),
    messages,
    filteredOut: all.length - messages.length,
  };
}

/**
 * CONSUMER_SEND_MSG_BACK: hands a message back to its group to be delivered again later (what Java does
 * for RECONSUME_LATER). The broker copies it into the group's retry topic with reconsumeTimes + 1 and
 * the delay of `delayLevel` (0: the broker's choice, 3 + reconsumeTimes, i.e. 10 s at first; 1: 1 s).
 * Send it to the master of the broker that stored the message.
 */
export async function sendBack(
  connection: RemotingConnection,
  group: string,
  message: Pick<StoredMessage, 'commitLogOffset' | 'msgId' | 'topic' | 'properties'>,
  options: RequestOptions & { delayLevel?: number; maxReconsumeTimes?: number } = {},
): Promise<void> {
  const originTopic = message.properties[Property.RETRY_TOPIC] ?? message.topic;
  const response = await connection.request(
    {
      code: RequestCode.CONSUMER_SEND_MSG_BACK,
      extFields: {
        offset: message.commitLogOffset,
        group,
        delayLevel: options.delayLevel ?? 0,
        originMsgId: message.msgId,
        originTopic,
        unitMode: false,
        maxReconsumeTimes: options.maxReconsumeTimes ?? 16,
      },
    },
    options,
  );
  if (response.code !== ResponseCode.SUCCESS) fail(connection, RequestCode.CONSUMER_SEND_MSG_BACK, response);
}
