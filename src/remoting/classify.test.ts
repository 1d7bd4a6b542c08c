import { describe, expect, it } from 'vitest';
import {
  deniedResource,
  isAuthFailure,
  isBrokerBusy,
  isGroupMissing,
  isPermissionDenied,
  isTopicMissing,
  isWorthRetrying,
  topicMissingAt,
} from './classify.js';
import { RemotingConnectionError, RemotingResponseError, RemotingTimeoutError } from './errors.js';

// Answers recorded from the 5.3.3 sandbox broker and name server.
const answer = (requestCode: number, code: number, remark: string) =>
  new RemotingResponseError(requestCode, code, remark, '127.0.0.1:10911');
const wrongSecret = answer(310, 16, 'check signature failed.');
const unknownKey = answer(310, 16, 'User:nobody-here is not found.');
const unsigned = answer(310, 16, 'username cannot be null.');
const topicDenied = answer(
  310,
  16,
  'User:learner-x has no permission to access Topic:restricted-topic from 127.0.0.1, no matched policies.',
);
const groupDenied = answer(
  11,
  16,
  'User:learner-x has no permission to access Group:rocketmq-sandbox|other%g from 127.0.0.1, no matched policies.',
);
const noRoute = answer(
  105,
  17,
  'No topic route info in name server for the topic: x\nSee https://rocketmq.apache.org/docs/bestPractice/06FAQ for further details.',
);
const noTopic = answer(
  310,
  17,
  'topic[x] not exist, apply first please!\nSee https://rocketmq.apache.org/docs/bestPractice/06FAQ for further details.',
);
const noGroup = answer(
  11,
  26,
  'subscription group [g] does not exist, \nSee https://rocketmq.apache.org/docs/bestPractice/06FAQ for further details.',
);

describe('classifiers', () => {
  it('tell authentication failures from permission refusals, though both are NO_PERMISSION', () => {
    for (const e of [wrongSecret, unknownKey, unsigned]) {
      expect(isAuthFailure(e)).toBe(true);
      expect(isPermissionDenied(e)).toBe(false);
    }
    for (const e of [topicDenied, groupDenied]) {
      expect(isPermissionDenied(e)).toBe(true);
      expect(isAuthFailure(e)).toBe(false);
    }
  });

  it('name the resource a refusal is about, full TDMQ names included', () => {
    expect(deniedResource(topicDenied)).toEqual({ type: 'Topic', name: 'restricted-topic' });
    expect(deniedResource(groupDenied)).toEqual({ type: 'Group', name: 'rocketmq-sandbox|other%g' });
    expect(deniedResource(wrongSecret)).toBeUndefined();
  });

  it('see a missing topic at the name server and at the broker, and a missing group', () => {
    expect(isTopicMissing(noRoute) && topicMissingAt(noRoute)).toBe('nameserver');
    expect(isTopicMissing(noTopic) && topicMissingAt(noTopic)).toBe('broker');
    expect(isGroupMissing(noGroup)).toBe(true);
    expect(isTopicMissing(noGroup) || isGroupMissing(noTopic)).toBe(false);
  });

  it('say no for anything that is not a broker answer', () => {
    const other = new RemotingTimeoutError('request', '127.0.0.1:10911', 100, 11);
    for (const f of [isAuthFailure, isPermissionDenied, isTopicMissing, isGroupMissing]) {
      expect(f(other)).toBe(false);
      expect(f(new Error('check signature failed.'))).toBe(false);
    }
  });
});

describe('busy brokers and passing failures', () => {
  // Provoked on the sandbox broker: a send that waited in its queue past waitTimeMillsInSendQueue.
  const queueBusy = answer(
    310,
    2,
    '[TIMEOUT_CLEAN_QUEUE]broker busy, start flow control for a while, period in queue: 1ms, size of queue: 37',
  );
  const pageCacheBusy = answer(310, 1, '[PC_SYNCHRONIZED]broker busy, start flow control for a while');
  const storeFailed = answer(310, 1, 'create mapped file failed, server is busy or broken.');

  it('a busy answer, by code or by remark', () => {
    expect(isBrokerBusy(queueBusy)).toBe(true);
    expect(isBrokerBusy(pageCacheBusy)).toBe(true);
    expect(isBrokerBusy(answer(310, 215, 'flow control'))).toBe(true);
    expect(isBrokerBusy(wrongSecret)).toBe(false);
    expect(isBrokerBusy(answer(310, 1, 'message body is empty'))).toBe(false);
  });

  it('retries a busy broker, an internal error, a dropped connection and a late answer', () => {
    for (const error of [
      queueBusy,
      pageCacheBusy,
      storeFailed,
      answer(310, 14, 'service not available now'),
      new RemotingConnectionError('127.0.0.1:10911', undefined, 'CONNECTION_CLOSED'),
      new RemotingConnectionError('127.0.0.1:10911', undefined, 'ECONNRESET'),
      new RemotingTimeoutError('request', '127.0.0.1:10911', 5000, 310),
    ])
      expect(isWorthRetrying(error), error.message).toBe(true);
  });

  it('says a refusal or an address that cannot be reached at once', () => {
    for (const error of [
      wrongSecret,
      unknownKey,
      topicDenied,
      noRoute,
      noTopic,
      new RemotingConnectionError('127.0.0.1:1', undefined, 'ECONNREFUSED'),
      new RemotingConnectionError('nowhere.invalid:9876', undefined, 'ENOTFOUND'),
      new RemotingTimeoutError('connect', '10.0.0.1:9876', 3000),
      new Error('a bug of ours'),
    ])
      expect(isWorthRetrying(error), String(error)).toBe(false);
  });
});
