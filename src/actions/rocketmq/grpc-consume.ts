import type { MessageView, SimpleConsumer } from 'rocketmq-client-nodejs';
import { msg } from '../../i18n/index.js';
import { succeeded } from '../earlier-result.js';
import { lostIfConnected } from '../lost.js';
import { unreachableNote } from '../network/reachable.js';
import { type ActionDefinition, type ParamValues, StepFailure } from '../types.js';
import {
  clientOptions,
  ROCKETMQ_TIMEOUTS,
  type RocketmqConnection,
  reachableEndpoint,
  rocketmqConnection,
  shortName,
  shutdownBounded,
  startBounded,
} from './connection.js';
import { tagMatches } from './message.js';

interface Input {
  connection: RocketmqConnection;
  topic: string;
  group: string;
  tagExpression: string;
}

/**
 * Where the broker stored a received message, read from its receipt handle ("ckOffset popTime
 * invisibleTime reviveQueue topicType brokerName queueId queueOffset commitLogOffset").
 */
export function receiptPosition(
  handle: string,
): { broker: string; queue: number; offset: number } | undefined {
  const parts = handle.trim().split(' ');
  const [broker, queue, offset] = [parts[5], Number(parts[6]), Number(parts[7])];
  return broker && Number.isInteger(queue) && Number.isInteger(offset)
    ? { broker, queue, offset }
    : undefined;
}

/** Resolves with no messages when `until` comes. */
function timeLeft(until: number): Promise<MessageView[]> {
  return new Promise((resolve) => setTimeout(() => resolve([]), Math.max(0, until - Date.now())).unref());
}

export interface ReceivedMessage {
  messageId: string;
  topic: string;
  tag: string | null;
  keys: string[];
  body: string;
  deliveryAttempt: number;
  outcome: 'acked' | 'refused';
  position?: { broker: string; queue: number; offset: number };
}

/** How long one receive call long-polls the proxy. */
const AWAIT_MS = 2000;
/** How long a received message stays hidden from the group before it is delivered again. */
const INVISIBLE_MS = 20_000;
/** A refused message comes back to the group after this (the document's RECONSUME_LATER). */
const REDELIVER_AFTER_MS = 10_000;
/** Leaves time for the client's bounded shutdown and the diagnosis inside the step's own limit. */
const WAIT_MARGIN_MS = ROCKETMQ_TIMEOUTS.shutdownMs + 1000;
const SHOWN_BODY_CHARS = 200;

export const grpcConsume: ActionDefinition<Input> = {
  id: 'rocketmq.consume',
  input: (params: ParamValues) => ({
    connection: rocketmqConnection(params),
    topic: shortName(params, 'topic'),
    group: shortName(params, 'group'),
    tagExpression: params.tag?.trim() || '*',
  }),
  async run(input, ctx) {
    const produced = ctx.resultOf('rocketmq.produce');
    // Nothing was sent that this step could recognise: say so before joining the group, where it
    // would only receive (and refuse) other people's messages until its time ran out.
    if (!succeeded(produced))
      throw new StepFailure({ code: 'CONSUME_NOTHING_PRODUCED', values: { group: input.group } });
    const sentTag = typeof produced.details.tag === 'string' ? produced.details.tag : undefined;
    // The broker filters by tag before delivery: a subscription that excludes the message's tag can never receive it.
    if (sentTag && !tagMatches(input.tagExpression, sentTag)) {
      throw new StepFailure({
        code: 'RMQ_CONSUME_TAG_MISMATCH',
        values: { topic: input.topic, group: input.group, tag: input.tagExpression, sentTag },
      });
    }
    const marker = String(produced.details.marker ?? ctx.runId);
    const { SimpleConsumer, FilterExpression } = await import('rocketmq-client-nodejs');
    const { connection, reachable } = await reachableEndpoint(input.connection, ctx);
    const consumer: SimpleConsumer = new SimpleConsumer({
      ...clientOptions(connection),
      consumerGroup: input.group,
      subscriptions: new Map([[input.topic, new FilterExpression(input.tagExpression)]]),
      awaitDuration: AWAIT_MS,
    });
    const received: ReceivedMessage[] = [];
    const shown = new Set<string>();
    let ours: ReceivedMessage | undefined;
    const started = Date.now();
    let reached = false;
    try {
      ctx.progress(
        msg('rocketmq.progress.subscribing', {
          group: input.group,
          topic: input.topic,
          tag: input.tagExpression,
        }),
      );
      await startBounded(consumer, connection, ctx.signal);
      reached = true;
      const until = ctx.deadline - WAIT_MARGIN_MS;
      while (!ours && Date.now() + AWAIT_MS < until) {
        ctx.signal.throwIfAborted();
        // A receive may take its request timeout on top of the long poll; waiting stops at `until`
        // all the same (a batch still in flight then comes back to the group when it turns visible).
        const batch = await Promise.race([consumer.receive(16, INVISIBLE_MS), timeLeft(until)]);
        for (const view of batch) {
          const body = view.body.toString('utf8');
          const entry: ReceivedMessage = {
            messageId: view.messageId,
            topic: view.topic,
            tag: view.tag ?? null,
            keys: view.keys,
            body: body.slice(0, 2000),
            deliveryAttempt: view.deliveryAttempt ?? 1,
            outcome: 'acked',
            position: receiptPosition(view.receiptHandle),
          };
          const isOurs = body.includes(marker);
          if (isOurs) {
            await consumer.ack(view);
          } else {
            // Only this run's message is ours to acknowledge. Anything else in the group (another
            // learner's run, or real traffic) is refused and comes back for its own consumer.
            entry.outcome = 'refused';
            void consumer.changeInvisibleDuration(view, REDELIVER_AFTER_MS).catch(() => {});
          }
          if (shown.has(view.messageId)) continue;
          shown.add(view.messageId);
          received.push(entry);
          const key = isOurs ? 'rocketmq.progress.messageOurs' : 'rocketmq.progress.messageRefused';
          ctx.progress(
            msg(key, {
              messageId: entry.messageId,
              tag: entry.tag ?? '',
              keys: entry.keys.join(','),
              body: body.slice(0, SHOWN_BODY_CHARS),
            }),
            { message: entry },
          );
          if (isOurs && !ours) ours = entry;
        }
      }
    } catch (error) {
      throw lostIfConnected(error, reached);
    } finally {
      await shutdownBounded(consumer);
    }
    if (!ours) {
      const seconds = Math.round((Date.now() - started) / 1000);
      throw new StepFailure(
        {
          code: 'RMQ_CONSUME_NOT_SEEN',
          values: { topic: input.topic, group: input.group, tag: input.tagExpression, seconds },
        },
        { received: received.slice(-20) },
      );
    }
    const notes = unreachableNote(reachable, connection.endpoints);
    return {
      status: notes.length > 0 ? 'warned' : 'passed',
      notes,
      details: {
        topic: ours.topic,
        group: input.group,
        messageId: ours.messageId,
        tag: ours.tag,
        keys: ours.keys.join(','),
        body: ours.body,
        acknowledged: true,
        position: ours.position ?? null,
        deliveryAttempt: ours.deliveryAttempt,
        received: received.length,
        refused: received.filter((m) => m.outcome === 'refused').map((m) => m.messageId),
        unreachable: reachable.dead,
      },
      summary: msg('rocketmq.consume.ok', {
        messageId: ours.messageId,
        group: input.group,
        count: received.length,
      }),
    };
  },
};
