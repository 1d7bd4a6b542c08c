import { msg } from '../../i18n/index.js';
import { unreachableNote } from '../network/reachable.js';
import type { ActionDefinition, ParamValues } from '../types.js';
import {
  createKafka,
  type KafkaConnection,
  kafkaConnection,
  onAbort,
  reachableConnection,
} from './connection.js';
import { explainKafkaError } from './explain.js';

interface Input {
  connection: KafkaConnection;
  topic: string;
}

/** The message the tutorial sends: the document's greeting, plus a marker unique to this run. */
export function tutorialMessage(runId: string, sentAt: Date): { key: string; value: string } {
  return {
    key: runId,
    value: JSON.stringify({
      greeting: 'Hello World! Hello CKafka!',
      marker: runId,
      sentAt: sentAt.toISOString(),
      from: 'mq-tutor',
    }),
  };
}

export const action: ActionDefinition<Input> = {
  id: 'kafka.produce',
  input: (params: ParamValues) => ({ connection: kafkaConnection(params), topic: params.topic ?? '' }),
  async run(input, ctx) {
    const { Partitioners } = (await import('kafkajs')).default;
    const { connection, reachable } = await reachableConnection(input.connection, ctx);
    const kafka = await createKafka(connection, 'mq-tutor-producer');
    const producer = kafka.producer({
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    const cancel = onAbort(ctx.signal, () => producer.disconnect());
    let reached = false;
    try {
      ctx.progress(msg('kafka.progress.connecting', { brokers: connection.brokers.join(', ') }));
      await producer.connect();
      reached = true;
      const sentAt = new Date();
      const message = tutorialMessage(ctx.runId, sentAt);
      ctx.progress(msg('kafka.progress.sending', { topic: input.topic }));
      const [meta] = await producer.send({
        topic: input.topic,
        acks: -1,
        timeout: 8000,
        messages: [message],
      });
      if (!meta) throw new Error('the broker returned no record metadata');
      const offset = Number(meta.baseOffset ?? meta.offset);
      const notes = unreachableNote(reachable);
      return {
        status: notes.length > 0 ? 'warned' : 'passed',
        notes,
        details: {
          topic: input.topic,
          partition: meta.partition,
          offset,
          key: message.key,
          value: message.value,
          marker: ctx.runId,
          sentAt: sentAt.toISOString(),
          unreachable: reachable.dead,
        },
        summary: msg('kafka.produce.ok', { topic: input.topic, partition: meta.partition, offset }),
      };
    } catch (error) {
      throw await explainKafkaError(error, connection, reached);
    } finally {
      cancel();
      await producer.disconnect().catch(() => {});
    }
  },
};
