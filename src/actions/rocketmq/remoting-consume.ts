import { msg } from '../../i18n/index.js';
import { consume, type ReceivedMessage } from '../../remoting/push-consumer.js';
import { lostIfConnected } from '../lost.js';
import { type ActionDefinition, type ParamValues, StepFailure } from '../types.js';
import { assertConsumable } from './consumable.js';
import { type RemotingTarget, remotingTarget } from './remoting-connection.js';
import { explainRemoting } from './remoting-errors.js';

/** Leaves time for the session's own stop (commit, unregister, close) and the diagnosis. */
const WAIT_MARGIN_MS = 4000;
/** How far before the produced message a group with no offset yet starts reading. */
const LOOKBACK_MS = 5000;
const SHOWN_BODY_CHARS = 200;

interface Seen {
  messageId: string;
  topic: string;
  broker: string;
  queue: number;
  offset: number;
  tag: string | null;
  keys: string;
  body: string;
  outcome: 'acked' | 'sent-back';
}

function seen(m: ReceivedMessage, ours: boolean): Seen {
  return {
    messageId: m.msgId,
    topic: m.topic,
    broker: m.queue.brokerName,
    queue: m.queueId,
    offset: m.queueOffset,
    tag: m.tags ?? null,
    keys: m.keys.join(','),
    body: m.body.toString('utf8').slice(0, 2000),
    outcome: ours ? 'acked' : 'sent-back',
  };
}

/**
 * The document's push consumer: in the group, subscribed with the tag filter, through the name
 * server. Only this run's message is acknowledged (CONSUME_SUCCESS); anything else in the group
 * is handed back (RECONSUME_LATER) for its own consumer, so a shared group loses nothing.
 */
export const remotingConsume: ActionDefinition<RemotingTarget> = {
  id: 'rocketmq.consume',
  input: (params: ParamValues) => remotingTarget(params),
  async run(input, ctx) {
    const produced = ctx.resultOf('rocketmq.produce');
    assertConsumable(produced, { topic: input.topic, group: input.group, tagExpression: input.tag });
    const marker = String(produced.details.marker ?? ctx.runId);
    const sentAt = Date.parse(String(produced.details.sentAt ?? '')) || Date.now();
    const received: Seen[] = [];
    let ours: Seen | undefined;
    const started = Date.now();
    ctx.progress(
      msg('rocketmq.progress.subscribing', { group: input.group, topic: input.topic, tag: input.tag }),
    );
    try {
      await consume({
        nameServers: input.nameServers,
        credentials: input.credentials,
        group: input.group,
        topic: input.topic,
        tagExpression: input.tag,
        startAt: { timestamp: sentAt - LOOKBACK_MS },
        signal: ctx.signal,
        untilMs: Math.max(1000, ctx.deadline - WAIT_MARGIN_MS - Date.now()),
        onMessage: (m, session) => {
          const isOurs = m.body.toString('utf8').includes(marker);
          const entry = seen(m, isOurs);
          received.push(entry);
          ctx.progress(
            msg(isOurs ? 'rocketmq.progress.remotingOurs' : 'rocketmq.progress.remotingOther', {
              topic: entry.topic,
              queue: entry.queue,
              offset: entry.offset,
              tag: entry.tag ?? '',
              keys: entry.keys,
              body: entry.body.slice(0, SHOWN_BODY_CHARS),
            }),
            { message: entry },
          );
          if (!isOurs) return 'later';
          ours ??= entry;
          session.stop();
          return 'ack';
        },
      });
    } catch (error) {
      throw await explainRemoting(lostIfConnected(error, false), input, ctx.signal);
    }
    ctx.signal.throwIfAborted();
    if (!ours) {
      throw new StepFailure(
        {
          code: 'RMQ_CONSUME_NOT_SEEN',
          values: {
            topic: input.topic,
            group: input.group,
            tag: input.tag,
            seconds: Math.round((Date.now() - started) / 1000),
          },
        },
        { received: received.slice(-20) },
      );
    }
    return {
      status: 'passed',
      details: {
        route: 'remoting',
        topic: ours.topic,
        group: input.group,
        messageId: ours.messageId,
        broker: ours.broker,
        queue: ours.queue,
        offset: ours.offset,
        tag: ours.tag,
        keys: ours.keys,
        body: ours.body,
        acknowledged: true,
        received: received.length,
        sentBack: received.filter((m) => m.outcome === 'sent-back').map((m) => m.messageId),
      },
      summary: msg('rocketmq.consume.ok', {
        messageId: ours.messageId,
        group: input.group,
        count: received.length,
      }),
    };
  },
};
