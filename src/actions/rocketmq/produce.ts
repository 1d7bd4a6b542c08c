import { msg } from '../../i18n/index.js';
import { lostIfConnected } from '../lost.js';
import type { ActionDefinition, ParamValues } from '../types.js';
import {
  clientOptions,
  type RocketmqConnection,
  rocketmqConnection,
  shortName,
  shutdownBounded,
  splitKeys,
  startBounded,
} from './connection.js';

interface Input {
  connection: RocketmqConnection;
  topic: string;
  tag: string;
  keys: string[];
}

/**
 * A tag expression (`*`, `TagA||TagB`) is for subscribing; a message carries one plain tag. The
 * first tag of the expression is sent so that the consume step, subscribed with the same
 * expression, receives it; with `*` any tag does, and TagA is used.
 */
export function tagToSend(expression: string | undefined): string {
  const first = (expression ?? '')
    .split('||')
    .map((t) => t.trim())
    .find((t) => t && t !== '*');
  return first ?? 'TagA';
}

export function tutorialBody(runId: string, sentAt: Date): string {
  return JSON.stringify({
    greeting: 'This is a new message.',
    marker: runId,
    sentAt: sentAt.toISOString(),
    from: 'mq-tutor',
  });
}

export const action: ActionDefinition<Input> = {
  id: 'rocketmq.produce',
  input: (params: ParamValues) => ({
    connection: rocketmqConnection(params),
    topic: shortName(params, 'topic'),
    tag: tagToSend(params.tag),
    keys: splitKeys(params.keys),
  }),
  async run(input, ctx) {
    const { Producer } = await import('rocketmq-client-nodejs');
    const producer = new Producer({
      ...clientOptions(input.connection),
      topics: [input.topic],
      maxAttempts: 2,
    });
    let reached = false;
    try {
      ctx.progress(msg('rocketmq.progress.starting', { endpoints: input.connection.endpoints }));
      await startBounded(producer, input.connection, ctx.signal);
      reached = true;
      const sentAt = new Date();
      const body = tutorialBody(ctx.runId, sentAt);
      ctx.progress(
        msg('rocketmq.progress.sending', { topic: input.topic, tag: input.tag, keys: input.keys.join(',') }),
      );
      const receipt = await producer.send({
        topic: input.topic,
        tag: input.tag,
        keys: input.keys,
        body: Buffer.from(body),
        properties: new Map([['mqTutorRun', ctx.runId]]),
      });
      return {
        status: 'passed',
        details: {
          topic: input.topic,
          namespace: input.connection.namespace,
          messageId: receipt.messageId,
          tag: input.tag,
          keys: input.keys.join(','),
          body,
          marker: ctx.runId,
          broker: receipt.messageQueue.broker.name,
          offset: receipt.offset,
          sentAt: sentAt.toISOString(),
        },
        summary: msg('rocketmq.produce.ok', { topic: input.topic, messageId: receipt.messageId }),
      };
    } catch (error) {
      throw lostIfConnected(error, reached);
    } finally {
      await shutdownBounded(producer);
    }
  },
};
