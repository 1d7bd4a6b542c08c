import type { HostPort } from '../util/addresses.js';
import { sleep } from '../util/wait.js';
import type { Credentials } from './acl.js';
import { allocateAveragely, type MessageQueue } from './allocate.js';
import { RequestCode, ResponseCode } from './codes.js';
import { RemotingConnection } from './connection.js';
import {
  consumerIdsByGroup,
  createClientId,
  heartbeat,
  pull,
  queryConsumerOffset,
  retryTopic,
  sendBack,
  unregister,
  updateConsumerOffset,
} from './consumer.js';
import { RemotingError, RemotingResponseError } from './errors.js';
import { Property, type StoredMessage } from './message.js';
import { masterAddress, PERM_READ, type TopicRoute, topicRoute } from './nameserver.js';
import { splitAddress } from './producer.js';
import { offsetForTimestamp, queueBounds } from './queue-offsets.js';
import { buildSubscription, type Subscription } from './subscription.js';

export type Verdict = 'ack' | 'later';

export interface ReceivedMessage extends StoredMessage {
  /** The queue it was pulled from: the topic's, or the group's retry topic for a message sent back. */
  queue: MessageQueue;
  /** True when it comes from the retry topic; `topic` is then still the topic it was first sent to. */
  redelivered: boolean;
}

export interface SessionControl {
  readonly clientId: string;
  /** Ends the session once the current message's verdict is applied. */
  stop(): void;
}

export type StartAt = 'last' | 'first' | { timestamp: number };

export interface ConsumeOptions {
  nameServers: string | HostPort[];
  credentials?: Credentials;
  group: string;
  topic: string;
  /** `*`, `TagA`, `TagA||TagB`. */
  tagExpression?: string;
  /** Where to begin on a queue the group has never committed an offset on; default 'last'. */
  startAt?: StartAt;
  onMessage: (message: ReceivedMessage, session: SessionControl) => Verdict | Promise<Verdict>;
  signal?: AbortSignal;
  /** Stop after this many milliseconds. */
  untilMs?: number;
  clientId?: string;
  /**
   * Delay level of messages answered 'later'. Default 0, as Java: the broker picks 3 + reconsumeTimes
   * (10 s, then 30 s, 1 min...). A short one (1 is 1 s) makes a session that subscribes to the retry
   * topic too see its own sent-back messages again at once, each time one retry closer to the DLQ.
   */
  retryDelayLevel?: number;
  /** How long the broker holds a pull that finds nothing. Stopping never waits for it. */
  pullSuspendMs?: number;
  rebalanceIntervalMs?: number;
  heartbeatIntervalMs?: number;
  /** Notified of what a session does, for logs and a "doctor"; never needed to consume. */
  onEvent?: (event: SessionEvent) => void;
}

export type SessionEvent =
  | { type: 'assigned'; queues: MessageQueue[]; consumerIds: string[] }
  | {
      type: 'queue-start';
      queue: MessageQueue;
      offset: number;
      from: 'committed' | 'startAt' | 'retry-start';
    }
  | { type: 'committed'; queue: MessageQueue; offset: number }
  | { type: 'problem'; error: RemotingError };

export interface ConsumeSummary {
  clientId: string;
  stoppedBy: 'signal' | 'until' | 'caller';
  delivered: number;
  acked: number;
  sentBack: number;
  /** The last offsets this session committed, per queue. */
  committed: { queue: MessageQueue; offset: number }[];
  /** Failures the session went on after (a pull that timed out, a send-back refused...). */
  problems: RemotingError[];
}

/** Answers a broker would give to a bad session: waiting will not make them pass. */
const FATAL_CODES: ReadonlySet<number> = new Set([
  ResponseCode.NO_PERMISSION,
  ResponseCode.TOPIC_NOT_EXIST,
  ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST,
  ResponseCode.SUBSCRIPTION_PARSE_FAILED,
]);

interface QueueState {
  queue: MessageQueue;
  brokerName: string;
  subscription: Subscription;
  /** Next offset to pull. */
  offset: number;
  /** Offset the group may commit: past every message acked or sent back, never past one that is not. */
  committable: number;
  committed: number | undefined;
  /** Offset of a message that could not be sent back: commits stop before it. */
  heldAt: number | undefined;
  stopped: boolean;
  abort: AbortController;
  loop: Promise<void> | undefined;
}

/**
 * A push consumer in a CLUSTERING group, as DefaultMQPushConsumer with a concurrent listener, made to
 * stop fast: it registers by heartbeat, takes its share of the topic's queues and of the group's retry
 * topic (rebalancing when the broker says the group changed, and every few seconds), long-polls each
 * queue, hands each message to `onMessage` one at a time, sends back those answered 'later', and
 * commits offsets only past messages that were acked or sent back. It ends on `signal`, after
 * `untilMs`, or when `onMessage` calls `stop()`: offsets committed, client unregistered, sockets closed.
 * It rejects with the broker's error when the session cannot work at all (refused, topic or group
 * missing); passing failures are retried and listed in `problems`.
 */
