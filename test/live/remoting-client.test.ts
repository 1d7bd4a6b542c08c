import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Credentials,
  consume,
  consumerConnections,
  consumerIdsByGroup,
  consumeStats,
  deniedResource,
  detectProtocol,
  heartbeat,
  isAuthFailure,
  isGroupMissing,
  isPermissionDenied,
  isTopicMissing,
  maxOffset,
  NotRemotingError,
  offsetForTimestamp,
  pull,
  queryConsumerOffset,
  type ReceivedMessage,
  RemotingConnection,
  RemotingConnectionError,
  RemotingResponseError,
  RemotingTimeoutError,
  RequestCode,
  ResponseCode,
  retryTopic,
  searchOffset,
  sendMessage,
  sendSync,
  topicMissingAt,
  topicRoute,
  unregister,
} from '../../src/remoting/index.js';
import { buildSubscription } from '../../src/remoting/subscription.js';
import { mqadmin } from '../../src/sandbox/rocketmq/admin.js';
import { SANDBOX_DIR } from '../helpers/env.js';
import { sandboxSecrets } from '../helpers/sandbox.js';
import { needsSharedSandbox } from '../helpers/shared-sandbox.js';

needsSharedSandbox();

const NS = '127.0.0.1:9876';
const BROKER = { host: '127.0.0.1', port: 10911 };
const NS_ARGS = ['-n', NS];
const ADMIN_TARGET = ['-n', NS, '-b', `${BROKER.host}:${BROKER.port}`];
const TOPIC = 'tutorial-topic';
const FULL_TOPIC = 'rocketmq-sandbox|tutorial%tutorial-topic';
const FULL_GROUP = 'rocketmq-sandbox|tutorial%tutorial-group';
const GROUPS = {
  main: 'tutorial-rmt-main',
  tag: 'tutorial-rmt-tag',
  later: 'tutorial-rmt-later',
  share: 'tutorial-rmt-share',
};
const PRODUCER_GROUP = 'tutorial-rmt-producer';

