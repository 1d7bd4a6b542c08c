import { randomBytes } from 'node:crypto';
import type { Consumer, Kafka, Producer } from 'kafkajs';
import { createKafka, type KafkaConnection, PATIENT_KAFKA_TIMEOUTS } from '../kafka/connection.js';
import { bounded, type ProgressChannel, parseMessage, pushQueue } from './channel.js';

export interface KafkaChannelOptions {
  connection: KafkaConnection;
  topic: string;
  /** Reads join a group of their own under this prefix, and commit nothing (the group goes when they do). */
  readGroupPrefix: string;
  /** Per call: connect, send, or catching up with the history. */
  timeoutMs?: number;
}

const PARTITION = 0;

/** The progress channel on a Kafka topic: partition 0 only, so every reader sees one order. */
export function kafkaChannel(options: KafkaChannelOptions): ProgressChannel {
  const timeoutMs = options.timeoutMs ?? 25_000;
  let kafka: Promise<Kafka> | undefined;
  let producer: Promise<Producer> | undefined;
  const consumers = new Set<Consumer>();
  const client = () => {
    kafka ??= createKafka(options.connection, 'mq-tutor-workshop', PATIENT_KAFKA_TIMEOUTS);
    return kafka;
  };

  const connectedProducer = () => {
    producer ??= client().then(async (k) => {
      const p = k.producer({ allowAutoTopicCreation: false });
      await p.connect();
      return p;
    });
    // A producer that failed to connect is tried afresh next time.
    producer.catch(() => {
      producer = undefined;
    });
    return producer;
  };

  /** Reads from the first message on; `onMessage` sees each with its offset; resolves once running. */
  async function reader(onMessage: (value: unknown, offset: number) => void): Promise<Consumer> {
    const k = await client();
    const consumer = k.consumer({
      groupId: `${options.readGroupPrefix}${randomBytes(4).toString('hex')}`,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: 250,
    });
    consumers.add(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic: options.topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        if (partition !== PARTITION) return;
        onMessage(parseMessage(message.value?.toString('utf8') ?? ''), Number(message.offset));
      },
    });
    return consumer;
  }

  async function stop(consumer: Consumer): Promise<void> {
    consumers.delete(consumer);
    await consumer.disconnect().catch(() => {});
  }

  return {
    async publish(message, signal) {
      const p = await bounded(connectedProducer(), timeoutMs, signal);
      await bounded(
        p.send({
          topic: options.topic,
          acks: -1,
          messages: [{ partition: PARTITION, value: JSON.stringify(message) }],
        }),
        timeoutMs,
        signal,
      );
    },

    async history(signal) {
      const k = await client();
      const admin = k.admin();
      let end: number;
      try {
        await bounded(admin.connect(), timeoutMs, signal);
        const offsets = await bounded(admin.fetchTopicOffsets(options.topic), timeoutMs, signal);
        const p0 = offsets.find((o) => o.partition === PARTITION);
        end = Number(p0?.high ?? 0);
        if (end <= Number(p0?.low ?? 0)) return [];
      } finally {
        await admin.disconnect().catch(() => {});
      }
      const read: unknown[] = [];
      let done: () => void = () => {};
      const caughtUp = new Promise<void>((resolve) => {
        done = resolve;
      });
      let consumer: Consumer | undefined;
      try {
        consumer = await bounded(
          reader((value, offset) => {
            if (value !== undefined) read.push(value);
            if (offset >= end - 1) done();
          }),
          timeoutMs,
          signal,
        );
        await bounded(caughtUp, timeoutMs, signal);
        return read;
      } finally {
        if (consumer) await stop(consumer);
      }
    },

    follow(signal) {
      const queue = pushQueue<unknown>(signal);
      let consumer: Consumer | undefined;
      reader((value) => {
        if (value !== undefined) queue.push(value);
      }).then(
        (c) => {
          consumer = c;
          if (signal.aborted) void stop(c);
        },
        (error: unknown) => queue.fail(error),
      );
      signal.addEventListener('abort', () => {
        if (consumer) void stop(consumer);
      });
      return queue.items;
    },

    async close() {
      const p = producer;
      producer = undefined;
      await Promise.all([
        p?.then((x) => x.disconnect()).catch(() => {}),
        ...[...consumers].map((c) => stop(c)),
      ]);
    },
  };
}
