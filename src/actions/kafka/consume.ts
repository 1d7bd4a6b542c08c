import type { Admin, Consumer, KafkaMessage } from 'kafkajs';
import { msg } from '../../i18n/index.js';
import { sleep } from '../../util/wait.js';
import { type ActionDefinition, type ParamValues, StepFailure } from '../types.js';
import { createKafka, type KafkaConnection, kafkaConnection, onAbort } from './connection.js';
import { explainKafkaError } from './explain.js';

interface Input {
  connection: KafkaConnection;
  topic: string;
  groupId: string;
}

export interface SeenMessage {
  topic: string;
  partition: number;
  offset: number;
  key: string | null;
  value: string | null;
  ours: boolean;
}

/** How far back a consumer looks when it has no produced message of this run to aim at. */
const LOOKBACK_MS = 60_000;
/** After our message is seen, how long to keep showing what else just arrived. */
const DRAIN_MS = 1500;
/** Leaves time for the diagnosis and a clean leave inside the step's own limit. */
const WAIT_MARGIN_MS = 4000;
const SHOWN_VALUE_CHARS = 200;

interface Produced {
  partition: number;
  offset: number;
  marker: string;
  sentAt?: string;
}

function producedOf(details: Record<string, unknown> | undefined): Produced | undefined {
  if (!details || typeof details.partition !== 'number' || typeof details.offset !== 'number')
    return undefined;
  return {
    partition: details.partition,
    offset: details.offset,
    marker: String(details.marker ?? ''),
    sentAt: typeof details.sentAt === 'string' ? details.sentAt : undefined,
  };
}

/**
 * Where to start reading in each partition. A new group would start at the end of the log and miss
 * the message produced a moment ago; an old group would start at its committed offset and wade
 * through everything it missed. So both start at the offsets of a recent moment, and the partition
 * holding our produced message starts no later than that message.
 */
async function startOffsets(
  admin: Admin,
  topic: string,
  since: number,
  produced?: Produced,
): Promise<Map<number, string>> {
  const byTime = await admin.fetchTopicOffsetsByTimestamp(topic, since);
  const starts = new Map<number, string>();
  for (const { partition, offset } of byTime) starts.set(partition, offset);
  if (produced) {
    const current = Number(starts.get(produced.partition) ?? produced.offset);
    starts.set(produced.partition, String(Math.min(current, produced.offset)));
  }
  return starts;
}

function text(buffer: Buffer | null): string | null {
  return buffer === null ? null : buffer.toString('utf8');
}

