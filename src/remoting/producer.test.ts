import { describe, expect, it } from 'vitest';
import { NoQueueError } from './errors.js';
import { parseTopicRoute } from './nameserver.js';
import { pickWritableQueue, splitAddress } from './producer.js';

// A name server's answer as fastjson writes it: broker ids are bare number keys.
const route = parseTopicRoute(
  't',
  '{"brokerDatas":[{"brokerAddrs":{0:"10.0.0.1:10911",1:"10.0.0.2:10911"},"brokerName":"a","cluster":"c"},' +
    '{"brokerAddrs":{1:"10.0.0.3:10911"},"brokerName":"b","cluster":"c"}],' +
    '"queueDatas":[{"brokerName":"a","perm":6,"readQueueNums":4,"topicSysFlag":0,"writeQueueNums":2},' +
    '{"brokerName":"b","perm":6,"readQueueNums":4,"topicSysFlag":0,"writeQueueNums":4}]}',
);

describe('parseTopicRoute', () => {
  it('reads brokers with their addresses by id, and queue data', () => {
    expect(route.brokers[0]).toEqual({
      brokerName: 'a',
      cluster: 'c',
      addresses: { 0: '10.0.0.1:10911', 1: '10.0.0.2:10911' },
    });
    expect(route.queues[1]).toEqual({
      brokerName: 'b',
      readQueueNums: 4,
      writeQueueNums: 4,
      perm: 6,
      topicSysFlag: 0,
    });
  });
});

describe('pickWritableQueue', () => {
  it('picks among the write queues of brokers that have a master', () => {
    const picks = new Set([0, 0.49, 0.99].map((r) => JSON.stringify(pickWritableQueue(route, () => r))));
    expect([...picks].map((p) => JSON.parse(p))).toEqual([
      { brokerName: 'a', brokerAddress: '10.0.0.1:10911', queueId: 0 },
      { brokerName: 'a', brokerAddress: '10.0.0.1:10911', queueId: 1 },
    ]);
  });

  it('refuses a route with no writable queue', () => {
    const readOnly = { ...route, queues: route.queues.map((q) => ({ ...q, perm: 4 })) };
    expect(() => pickWritableQueue(readOnly)).toThrow(NoQueueError);
  });
});

describe('splitAddress', () => {
  it('splits host:port and [v6]:port', () => {
    expect(splitAddress('127.0.0.1:10911')).toEqual(['127.0.0.1', 10911]);
    expect(splitAddress('[::1]:10911')).toEqual(['::1', 10911]);
  });
});
