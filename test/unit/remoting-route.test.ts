import { describe, expect, it } from 'vitest';
import { remotingTarget } from '../../src/actions/rocketmq/remoting-connection.js';
import { chosenProtocol } from '../../src/actions/rocketmq/route.js';
import { diagnose } from '../../src/diagnosis/diagnose.js';
import { localizeDiagnosis } from '../../src/diagnosis/localize.js';
import { checkValue } from '../../src/engine/params.js';
import { RequestCode, ResponseCode } from '../../src/remoting/codes.js';
import {
  NameServersUnreachableError,
  NotRemotingError,
  RemotingConnectionError,
  RemotingResponseError,
  RemotingTimeoutError,
} from '../../src/remoting/errors.js';
import { openTutorial } from '../../src/session/tutorials.js';

const rocketmq = openTutorial('rocketmq');
const values = { endpoints: 'http://127.0.0.1:9876', topic: 'tutorial-topic', group: 'tutorial-group' };
const ctx = (action = 'rocketmq.produce') => ({ action, values, timedOut: false, timeoutSeconds: 30 });
const answered = (request: number, response: number, remark: string) =>
  new RemotingResponseError(request, response, remark, '127.0.0.1:10911');

describe('the endpoints parameter takes addresses as the console prints them', () => {
  const def = rocketmq.params.endpoints!;
  it.each([
    'http://rocketmq-abc.rocketmq.ap-bj.public.tencenttdmq.com:9876',
    'https://nameserver.example.com:9876',
    '127.0.0.1:8081',
    '127.0.0.1:9876; 127.0.0.2:9876',
  ])('%s', (value) => expect(checkValue(def, value)).toBeUndefined());
  it('and says what is wrong with one it cannot use', () => {
    expect(checkValue(def, 'http://host')?.key).toBe('param.hostPort.noPort');
    expect(checkValue(def, 'ftp://host:9876')?.key).toBe('param.address.scheme');
    expect(checkValue(def, 'http://host:9876/namesrv')?.key).toBe('param.address.path');
  });
});

describe('the route', () => {
  it('protocol auto, remoting or grpc; anything else counts as auto', () => {
    expect(chosenProtocol({ protocol: 'remoting' })).toBe('remoting');
    expect(chosenProtocol({ protocol: 'grpc' })).toBe('grpc');
    expect(chosenProtocol({})).toBe('auto');
  });

  it('the remoting route sends full TDMQ names, and the producer group is the consumer group unless given', () => {
    const t = remotingTarget({
      ...values,
      namespace: 'rocketmq-x|ns',
      topic: 'orders',
      group: 'g1',
      tag: 'TagA',
    });
    expect(t).toMatchObject({
      topic: 'rocketmq-x|ns%orders',
      group: 'rocketmq-x|ns%g1',
      producerGroup: 'rocketmq-x|ns%g1',
    });
    expect(t.nameServers).toEqual([{ host: '127.0.0.1', port: 9876 }]);
    const own = remotingTarget({
      ...values,
      topic: 'rocketmq-x|ns%orders',
      producerGroup: 'rocketmq-x|ns%pg',
    });
    expect(own).toMatchObject({
      topic: 'rocketmq-x|ns%orders',
      producerGroup: 'rocketmq-x|ns%pg',
      shortTopic: false,
    });
  });
});

describe('remoting failures, diagnosed from what a 5.3 broker answers', () => {
  it.each([
    [
      'RMQ_AUTH_FAILED',
      answered(RequestCode.SEND_MESSAGE_V2, ResponseCode.NO_PERMISSION, 'check signature failed.'),
    ],
    [
      'RMQ_AUTH_FAILED',
      answered(RequestCode.SEND_MESSAGE_V2, ResponseCode.NO_PERMISSION, 'User:someone is not found.'),
    ],
    [
      'RMQ_PERMISSION_DENIED',
      answered(
        RequestCode.SEND_MESSAGE_V2,
        ResponseCode.NO_PERMISSION,
        'User:ak has no permission to access Topic:restricted-topic from 127.0.0.1, no matched policies.',
      ),
    ],
    [
      'RMQ_NO_ROUTE',
      answered(RequestCode.GET_ROUTEINFO_BY_TOPIC, ResponseCode.TOPIC_NOT_EXIST, 'No topic route info'),
    ],
    [
      'RMQ_TOPIC_NOT_FOUND',
      answered(RequestCode.SEND_MESSAGE_V2, ResponseCode.TOPIC_NOT_EXIST, 'topic[x] not exist'),
    ],
    [
      'RMQ_GROUP_NOT_FOUND',
      answered(
        RequestCode.PULL_MESSAGE,
        ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST,
        'subscription group [g] does not exist',
      ),
    ],
    [
      'RMQ_GRPC_FOR_REMOTING',
      new NotRemotingError('127.0.0.1:8081', Buffer.from([0, 0, 0, 4, 0, 0, 0, 0, 0]), 'http2'),
    ],
    ['RMQ_NOT_NAMESERVER', new NotRemotingError('127.0.0.1:2000', Buffer.from('hello'), 'garbage')],
    [
      'CONNECTION_REFUSED',
      new NameServersUnreachableError([
        {
          address: '127.0.0.1:1',
          error: new RemotingConnectionError('127.0.0.1:1', undefined, 'ECONNREFUSED'),
        },
      ]),
    ],
    [
      'RMQ_BROKER_BUSY',
      answered(
        RequestCode.SEND_MESSAGE_V2,
        ResponseCode.SYSTEM_BUSY,
        '[TIMEOUT_CLEAN_QUEUE]broker busy, start flow control for a while, period in queue: 1ms, size of queue: 37',
      ),
    ],
    [
      'RMQ_BROKER_BUSY',
      answered(
        RequestCode.SEND_MESSAGE_V2,
        ResponseCode.SYSTEM_ERROR,
        '[PC_SYNCHRONIZED]broker busy, start flow control for a while',
      ),
    ],
    ['CONNECTION_TIMEOUT', new RemotingTimeoutError('connect', '127.0.0.1:9', 3000)],
    ['RMQ_TIMEOUT', new RemotingTimeoutError('request', '127.0.0.1:9876', 5000, RequestCode.SEND_MESSAGE_V2)],
  ])('%s', (code, error) => {
    const d = diagnose(error, ctx());
    expect(d.code).toBe(code);
    for (const lang of ['en', 'zh'] as const) {
      const text = localizeDiagnosis(d, lang);
      expect(`${text.title} ${text.explanation} ${text.fixes.join(' ')}`).not.toMatch(/\{\w+\}/);
    }
  });
});