export const action: ActionDefinition<Input> = {
  id: 'kafka.consume',
  input: (params: ParamValues) => ({
    connection: kafkaConnection(params),
    topic: params.topic ?? '',
    groupId: params.groupId ?? '',
  }),
  async run(input, ctx) {
    const produced = producedOf(ctx.resultOf('kafka.produce')?.details);
    const marker = produced?.marker || ctx.runId;
    const since = produced?.sentAt ? Date.parse(produced.sentAt) - 5000 : Date.now() - LOOKBACK_MS;
    const kafka = await createKafka(input.connection, 'mq-tutor-consumer');
    const admin = kafka.admin();
    let consumer: Consumer | undefined;
    let finish: () => void = () => {};
    let fail: (error: unknown) => void = () => {};
    const done = new Promise<void>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
    done.catch(() => {});
    // Joining: resolved once the group has given this consumer its partitions.
    let joined: () => void = () => {};
    const hasJoined = new Promise<void>((resolve) => {
      joined = resolve;
    });
    let joining = false;
    // Stopped (Ctrl-C, time limit): stop waiting for messages; the finally block leaves the group.
    const cancel = onAbort(ctx.signal, () => fail(ctx.signal.reason));
    let reached = false;
    try {
      consumer = kafka.consumer({
        groupId: input.groupId,
        sessionTimeout: 10_000,
        rebalanceTimeout: 10_000,
        heartbeatInterval: 1000,
        maxWaitTimeInMs: 250,
        allowAutoTopicCreation: false,
      });
      const c = consumer;
      ctx.progress(msg('kafka.progress.joining', { group: input.groupId }));
      // Where to start is worked out while the consumer connects.
      const positions = async () => {
        await admin.connect();
        const [starts, high] = await Promise.all([
          startOffsets(admin, input.topic, since, produced),
          admin.fetchTopicOffsets(input.topic),
        ]);
        return { starts, ends: new Map(high.map((p) => [p.partition, Number(p.high)])) };
      };
      const [{ starts, ends }] = await Promise.all([positions(), c.connect()]);
      reached = true;
      ctx.signal.throwIfAborted();
      void admin.disconnect().catch(() => {});
      await c.subscribe({ topics: [input.topic], fromBeginning: false });

      const seen: SeenMessage[] = [];
      let ours: SeenMessage | undefined;
      let assigned: number[] = [];
      const read = new Map<number, number>();
      const caughtUp = () =>
        assigned.every((p) => (read.get(p) ?? Number(starts.get(p) ?? 0) - 1) >= (ends.get(p) ?? 0) - 1);

      c.on(c.events.GROUP_JOIN, (event) => {
        joined();
        assigned = event.payload.memberAssignment[input.topic] ?? [];
        ctx.progress(
          msg('kafka.progress.joined', { group: input.groupId, partitions: assigned.join(', ') || '-' }),
        );
        for (const partition of assigned) {
          const offset = starts.get(partition);
          if (offset !== undefined) c.seek({ topic: input.topic, partition, offset });
        }
      });
      c.on(c.events.CRASH, (event) => fail(event.payload.error));

      const onMessage = (partition: number, message: KafkaMessage) => {
        const value = text(message.value);
        const entry: SeenMessage = {
          topic: input.topic,
          partition,
          offset: Number(message.offset),
          key: text(message.key),
          value,
          ours: (value ?? '').includes(marker) || text(message.key) === marker,
        };
        read.set(partition, entry.offset);
        seen.push(entry);
        ctx.progress(
          msg(entry.ours ? 'kafka.progress.messageOurs' : 'kafka.progress.message', {
            topic: entry.topic,
            partition,
            offset: entry.offset,
            value: (value ?? '').slice(0, SHOWN_VALUE_CHARS),
          }),
          { message: entry },
        );
        if (entry.ours && !ours) {
          ours = entry;
          setTimeout(finish, DRAIN_MS).unref();
        }
        if (ours && caughtUp()) finish();
      };
      joining = true;
      await c.run({
        autoCommit: true,
        eachMessage: async ({ partition, message }) => onMessage(partition, message),
      });

      const waitMs = Math.max(3000, ctx.deadline - Date.now() - WAIT_MARGIN_MS);
      const timer = setTimeout(finish, waitMs);
      timer.unref();
      await done;
      clearTimeout(timer);

      if (!ours) {
        throw new StepFailure(
          {
            code: produced ? 'CONSUME_NOT_SEEN' : 'CONSUME_NOTHING_PRODUCED',
            values: {
              topic: input.topic,
              group: input.groupId,
              seconds: Math.round(waitMs / 1000),
              partition: produced?.partition ?? '-',
            },
          },
          { seen: seen.slice(-20), assigned },
        );
      }
      const toCommit = new Map<number, number>();
      for (const m of seen) toCommit.set(m.partition, Math.max(toCommit.get(m.partition) ?? -1, m.offset));
      await c.commitOffsets(
        [...toCommit].map(([partition, offset]) => ({
          topic: input.topic,
          partition,
          offset: String(offset + 1),
        })),
      );
      return {
        status: 'passed',
        details: {
          topic: ours.topic,
          partition: ours.partition,
          offset: ours.offset,
          key: ours.key,
          value: ours.value,
          groupId: input.groupId,
          messagesRead: seen.length,
          others: seen.filter((m) => !m.ours).slice(0, 20),
        },
        summary: msg('kafka.consume.ok', {
          partition: ours.partition,
          offset: ours.offset,
          count: seen.length,
          group: input.groupId,
        }),
      };
    } catch (error) {
      throw await explainKafkaError(error, input.connection, reached);
    } finally {
      cancel();
      // Stopped while joining: let the join finish first, or the member would stay in the group
      // until its session times out; then leaving sends LeaveGroup and the group rebalances at once.
      if (ctx.signal.aborted && joining) await Promise.race([hasJoined, sleep(3000)]);
      await consumer?.disconnect().catch(() => {});
      await admin.disconnect().catch(() => {});
    }
  },
};