export async function consume(options: ConsumeOptions): Promise<ConsumeSummary> {
  const session = new PushSession(options);
  return session.run();
}

class PushSession {
  private readonly clientId: string;
  private readonly subscription: Subscription;
  private readonly retrySubscription: Subscription;
  private readonly connections = new Map<string, Promise<RemotingConnection>>();
  private readonly queues = new Map<string, QueueState>();
  private readonly problems: RemotingError[] = [];
  private readonly committedLog = new Map<string, { queue: MessageQueue; offset: number }>();
  private readonly routes = new Map<string, { route: TopicRoute; at: number }>();
  private stopReason: ConsumeSummary['stoppedBy'] | undefined;
  private fatal: RemotingError | undefined;
  private wake: (() => void) | undefined;
  private rebalanceRequested = false;
  private processing: Promise<void> = Promise.resolve();
  private delivered = 0;
  private acked = 0;
  private sentBack = 0;

  constructor(private readonly options: ConsumeOptions) {
    this.clientId = options.clientId ?? createClientId();
    const version = Date.now();
    this.subscription = buildSubscription(options.topic, options.tagExpression, version);
    this.retrySubscription = buildSubscription(retryTopic(options.group), '*', version);
  }

  async run(): Promise<ConsumeSummary> {
    const { signal, untilMs } = this.options;
    const onAbort = () => this.stop('signal');
    signal?.addEventListener('abort', onAbort, { once: true });
    const until = untilMs !== undefined ? setTimeout(() => this.stop('until'), untilMs) : undefined;
    if (signal?.aborted) this.stop('signal');
    let lastHeartbeat = 0;
    let lastRebalance = 0;
    try {
      // The first round must work: a session that cannot register or find its queues is of no use.
      await this.heartbeatAll();
      await this.rebalance();
      lastHeartbeat = lastRebalance = Date.now();
      while (!this.stopReason) {
        await this.nap(500);
        const now = Date.now();
        try {
          if (now - lastHeartbeat >= (this.options.heartbeatIntervalMs ?? 10_000)) {
            lastHeartbeat = now;
            await this.heartbeatAll();
          }
          if (this.rebalanceRequested || now - lastRebalance >= (this.options.rebalanceIntervalMs ?? 3000)) {
            this.rebalanceRequested = false;
            lastRebalance = now;
            await this.rebalance();
          }
          await this.commitAll();
        } catch (error) {
          if (isFatal(error)) throw error;
          this.problem(error);
        }
      }
    } catch (error) {
      this.fatal ??= asRemotingError(error);
    } finally {
      signal?.removeEventListener('abort', onAbort);
      clearTimeout(until);
    }
    await this.shutdown();
    if (this.fatal) throw this.fatal;
    return {
      clientId: this.clientId,
      stoppedBy: this.stopReason ?? 'caller',
      delivered: this.delivered,
      acked: this.acked,
      sentBack: this.sentBack,
      committed: [...this.committedLog.values()],
      problems: this.problems,
    };
  }

  private stop(reason: ConsumeSummary['stoppedBy']): void {
    if (this.stopReason) return;
    this.stopReason = reason;
    for (const state of this.queues.values()) {
      state.stopped = true;
      state.abort.abort();
    }
    this.wake?.();
  }

  private failFatally(error: RemotingError): void {
    this.fatal ??= error;
    this.stop('caller');
  }