// Read once the sandbox is up (its first start writes them), not when the file is collected.
let secrets: ReturnType<typeof sandboxSecrets>['rocketmq'];
let learner: Credentials;
let admin: Credentials;
beforeAll(() => {
  secrets = sandboxSecrets().rocketmq;
  learner = { accessKey: secrets.learnerAccessKey, secretKey: secrets.learnerSecretKey };
  admin = { accessKey: secrets.adminAccessKey, secretKey: secrets.adminSecretKey };
});
const marker = (what: string) =>
  `rmt-${what}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;

async function learnerBroker(): Promise<RemotingConnection> {
  return RemotingConnection.open(BROKER.host, BROKER.port, { credentials: learner });
}

/** Thrown error of a promise, for typed assertions. */
async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

async function adminTool(args: string[]): Promise<string> {
  const r = await mqadmin(SANDBOX_DIR, args);
  expect(r.ok).toBe(true);
  return r.output;
}

/** The answer to a learner's pull of `group` on `topic`: tells whether both exist and are allowed. */
async function probe(group: string, topic: string): Promise<number> {
  const c = await learnerBroker();
  try {
    await pull(c, {
      group,
      queue: { topic, brokerName: 'broker-a', queueId: 0 },
      offset: 0,
      subscription: buildSubscription(topic, '*'),
      maxMessages: 1,
    });
    return ResponseCode.SUCCESS;
  } catch (error) {
    if (error instanceof RemotingResponseError) return error.responseCode;
    throw error;
  } finally {
    c.close();
  }
}

/** Creates what the tests need on the shared sandbox, each only when it is missing. */
beforeAll(async () => {
  const missingRoute = await topicRoute(FULL_TOPIC, { nameServers: NS }).then(
    () => false,
    (e) => isTopicMissing(e),
  );
  if (missingRoute)
    await adminTool([
      'updateTopic',
      ...ADMIN_TARGET,
      '-t',
      FULL_TOPIC,
      '-r',
      '2',
      '-w',
      '2',
      '-a',
      '+message.type=NORMAL',
    ]);
  const creations: Promise<string>[] = [];
  for (const group of [...Object.values(GROUPS), FULL_GROUP]) {
    const code = await probe(group, TOPIC);
    if (code === ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST)
      creations.push(adminTool(['updateSubGroup', ...ADMIN_TARGET, '-g', group]));
  }
  await Promise.all(creations);
  if ((await probe(FULL_GROUP, FULL_TOPIC)) === ResponseCode.NO_PERMISSION)
    await adminTool([
      'createAcl',
      ...ADMIN_TARGET,
      '-s',
      `User:${learner.accessKey}`,
      '-r',
      'Topic:rocketmq-sandbox|tutorial%*,Group:rocketmq-sandbox|tutorial%*',
      '-a',
      'Pub,Sub',
      '-d',
      'Allow',
    ]);
  expect(await probe(FULL_GROUP, FULL_TOPIC)).toBe(ResponseCode.SUCCESS);
});

/** Runs a session until `want` has seen its message, or `untilMs`; returns what it was given. */
async function receive(
  group: string,
  topic: string,
  want: (m: ReceivedMessage) => boolean,
  options: {
    tagExpression?: string;
    startAt?: number;
    untilMs?: number;
    retryDelayLevel?: number;
    verdict?: (m: ReceivedMessage) => 'ack' | 'later';
  } = {},
) {
  const seen: ReceivedMessage[] = [];
  let stoppedAt = 0;
  const summary = await consume({
    nameServers: NS,
    credentials: learner,
    group,
    topic,
    tagExpression: options.tagExpression ?? '*',
    startAt: { timestamp: options.startAt ?? Date.now() - 60_000 },
    untilMs: options.untilMs ?? 15_000,
    ...(options.retryDelayLevel !== undefined ? { retryDelayLevel: options.retryDelayLevel } : {}),
    onMessage: (m, session) => {
      seen.push(m);
      if (want(m)) {
        stoppedAt = Date.now();
        session.stop();
      }
      return options.verdict?.(m) ?? 'ack';
    },
  });
  return { seen, summary, stopMs: stoppedAt ? Date.now() - stoppedAt : undefined, found: seen.find(want) };
}

describe('send, then read back by a client we did not write and by ours', () => {
  it('sends with a tag and keys; mqadmin consumeMessage and our pull both see the same message', async () => {
    const key = marker('keys');
    const body = `hello ${key}`;
    const started = Date.now();
    const sent = await sendSync({
      nameServers: NS,
      credentials: learner,
      producerGroup: PRODUCER_GROUP,
      topic: TOPIC,
      tag: 'TagA',
      keys: [key, 'second-key'],
      body,
    });
    expect(sent).toMatchObject({
      status: 'SEND_OK',
      topic: TOPIC,
      brokerName: 'broker-a',
      brokerAddress: '127.0.0.1:10911',
    });
    expect(sent.msgId).toMatch(/^[0-9A-F]{32}$/);
    expect(sent.offsetMsgId).toMatch(/^7F00000100002A9F[0-9A-F]{16}$/);

    const out = await adminTool([
      'consumeMessage',
      ...NS_ARGS,
      '-t',
      TOPIC,
      '-g',
      GROUPS.main,
      '-b',
      sent.brokerName,
      '-i',
      String(sent.queueId),
      '-o',
      String(sent.queueOffset),
      '-c',
      '1',
    ]);
    expect(out).toContain(`MSGID: ${sent.msgId}`);
    expect(out).toContain(`msgId=${sent.offsetMsgId}`);
    expect(out).toContain('TAGS=TagA');
    expect(out).toContain(`KEYS=${key} second-key`);
    expect(out).toContain(`BODY: ${body}`);

    const c = await learnerBroker();
    try {
      const queue = { topic: TOPIC, brokerName: sent.brokerName, queueId: sent.queueId };
      const r = await pull(c, {
        group: GROUPS.main,
        queue,
        offset: sent.queueOffset,
        maxMessages: 1,
        subscription: buildSubscription(TOPIC, 'TagA'),
      });
      expect(r.status).toBe('FOUND');
      const m = r.messages[0]!;
      expect(m).toMatchObject({
        msgId: sent.msgId,
        offsetMsgId: sent.offsetMsgId,
        topic: TOPIC,
        queueId: sent.queueId,
        queueOffset: sent.queueOffset,
        tags: 'TagA',
        keys: [key, 'second-key'],
        reconsumeTimes: 0,
      });
      expect(m.body.toString()).toBe(body);
      expect(m.bornTimestamp).toBeGreaterThanOrEqual(started - 1000);
      expect(m.storeTimestamp).toBeGreaterThanOrEqual(m.bornTimestamp - 1000);

      // Where a session starts for a new group: found by pulls alone, it agrees with the broker's own search.
      const ours = await offsetForTimestamp(c, GROUPS.main, queue, m.storeTimestamp);
      expect(ours).toBeLessThanOrEqual(sent.queueOffset);
      expect(await offsetForTimestamp(c, GROUPS.main, queue, m.storeTimestamp + 1)).toBeGreaterThan(
        sent.queueOffset,
      );
      const a = await RemotingConnection.open(BROKER.host, BROKER.port, { credentials: admin });
      try {
        expect(await searchOffset(a, TOPIC, sent.queueId, m.storeTimestamp)).toBe(ours);
      } finally {
        a.close();
      }
    } finally {
      c.close();
    }
  });

  it('a message mqadmin sendMessage sent with a tag reaches our push-consumer session', async () => {
    const key = marker('mqadmin');
    const since = Date.now() - 2000;
    const out = await adminTool([
      'sendMessage',
      ...NS_ARGS,
      '-t',
      TOPIC,
      '-p',
      `from mqadmin ${key}`,
      '-c',
      'TagM',
      '-k',
      key,
    ]);
    const msgId = /SEND_OK\s+([0-9A-F]+)/.exec(out)?.[1];
    expect(msgId).toBeDefined();
    const r = await receive(GROUPS.main, TOPIC, (m) => m.msgId === msgId, {
      tagExpression: 'TagM',
      startAt: since,
    });
    expect(r.found).toMatchObject({ msgId, tags: 'TagM', keys: [key], topic: TOPIC, redelivered: false });
    expect(r.found!.body.toString()).toBe(`from mqadmin ${key}`);
    expect(r.seen.every((m) => m.tags === 'TagM')).toBe(true);
    expect(r.stopMs).toBeLessThan(2000);
    // Committed past it, as the learner can read back.
    const c = await learnerBroker();
    try {
      const q = r.found!.queue;
      expect(await queryConsumerOffset(c, GROUPS.main, q)).toBeGreaterThan(r.found!.queueOffset);
    } finally {
      c.close();
    }
  });

  it('the TDMQ 4.x-style full names work for send and a push-consumer session', async () => {
    const key = marker('full');
    const since = Date.now() - 1000;
    const sent = await sendSync({
      nameServers: NS,
      credentials: learner,
      producerGroup: FULL_GROUP,
      topic: FULL_TOPIC,
      tag: 'TagA',
      keys: [key],
      body: key,
    });
    expect(sent.status).toBe('SEND_OK');
    const r = await receive(FULL_GROUP, FULL_TOPIC, (m) => m.msgId === sent.msgId, {
      tagExpression: 'TagA',
      startAt: since,
    });
    expect(r.found).toMatchObject({
      topic: FULL_TOPIC,
      queueId: sent.queueId,
      queueOffset: sent.queueOffset,
      keys: [key],
    });
  });
});

describe('push-consumer sessions', () => {
  it('a session subscribed to TagB never gets a TagA message', async () => {
    const key = marker('tags');
    const since = Date.now() - 1000;
    const send = (tag: string) =>
      sendSync({
        nameServers: NS,
        credentials: learner,
        producerGroup: PRODUCER_GROUP,
        topic: TOPIC,
        tag,
        keys: [key],
        body: `${tag} ${key}`,
      });
    const a = await send('TagA');
    const b = await send('TagB');
    const r = await receive(GROUPS.tag, TOPIC, (m) => m.msgId === b.msgId, {
      tagExpression: 'TagB',
      startAt: since,
    });
    expect(r.found?.tags).toBe('TagB');
    expect(r.seen.some((m) => m.msgId === a.msgId)).toBe(false);
    expect(r.seen.every((m) => m.tags === 'TagB')).toBe(true);
  });

  it('a message answered "later" is delivered again to the next session of the group, unharmed', async () => {
    const key = marker('later');
    const since = Date.now() - 1000;
    const sent = await sendSync({
      nameServers: NS,
      credentials: learner,
      producerGroup: PRODUCER_GROUP,
      topic: TOPIC,
      tag: 'TagL',
      keys: [key],
      body: `later ${key}`,
    });
    const mine = (m: ReceivedMessage) => m.msgId === sent.msgId;
    // Level 1 (1 s) rather than the default 10 s, to keep the suite short.
    const first = await receive(GROUPS.later, TOPIC, mine, {
      startAt: since,
      retryDelayLevel: 1,
      verdict: (m) => (mine(m) ? 'later' : 'ack'),
    });
    expect(first.found?.redelivered).toBe(false);
    expect(first.summary.sentBack).toBe(1);
    const second = await receive(GROUPS.later, TOPIC, (m) => mine(m) && m.redelivered, { startAt: since });
    const again = second.seen.find((m) => mine(m) && m.redelivered);
    expect(again).toMatchObject({ topic: TOPIC, tags: 'TagL', keys: [key], reconsumeTimes: 1 });
    expect(again!.queue.topic).toBe(retryTopic(GROUPS.later));
    expect(again!.body.toString()).toBe(`later ${key}`);
  });

  it('an idle session stops within 2 s of its deadline though its pulls are held by the broker, and leaves the group', async () => {
    const started = Date.now();
    let clientId = '';
    const summary = await consume({
      nameServers: NS,
      credentials: learner,
      group: GROUPS.share,
      topic: TOPIC,
      tagExpression: 'TagNobodySends',
      pullSuspendMs: 20_000,
      untilMs: 1500,
      onMessage: () => 'ack',
      onEvent: (e) => {
        if (e.type === 'assigned') clientId = e.consumerIds.at(-1) ?? '';
      },
    });
    expect(summary.stoppedBy).toBe('until');
    expect(Date.now() - started).toBeLessThan(1500 + 2000);
    const c = await learnerBroker();
    try {
      expect(clientId).toBe(summary.clientId);
      expect(await consumerIdsByGroup(c, GROUPS.share)).not.toContain(summary.clientId);
    } finally {
      c.close();
    }
  });

  it('two sessions of one group at once split the queues between them', async () => {
    const assignments = new Map<string, string[]>();
    const abort = new AbortController();
    const both = () =>
      assignments.size === 2 &&
      [...assignments.values()].every((a) => a.length > 0) &&
      new Set([...assignments.values()].flat()).size === [...assignments.values()].flat().length;
    const session = (n: number) =>
      consume({
        nameServers: NS,
        credentials: learner,
        group: GROUPS.share,
        topic: TOPIC,
        clientId: `rmt-share-${n}-${process.pid}`,
        rebalanceIntervalMs: 1000,
        signal: abort.signal,
        untilMs: 15_000,
        onMessage: () => 'ack',
        onEvent: (e) => {
          if (e.type !== 'assigned' || e.consumerIds.length !== 2) return;
          assignments.set(
            `s${n}`,
            e.queues.filter((q) => q.topic === TOPIC).map((q) => `${q.queueId}`),
          );
          if (both()) abort.abort();
        },
      });
    const [s1, s2] = await Promise.all([session(1), session(2)]);
    expect(s1.stoppedBy).toBe('signal');
    expect(s2.stoppedBy).toBe('signal');
    expect([...assignments.values()].flat().sort()).toEqual(['0', '1']);
  });
});

describe('what the learner may ask of the broker', () => {
  it('may heartbeat, list the group, query and commit offsets; is refused the Get-only questions', async () => {
    const c = await learnerBroker();
    const clientId = `rmt-rights-${process.pid}`;
    const queue = { topic: TOPIC, brokerName: 'broker-a', queueId: 0 };
    try {
      await heartbeat(c, { clientId, group: GROUPS.main, subscriptions: [buildSubscription(TOPIC, '*')] });
      expect(await consumerIdsByGroup(c, GROUPS.main)).toContain(clientId);
      expect(await queryConsumerOffset(c, GROUPS.main, queue)).toBeGreaterThanOrEqual(0);
      const getOnly = [
        () => consumerConnections(c, GROUPS.main),
        () => consumeStats(c, GROUPS.main, TOPIC),
        () => maxOffset(c, TOPIC, 0),
        () => searchOffset(c, TOPIC, 0, Date.now()),
      ];
      for (const ask of getOnly) expect(isPermissionDenied(await failure(ask()))).toBe(true);
      const e = (await failure(consumerConnections(c, GROUPS.main))) as RemotingResponseError;
      expect(e.requestCode).toBe(RequestCode.GET_CONSUMER_CONNECTION_LIST);
      expect(deniedResource(e)).toEqual({ type: 'Group', name: GROUPS.main });

      // The admin may, and sees our client as the broker registered it.
      const a = await RemotingConnection.open(BROKER.host, BROKER.port, { credentials: admin });
      try {
        const connections = await consumerConnections(a, GROUPS.main);
        expect(connections.connections).toContainEqual(
          expect.objectContaining({ clientId, language: 'JAVA', version: 479 }),
        );
        expect(connections).toMatchObject({ messageModel: 'CLUSTERING', consumeType: 'CONSUME_PASSIVELY' });
        const stats = await consumeStats(a, GROUPS.main, TOPIC);
        expect(stats.queues.map((q) => q.queueId).sort()).toEqual([0, 1]);
        expect(await maxOffset(a, TOPIC, 0)).toBe(stats.queues.find((q) => q.queueId === 0)!.brokerOffset);
      } finally {
        a.close();
      }
      await unregister(c, clientId, GROUPS.main);
      expect(await consumerIdsByGroup(c, GROUPS.main)).not.toContain(clientId);
    } finally {
      c.close();
    }
  });
});

describe('failures, each typed and classified as the 5.3.3 broker answers them', () => {
  const send = (over: Partial<Parameters<typeof sendSync>[0]>) =>
    failure(
      sendSync({
        nameServers: NS,
        credentials: learner,
        producerGroup: PRODUCER_GROUP,
        topic: TOPIC,
        body: 'x',
        ...over,
      }),
    );

  it('wrong secret key, unknown access key, no credentials: NO_PERMISSION, an auth failure', async () => {
    const cases: [Credentials | undefined, RegExp][] = [
      [{ ...learner, secretKey: 'wrong-secret' }, /^check signature failed\.$/],
      [{ accessKey: 'tutorial-rmt-nobody', secretKey: 'x' }, /^User:tutorial-rmt-nobody is not found\.$/],
      [undefined, /^username cannot be null\.$/],
    ];
    for (const [credentials, remark] of cases) {
      const e = await failure(
        sendSync({
          nameServers: NS,
          ...(credentials ? { credentials } : {}),
          producerGroup: PRODUCER_GROUP,
          topic: TOPIC,
          body: 'x',
        }),
      );
      expect(e).toBeInstanceOf(RemotingResponseError);
      expect(e).toMatchObject({
        requestCode: RequestCode.SEND_MESSAGE_V2,
        responseCode: ResponseCode.NO_PERMISSION,
      });
      expect((e as RemotingResponseError).remark).toMatch(remark);
      expect(isAuthFailure(e)).toBe(true);
      expect(isPermissionDenied(e)).toBe(false);
    }
  });

  it('a topic or group outside the learner’s permissions: NO_PERMISSION naming the resource', async () => {
    const c = await learnerBroker();
    try {
      const topic = await failure(
        sendMessage(
          c,
          PRODUCER_GROUP,
          { brokerName: 'broker-a', brokerAddress: '127.0.0.1:10911', queueId: 0 },
          { topic: 'restricted-topic', body: 'x' },
        ),
      );
      expect(isPermissionDenied(topic)).toBe(true);
      expect(deniedResource(topic as RemotingResponseError)).toEqual({
        type: 'Topic',
        name: 'restricted-topic',
      });
      const group = await failure(
        pull(c, {
          group: 'restricted-group',
          queue: { topic: TOPIC, brokerName: 'broker-a', queueId: 0 },
          offset: 0,
          subscription: buildSubscription(TOPIC, '*'),
        }),
      );
      expect(isPermissionDenied(group)).toBe(true);
      expect(deniedResource(group as RemotingResponseError)).toEqual({
        type: 'Group',
        name: 'restricted-group',
      });
    } finally {
      c.close();
    }
  });

  it('a topic that does not exist: TOPIC_NOT_EXIST at the name server, and at the broker', async () => {
    const atNameServer = await send({ topic: 'tutorial-rmt-no-such-topic' });
    expect(isTopicMissing(atNameServer)).toBe(true);
    expect(topicMissingAt(atNameServer as RemotingResponseError)).toBe('nameserver');
    expect((atNameServer as RemotingResponseError).remark).toMatch(
      /^No topic route info in name server for the topic: tutorial-rmt-no-such-topic/,
    );
    const c = await learnerBroker();
    try {
      const atBroker = await failure(
        sendMessage(
          c,
          PRODUCER_GROUP,
          { brokerName: 'broker-a', brokerAddress: '127.0.0.1:10911', queueId: 0 },
          { topic: 'tutorial-rmt-no-such-topic', body: 'x' },
        ),
      );
      expect(isTopicMissing(atBroker)).toBe(true);
      expect(topicMissingAt(atBroker as RemotingResponseError)).toBe('broker');
      expect((atBroker as RemotingResponseError).remark).toMatch(
        /^topic\[tutorial-rmt-no-such-topic\] not exist, apply first please!/,
      );
    } finally {
      c.close();
    }
  });

  it('a group that does not exist: a session rejects with SUBSCRIPTION_GROUP_NOT_EXIST, promptly', async () => {
    const started = Date.now();
    const e = await failure(
      consume({
        nameServers: NS,
        credentials: learner,
        group: 'tutorial-rmt-no-such-group',
        topic: TOPIC,
        untilMs: 10_000,
        onMessage: () => 'ack',
      }),
    );
    expect(isGroupMissing(e)).toBe(true);
    expect((e as RemotingResponseError).remark).toMatch(
      /^subscription group \[tutorial-rmt-no-such-group\] does not exist/,
    );
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('a session on a topic that does not exist rejects with TOPIC_NOT_EXIST', async () => {
    const e = await failure(
      consume({
        nameServers: NS,
        credentials: learner,
        group: GROUPS.main,
        topic: 'tutorial-rmt-no-such-topic',
        onMessage: () => 'ack',
      }),
    );
    expect(isTopicMissing(e)).toBe(true);
  });

  it('a FIFO topic sent to as a normal one: remoting does not check the message type (SEND_OK)', async () => {
    const sent = await sendSync({
      nameServers: NS,
      credentials: learner,
      producerGroup: PRODUCER_GROUP,
      topic: 'tutorial-fifo-topic',
      body: marker('fifo'),
    });
    expect(sent.status).toBe('SEND_OK');
  });
});

describe('name servers and connections', () => {
  it('a dead first name server in the list is skipped and reported', async () => {
    const r = await topicRoute(TOPIC, { nameServers: '127.0.0.1:1;127.0.0.1:9876' });
    expect(r.nameServer).toBe(NS);
    expect(r.unreachable.map((u) => [u.address, (u.error as RemotingConnectionError).code])).toEqual([
      ['127.0.0.1:1', 'ECONNREFUSED'],
    ]);
    expect(r.route.queues[0]).toMatchObject({
      brokerName: 'broker-a',
      readQueueNums: 2,
      writeQueueNums: 2,
      perm: 6,
    });
    expect(r.route.brokers[0]).toMatchObject({
      brokerName: 'broker-a',
      cluster: 'DefaultCluster',
      addresses: { 0: '127.0.0.1:10911' },
    });
    const sent = await sendSync({
      nameServers: 'http://127.0.0.1:1; 127.0.0.1:9876',
      credentials: learner,
      producerGroup: PRODUCER_GROUP,
      topic: TOPIC,
      body: marker('dead-ns'),
    });
    expect(sent.unreachableNameServers).toEqual(['127.0.0.1:1']);
  });

  let silent: net.Server;
  let garbage: net.Server;
  let hole: { port: number; close: () => void };
  const portOf = (s: net.Server) => (s.address() as net.AddressInfo).port;

  beforeAll(async () => {
    silent = net.createServer(() => {});
    garbage = net.createServer((socket) => socket.end('220 this is not remoting\r\n'));
    await Promise.all([silent, garbage].map((s) => new Promise<void>((r) => s.listen(0, '127.0.0.1', r))));
    hole = await new Promise((resolve, reject) => {
      const child = spawn('python3', [path.join(import.meta.dirname, '..', 'helpers', 'blackhole.py')], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      child.once('error', reject);
      child.stdout.once('data', (d: Buffer) =>
        resolve({ port: Number(d.toString().trim()), close: () => child.kill('SIGKILL') }),
      );
    });
  });

  afterAll(() => {
    silent?.close();
    garbage?.close();
    hole?.close();
  });

  it('detects each kind of port, each in well under 2 s', async () => {
    const closed = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const port = portOf(s);
        s.close(() => resolve(port));
      });
    });
    const expected: [number, string][] = [
      [9876, 'remoting'],
      [10911, 'remoting'],
      [8081, 'http2'],
      [closed, 'refused'],
      [portOf(silent), 'silent'],
      [portOf(garbage), 'other'],
      [hole.port, 'unreachable'],
    ];
    const results = await Promise.all(
      expected.map(([port]) => detectProtocol('127.0.0.1', port, { timeoutMs: 1200 })),
    );
    expect(results.map((r) => r.protocol)).toEqual(expected.map(([, p]) => p));
    for (const r of results) expect(r.elapsedMs).toBeLessThan(2000);
  });

  it('does not call a busy gRPC endpoint silent: an answer 2 s late is still HTTP/2', async () => {
    const settings = Buffer.from([0, 0, 0, 4, 0, 0, 0, 0, 0]);
    const slow = net.createServer((socket) => {
      const timer = setTimeout(() => socket.write(settings), 2000);
      socket.on('close', () => clearTimeout(timer));
      socket.on('error', () => {});
    });
    await new Promise<void>((r) => slow.listen(0, '127.0.0.1', r));
    try {
      const found = await detectProtocol('127.0.0.1', portOf(slow));
      expect(found.protocol).toBe('http2');
      expect(found.elapsedMs).toBeGreaterThanOrEqual(1900);
    } finally {
      slow.close();
    }
  });

  it('times out a connect to a black hole and a request to a silent port, each by stage', async () => {
    const connect = await failure(RemotingConnection.open('127.0.0.1', hole.port, { connectTimeoutMs: 300 }));
    expect(connect).toBeInstanceOf(RemotingTimeoutError);
    expect(connect).toMatchObject({ stage: 'connect', address: `127.0.0.1:${hole.port}` });
    const c = await RemotingConnection.open('127.0.0.1', portOf(silent));
    try {
      const request = await failure(
        c.request(
          { code: RequestCode.GET_ROUTEINFO_BY_TOPIC, extFields: { topic: 't' } },
          { timeoutMs: 300 },
        ),
      );
      expect(request).toMatchObject({ stage: 'request', requestCode: RequestCode.GET_ROUTEINFO_BY_TOPIC });
    } finally {
      c.close();
    }
  });

  it('refused, not-remoting, aborted and closed each fail in their own way', async () => {
    const refused = await failure(RemotingConnection.open('127.0.0.1', 1));
    expect(refused).toBeInstanceOf(RemotingConnectionError);
    expect((refused as RemotingConnectionError).code).toBe('ECONNREFUSED');

    const g = await RemotingConnection.open('127.0.0.1', portOf(garbage));
    const notRemoting = await failure(g.request({ code: RequestCode.GET_ROUTEINFO_BY_TOPIC }));
    expect(notRemoting).toBeInstanceOf(NotRemotingError);

    const s = await RemotingConnection.open('127.0.0.1', portOf(silent));
    const abort = new AbortController();
    const pending = failure(
      s.request({ code: RequestCode.GET_ROUTEINFO_BY_TOPIC }, { signal: abort.signal, timeoutMs: 10_000 }),
    );
    abort.abort(new Error('stopped by the test'));
    expect(((await pending) as Error).message).toBe('stopped by the test');
    const inFlight = failure(s.request({ code: RequestCode.GET_ROUTEINFO_BY_TOPIC }, { timeoutMs: 10_000 }));
    s.close();
    expect(await inFlight).toMatchObject({ code: 'CONNECTION_CLOSED' });
    expect(s.closed).toBe(true);
  });
});
