import { describe, expect, it } from 'vitest';
import { allocateAveragely, type MessageQueue } from './allocate.js';

const queues = (n: number, topic = 't', brokerName = 'b'): MessageQueue[] =>
  Array.from({ length: n }, (_, queueId) => ({ topic, brokerName, queueId }));
const ids = (share: MessageQueue[]) => share.map((q) => q.queueId);

describe('allocateAveragely', () => {
  it('gives one consumer every queue', () => {
    expect(ids(allocateAveragely(queues(4), ['c1'], 'c1'))).toEqual([0, 1, 2, 3]);
  });

  it('splits evenly into contiguous runs, the first ones taking the remainder', () => {
    const cids = ['c3', 'c1', 'c2'];
    expect(ids(allocateAveragely(queues(8), cids, 'c1'))).toEqual([0, 1, 2]);
    expect(ids(allocateAveragely(queues(8), cids, 'c2'))).toEqual([3, 4, 5]);
    expect(ids(allocateAveragely(queues(8), cids, 'c3'))).toEqual([6, 7]);
  });

  it('leaves consumers beyond the number of queues idle', () => {
    const cids = ['a', 'b', 'c'];
    expect(ids(allocateAveragely(queues(2), cids, 'a'))).toEqual([0]);
    expect(ids(allocateAveragely(queues(2), cids, 'b'))).toEqual([1]);
    expect(allocateAveragely(queues(2), cids, 'c')).toEqual([]);
  });

  it('covers every queue exactly once whatever the counts', () => {
    for (let nq = 1; nq <= 9; nq++)
      for (let nc = 1; nc <= 5; nc++) {
        const cids = Array.from({ length: nc }, (_, i) => `192.168.0.${i}@${100 + i}`);
        const all = cids.flatMap((c) => ids(allocateAveragely(queues(nq), cids, c)));
        expect(all.sort((a, b) => a - b)).toEqual(Array.from({ length: nq }, (_, i) => i));
      }
  });

  it('sorts queues by topic, broker, then id, and ids the Java way (upper case first)', () => {
    const mixed = [
      ...queues(2, 'b-topic', 'broker-b'),
      ...queues(2, 'a-topic', 'broker-b'),
      ...queues(1, 'a-topic', 'broker-a'),
    ];
    expect(
      allocateAveragely(mixed, ['x', 'X'], 'X').map((q) => `${q.topic}/${q.brokerName}/${q.queueId}`),
    ).toEqual(['a-topic/broker-a/0', 'a-topic/broker-b/0', 'a-topic/broker-b/1']);
  });

  it('gives nothing to a consumer the broker does not list', () => {
    expect(allocateAveragely(queues(4), ['c1'], 'c9')).toEqual([]);
  });
});