  private nap(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  private problem(error: unknown): void {
    const e = asRemotingError(error);
    this.problems.push(e);
    this.options.onEvent?.({ type: 'problem', error: e });
  }

  private async route(topic: string): Promise<TopicRoute> {
    const cached = this.routes.get(topic);
    if (cached && Date.now() - cached.at < 30_000) return cached.route;
    const answer = await topicRoute(topic, {
      nameServers: this.options.nameServers,
      ...(this.options.credentials ? { credentials: this.options.credentials } : {}),
    });
    this.routes.set(topic, { route: answer.route, at: Date.now() });
    return answer.route;
  }

  /** The connection to a broker's master, opened once; broker pushes arrive on it. */
  private connection(route: TopicRoute, brokerName: string): Promise<RemotingConnection> {
    const address = masterAddress(route, brokerName);
    if (!address) return Promise.reject(new RemotingError(`broker ${brokerName} has no master in the route`));
    let connection = this.connections.get(address);
    if (!connection) {
      const [host, port] = splitAddress(address);
      connection = RemotingConnection.open(host, port, {
        ...(this.options.credentials ? { credentials: this.options.credentials } : {}),
        onServerRequest: (request) => {
          if (request.code === RequestCode.NOTIFY_CONSUMER_IDS_CHANGED) {
            this.rebalanceRequested = true;
            this.wake?.();
          }
          return undefined;
        },
      });
      this.connections.set(address, connection);
      connection.then(
        (c) =>
          c.onClose(() => this.connections.get(address) === connection && this.connections.delete(address)),
        () => this.connections.delete(address),
      );
    }
    return connection;
  }

  private async heartbeatAll(): Promise<void> {
    const route = await this.route(this.options.topic);
    const registration = {
      clientId: this.clientId,
      group: this.options.group,
      subscriptions: [this.subscription, this.retrySubscription],
    };
    for (const broker of route.brokers) {
      try {
        await heartbeat(await this.connection(route, broker.brokerName), registration);
      } catch (error) {
        if (isFatal(error)) throw error;
        this.problem(error);
      }
    }
  }

  private async rebalance(): Promise<void> {
    const route = await this.route(this.options.topic);
    const broker = route.brokers[0];
    if (!broker) return;
    let consumerIds: string[];
    try {
      consumerIds = await consumerIdsByGroup(
        await this.connection(route, broker.brokerName),
        this.options.group,
      );
    } catch (error) {
      if (isFatal(error)) throw error;
      this.problem(error);
      return;
    }
    if (!consumerIds.includes(this.clientId)) consumerIds.push(this.clientId);
    const wanted: { queue: MessageQueue; route: TopicRoute; subscription: Subscription }[] = [];
    for (const [topic, subscription] of [
      [this.options.topic, this.subscription],
      [retryTopic(this.options.group), this.retrySubscription],
    ] as const) {
      let topicRouteNow: TopicRoute;
      try {
        topicRouteNow = await this.route(topic);
      } catch (error) {
        // A group that never sent anything back has no retry topic yet.
        if (topic !== this.options.topic && isTopicMissingAnswer(error)) continue;
        throw error;
      }
      const all = readableQueues(topicRouteNow);
      for (const queue of allocateAveragely(all, consumerIds, this.clientId))
        wanted.push({ queue, route: topicRouteNow, subscription });
    }
    const wantedKeys = new Set(wanted.map((w) => queueKey(w.queue)));
    const changed =
      wantedKeys.size !== this.queues.size || [...this.queues.keys()].some((key) => !wantedKeys.has(key));
    for (const [key, state] of this.queues)
      if (!wantedKeys.has(key)) {
        this.queues.delete(key);
        state.stopped = true;
        state.abort.abort();
        await state.loop;
        await this.commit(state);
      }
    const added = wanted.filter((w) => !this.queues.has(queueKey(w.queue)));
    if (changed)
      this.options.onEvent?.({ type: 'assigned', queues: wanted.map((w) => w.queue), consumerIds });
    for (const w of added) {
      if (this.stopReason) return;
      const state = await this.startQueue(w.queue, w.route, w.subscription);
      if (state) this.queues.set(queueKey(w.queue), state);
    }
  }

  private async startQueue(
    queue: MessageQueue,
    route: TopicRoute,
    subscription: Subscription,
  ): Promise<QueueState | undefined> {
    const connection = await this.connection(route, queue.brokerName);
    let offset: number;
    let from: 'committed' | 'startAt' | 'retry-start';
    try {
      const committed = await queryConsumerOffset(connection, this.options.group, queue);
      if (committed !== undefined) {
        offset = committed;
        from = 'committed';
      } else if (queue.topic === retryTopic(this.options.group)) {
        offset = 0;
        from = 'retry-start';
      } else {
        offset = await this.startOffset(connection, queue);
        from = 'startAt';
      }
    } catch (error) {
      if (isFatal(error)) throw error;
      this.problem(error);
      return undefined;
    }
    this.options.onEvent?.({ type: 'queue-start', queue, offset, from });
    const state: QueueState = {
      queue,
      brokerName: queue.brokerName,
      subscription,
      offset,
      committable: offset,
      committed: from === 'committed' ? offset : undefined,
      heldAt: undefined,
      stopped: false,
      abort: new AbortController(),
      loop: undefined,
    };
    state.loop = this.pullLoop(state, route);
    return state;
  }

  private async startOffset(connection: RemotingConnection, queue: MessageQueue): Promise<number> {
    const startAt = this.options.startAt ?? 'last';
    if (startAt === 'last') return (await queueBounds(connection, this.options.group, queue)).max;
    if (startAt === 'first') return (await queueBounds(connection, this.options.group, queue)).min;
    return offsetForTimestamp(connection, this.options.group, queue, startAt.timestamp);
  }

  private async pullLoop(state: QueueState, route: TopicRoute): Promise<void> {
    const suspendMs = this.options.pullSuspendMs ?? 2000;
    while (!state.stopped) {
      let result: Awaited<ReturnType<typeof pull>>;
      try {
        const connection = await this.connection(route, state.brokerName);
        result = await pull(
          connection,
          {
            group: this.options.group,
            queue: state.queue,
            offset: state.offset,
            subscription: state.subscription,
            maxMessages: 16,
            suspendMs,
          },
          { signal: state.abort.signal, timeoutMs: suspendMs + 10_000 },
        );
      } catch (error) {
        if (state.stopped) return;
        if (isFatal(error)) return this.failFatally(asRemotingError(error));
        this.problem(error);
        await sleep(1000, state.abort.signal).catch(() => {});
        continue;
      }
      for (const message of result.messages) {
        if (state.stopped) return;
        await this.deliver(state, route, message);
      }
      if (state.stopped) return;
      state.offset = result.nextBeginOffset;
      if (state.heldAt === undefined) state.committable = result.nextBeginOffset;
    }
  }

  /** One message at a time across all queues, so `onMessage` never runs twice at once. */
  private deliver(state: QueueState, route: TopicRoute, stored: StoredMessage): Promise<void> {
    const run = async () => {
      if (state.stopped) return;
      const redelivered = state.queue.topic !== this.options.topic;
      const message: ReceivedMessage = {
        ...stored,
        topic: redelivered ? (stored.properties[Property.RETRY_TOPIC] ?? stored.topic) : stored.topic,
        queue: state.queue,
        redelivered,
      };
      this.delivered++;
      let verdict: Verdict;
      try {
        verdict = await this.options.onMessage(message, {
          clientId: this.clientId,
          stop: () => this.stop('caller'),
        });
      } catch {
        verdict = 'later';
      }
      if (verdict === 'later') {
        try {
          const connection = await this.connection(route, state.brokerName);
          await sendBack(connection, this.options.group, stored, {
            delayLevel: this.options.retryDelayLevel ?? 0,
          });
          this.sentBack++;
        } catch (error) {
          this.problem(error);
          state.heldAt ??= stored.queueOffset;
        }
      } else this.acked++;
      if (state.heldAt === undefined) state.committable = stored.queueOffset + 1;
    };
    this.processing = this.processing.then(run).catch((error) => this.problem(error));
    return this.processing;
  }

  private async commit(state: QueueState): Promise<void> {
    if (state.committed === state.committable) return;
    const route = await this.route(state.queue.topic).catch(() => undefined);
    if (!route) return;
    try {
      const connection = await this.connection(route, state.brokerName);
      await updateConsumerOffset(connection, this.options.group, state.queue, state.committable);
      state.committed = state.committable;
      this.committedLog.set(queueKey(state.queue), { queue: state.queue, offset: state.committable });
      this.options.onEvent?.({ type: 'committed', queue: state.queue, offset: state.committable });
    } catch (error) {
      this.problem(error);
    }
  }

  private async commitAll(): Promise<void> {
    for (const state of this.queues.values()) await this.commit(state);
  }

  private async shutdown(): Promise<void> {
    for (const state of this.queues.values()) {
      state.stopped = true;
      state.abort.abort();
    }
    await Promise.allSettled([...this.queues.values()].map((s) => s.loop));
    await this.processing;
    await this.commitAll();
    for (const pending of this.connections.values()) {
      const connection = await pending.catch(() => undefined);
      if (!connection || connection.closed) continue;
      await unregister(connection, this.clientId, this.options.group, { timeoutMs: 1000 }).catch((error) =>
        this.problem(error),
      );
      connection.close();
    }
    this.connections.clear();
  }
}

function readableQueues(route: TopicRoute): MessageQueue[] {
  const queues: MessageQueue[] = [];
  for (const q of route.queues) {
    if ((q.perm & PERM_READ) === 0 || !masterAddress(route, q.brokerName)) continue;
    for (let id = 0; id < q.readQueueNums; id++)
      queues.push({ topic: route.topic, brokerName: q.brokerName, queueId: id });
  }
  return queues;
}

function queueKey(q: MessageQueue): string {
  return `${q.topic}\u0000${q.brokerName}\u0000${q.queueId}`;
}

function isFatal(error: unknown): boolean {
  return error instanceof RemotingResponseError && FATAL_CODES.has(error.responseCode);
}

function isTopicMissingAnswer(error: unknown): boolean {
  return error instanceof RemotingResponseError && error.responseCode === ResponseCode.TOPIC_NOT_EXIST;
}

function asRemotingError(error: unknown): RemotingError {
  return error instanceof RemotingError ? error : new RemotingError(String(error), { cause: error });
}
