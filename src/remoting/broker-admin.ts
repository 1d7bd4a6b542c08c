import { RequestCode, ResponseCode } from './codes.js';
import type { RemotingConnection, RequestOptions } from './connection.js';
import { RemotingResponseError } from './errors.js';
import { parseFastjson } from './fastjson.js';

/**
 * Questions about a group or a queue that an operator asks (what mqadmin consumerProgress and
 * consumerConnection show). ACL 2.0 files them under the Get action: a user allowed only Pub and Sub
 * is refused them with NO_PERMISSION.
 */

export interface QueueProgress {
  topic: string;
  brokerName: string;
  queueId: number;
  brokerOffset: number;
  consumerOffset: number;
  lastTimestamp: number;
}

export interface ConsumeStats {
  consumeTps: number;
  queues: QueueProgress[];
}

export interface ConsumerConnectionInfo {
  clientId: string;
  clientAddr: string;
  language: string;
  version: number;
}

export interface GroupConnections {
  connections: ConsumerConnectionInfo[];
  consumeType?: string;
  messageModel?: string;
  consumeFromWhere?: string;
  /** Topic -> the subscription expression the group's consumers registered. */
  subscriptions: Record<string, string>;
}

async function ask(
  connection: RemotingConnection,
  code: number,
  extFields: Record<string, string | number | undefined>,
  options: RequestOptions,
) {
  const response = await connection.request({ code, extFields }, options);
  if (response.code !== ResponseCode.SUCCESS)
    throw new RemotingResponseError(code, response.code, response.remark, connection.address);
  return response;
}

/** GET_CONSUME_STATS: per queue, the broker's end and the group's committed offset. */
export async function consumeStats(
  connection: RemotingConnection,
  group: string,
  topic?: string,
  options: RequestOptions = {},
): Promise<ConsumeStats> {
  const response = await ask(
    connection,
    RequestCode.GET_CONSUME_STATS,
    { consumerGroup: group, topic },
    options,
  );
  return parseConsumeStats(response.body.toString('utf8'));
}

export function parseConsumeStats(body: string): ConsumeStats {
  const raw = parseFastjson(body) as {
    consumeTps?: number;
    offsetTable?: Record<string, Record<string, number>>;
  };
  const queues = Object.entries(raw.offsetTable ?? {}).map(([key, value]) => {
    const q = JSON.parse(key) as { topic: string; brokerName: string; queueId: number };
    return {
      topic: q.topic,
      brokerName: q.brokerName,
      queueId: q.queueId,
      brokerOffset: value.brokerOffset ?? 0,
      consumerOffset: value.consumerOffset ?? 0,
      lastTimestamp: value.lastTimestamp ?? 0,
    };
  });
  return { consumeTps: raw.consumeTps ?? 0, queues };
}

/** GET_CONSUMER_CONNECTION_LIST: who is connected to the group at this broker. */
export async function consumerConnections(
  connection: RemotingConnection,
  group: string,
  options: RequestOptions = {},
): Promise<GroupConnections> {
  const response = await ask(
    connection,
    RequestCode.GET_CONSUMER_CONNECTION_LIST,
    { consumerGroup: group },
    options,
  );
  const raw = parseFastjson(response.body.toString('utf8')) as {
    connectionSet?: ConsumerConnectionInfo[];
    consumeType?: string;
    messageModel?: string;
    consumeFromWhere?: string;
    subscriptionTable?: Record<string, { subString?: string }>;
  };
  return {
    connections: (raw.connectionSet ?? []).map((c) => ({
      clientId: c.clientId,
      clientAddr: c.clientAddr,
      language: c.language,
      version: c.version,
    })),
    ...(raw.consumeType ? { consumeType: raw.consumeType } : {}),
    ...(raw.messageModel ? { messageModel: raw.messageModel } : {}),
    ...(raw.consumeFromWhere ? { consumeFromWhere: raw.consumeFromWhere } : {}),
    subscriptions: Object.fromEntries(
      Object.entries(raw.subscriptionTable ?? {}).map(([topic, s]) => [topic, s.subString ?? '']),
    ),
  };
}

/** SEARCH_OFFSET_BY_TIMESTAMP: the first offset of a queue stored at or after `timestamp`. */
export async function searchOffset(
  connection: RemotingConnection,
  topic: string,
  queueId: number,
  timestamp: number,
  options: RequestOptions = {},
): Promise<number> {
  const response = await ask(
    connection,
    RequestCode.SEARCH_OFFSET_BY_TIMESTAMP,
    { topic, queueId, timestamp },
    options,
  );
  return Number(response.extFields.offset);
}

/** GET_MAX_OFFSET: the offset the next message of the queue will get. */
export async function maxOffset(
  connection: RemotingConnection,
  topic: string,
  queueId: number,
  options: RequestOptions = {},
): Promise<number> {
  const response = await ask(connection, RequestCode.GET_MAX_OFFSET, { topic, queueId }, options);
  return Number(response.extFields.offset);
}

/** GET_MIN_OFFSET: the oldest offset the queue still holds. */
export async function minOffset(
  connection: RemotingConnection,
  topic: string,
  queueId: number,
  options: RequestOptions = {},
): Promise<number> {
  const response = await ask(connection, RequestCode.GET_MIN_OFFSET, { topic, queueId }, options);
  return Number(response.extFields.offset);
}
