import { msg } from '../../i18n/index.js';
import { lostIfConnected } from '../lost.js';
import { unreachableNote } from '../network/reachable.js';
import type { ActionDefinition, ParamValues } from '../types.js';
import {
  clientOptions,
  type RocketmqConnection,
  reachableEndpoint,
  rocketmqConnection,
  shortName,
  shutdownBounded,
  splitKeys,
  startBounded,
} from './connection.js';
import { tagToSend, tutorialBody } from './message.js';

interface Input {
  connection: RocketmqConnection;
  topic: string;
  tag: string;
  keys: string[];
}

export const grpcProduce: ActionDefinition<Input> = {
  id: 'rocketmq.produce',
  input: (params: ParamValues) => ({
    connection: rocketmqConnection(params),
    topic: shortName(params, 'topic'),
    tag: tagToSend(params.tag),
    keys: splitKeys(params.keys),
  }),
  async run(input, ctx) {
    const { Producer } = await import('rocketmq-client-nodejs');
    const { connection, reachable } = await reachableEndpoint(input.connection, ctx);
    const producer = new Producer({
      ...clientOptions(connection),
      topics: [input.topic],
      maxAttempts: 2,
    });
    let reached = false;
    try {
      ctx.progress(msg('rocketmq.progress.starting', { endpoints: connection.endpoints }));
      await startBounded(producer, connection, ctx.signal);
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
      const notes = unreachableNote(reachable, connection.endpoints);
      return {
        status: notes.length > 0 ? 'warned' : 'passed',
        notes,
        details: {
          topic: input.topic,
          namespace: connection.namespace,
          messageId: receipt.messageId,
          tag: input.tag,
          keys: input.keys.join(','),
          body,
          marker: ctx.runId,
          broker: receipt.messageQueue.broker.name,
          offset: receipt.offset,
          sentAt: sentAt.toISOString(),
          endpoint: connection.endpoints,
          unreachable: reachable.dead,
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
