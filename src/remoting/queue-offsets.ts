import type { MessageQueue } from './allocate.js';
import type { RemotingConnection, RequestOptions } from './connection.js';
import { pull } from './consumer.js';
import { buildSubscription } from './subscription.js';

/**
 * Where a queue starts and ends, and where a moment in time falls in it, found with pulls alone: ACL
 * 2.0 files GET_MAX_OFFSET, GET_MIN_OFFSET and SEARCH_OFFSET_BY_TIMESTAMP under Get, which a learner
 * with Pub and Sub lacks, while every pull answer carries the queue's min and max offsets.
 */

export async function queueBounds(
  connection: RemotingConnection,
  group: string,
  queue: MessageQueue,
  options: RequestOptions = {},
): Promise<{ min: number; max: number }> {
  const r = await pull(
    connection,
    { group, queue, offset: 0, maxMessages: 1, subscription: buildSubscription(queue.topic, '*', 0) },
    options,
  );
  return { min: r.minOffset, max: r.maxOffset };
}

/** The first offset whose message was stored at or after `timestamp` (the max offset if none was). */
export async function offsetForTimestamp(
  connection: RemotingConnection,
  group: string,
  queue: MessageQueue,
  timestamp: number,
  options: RequestOptions = {},
): Promise<number> {
  const { min, max } = await queueBounds(connection, group, queue, options);
  const all = buildSubscription(queue.topic, '*', 0);
  let lo = min;
  let hi = max;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    const r = await pull(
      connection,
      { group, queue, offset: mid, maxMessages: 1, subscription: all },
      options,
    );
    const stored = r.messages[0]?.storeTimestamp;
    if (stored === undefined || stored >= timestamp) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
