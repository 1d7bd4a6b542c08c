export interface MessageQueue {
  topic: string;
  brokerName: string;
  queueId: number;
}

/** MessageQueue.compareTo: topic, then broker name, then queue id. */
export function compareQueues(a: MessageQueue, b: MessageQueue): number {
  if (a.topic !== b.topic) return a.topic < b.topic ? -1 : 1;
  if (a.brokerName !== b.brokerName) return a.brokerName < b.brokerName ? -1 : 1;
  return a.queueId - b.queueId;
}

/**
 * This consumer's share of the queues, as AllocateMessageQueueAveragely gives it: both lists sorted
 * the Java way, then each consumer takes a contiguous run, the first `queues % consumers` one more.
 * Every member of the group computes the same split from the same lists, which is how they agree.
 */
export function allocateAveragely(
  queues: readonly MessageQueue[],
  consumerIds: readonly string[],
  currentId: string,
): MessageQueue[] {
  const mqAll = [...queues].sort(compareQueues);
  const cidAll = [...consumerIds].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const index = cidAll.indexOf(currentId);
  if (index < 0 || mqAll.length === 0) return [];
  const mod = mqAll.length % cidAll.length;
  const base = Math.floor(mqAll.length / cidAll.length);
  const averageSize = mqAll.length <= cidAll.length ? 1 : mod > 0 && index < mod ? base + 1 : base;
  const startIndex = mod > 0 && index < mod ? index * averageSize : index * averageSize + mod;
  const range = Math.min(averageSize, mqAll.length - startIndex);
  const result: MessageQueue[] = [];
  for (let i = 0; i < range; i++) result.push(mqAll[(startIndex + i) % mqAll.length]!);
  return result;
}
