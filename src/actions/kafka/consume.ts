import type { Admin, Consumer, KafkaMessage } from 'kafkajs';
import { msg } from '../../i18n/index.js';
import { sleep } from '../../util/wait.js';
import { succeeded } from '../earlier-result.js';
import { unreachableNote } from '../network/reachable.js';
import { type ActionContext, type ActionDefinition, type ParamValues, StepFailure } from '../types.js';
import {
  createKafka,
  type KafkaConnection,
  kafkaConnection,
  onAbort,
  reachableConnection,
} from './connection.js';
import { explainKafkaError } from './explain.js';
import { otherHolderOf } from './partition-holder.js';

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

/** How far back a consumer looks when the produce result does not say when it was sent. */
const LOOKBACK_MS = 60_000;
/**
 * After a join that did not bring the message's partition, how long the group gets to settle
 * before its members are asked who holds it (a pending rebalance shows within a few heartbeats).
 */
const SETTLE_MS = 3000;
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

/** The message the produce step sent, when it did (passed, or passed with a warning). */
function producedOf(ctx: ActionContext): Produced | undefined {
  const result = ctx.resultOf('kafka.produce');
  if (!succeeded(result)) return undefined;
  const details = result.details;
  if (typeof details.partition !== 'number' || typeof details.offset !== 'number') return undefined;
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
  produced: Produced,
): Promise<Map<number, string>> {
  const byTime = await admin.fetchTopicOffsetsByTimestamp(topic, since);
  const starts = new Map<number, string>();
  for (const { partition, offset } of byTime) starts.set(partition, offset);
  const current = Number(starts.get(produced.partition) ?? produced.offset);
  starts.set(produced.partition, String(Math.min(current, produced.offset)));
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
    const produced = producedOf(ctx);
    // Nothing was sent that this step could recognise: say so before joining the group, where it
    // would only read (and commit) other people's messages until its time ran out.
    if (!produced)
      throw new StepFailure({ code: 'CONSUME_NOTHING_PRODUCED', values: { group: input.groupId } });
    const marker = produced.marker || ctx.runId;
    const since = produced.sentAt ? Date.parse(produced.sentAt) - 5000 : Date.now() - LOOKBACK_MS;
    const { connection, reachable } = await reachableConnection(input.connection, ctx);
    const kafka = await createKafka(connection, 'mq-tutor-consumer');
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
      // Where to start is worked out while the consumer connects.
      const positions = async () => {
        await admin.connect();
        const [starts, high] = await Promise.all([
          startOffsets(admin, input.topic, since, produced),
          admin.fetchTopicOffsets(input.topic),
        ]);
        return {
          starts,
          ends: new Map(high.map((p) => [p.partition, Number(p.high)])),
          logStart: Number(high.find((p) => p.partition === produced.partition)?.low ?? 0),
        };
      };
      const [{ starts, ends, logStart }] = await Promise.all([positions(), c.connect()]);
      reached = true;
      ctx.signal.throwIfAborted();
      // Retention or a delete-records request has removed the message: no consumer can read it now.
      if (produced.offset < logStart) {
        throw new StepFailure({
          code: 'CONSUME_MESSAGE_DELETED',
          values: { topic: input.topic, partition: produced.partition, offset: produced.offset, logStart },
        });
      }
      ctx.progress(msg('kafka.progress.joining', { group: input.groupId }));
      await c.subscribe({ topics: [input.topic], fromBeginning: false });

      const seen: SeenMessage[] = [];
      let ours: SeenMessage | undefined;
      let assigned: number[] = [];
      const read = new Map<number, number>();
      const caughtUp = () =>
        assigned.every((p) => (read.get(p) ?? Number(starts.get(p) ?? 0) - 1) >= (ends.get(p) ?? 0) - 1);

      let joins = 0;
      // Another member given the message's partition keeps it while the group stays as it is; once
      // the group has settled like that, waiting longer would not bring the message here.
      const checkHolder = async (join: number, memberId: string) => {
        await sleep(SETTLE_MS);
        if (join !== joins || ours) return;
        const holder = await otherHolderOf(admin, input.groupId, input.topic, produced.partition, memberId);
        if (!holder || join !== joins || ours) return;
        fail(
          new StepFailure(
            {
              code: 'CONSUME_PARTITION_HELD',
              values: {
                topic: input.topic,
                partition: produced.partition,
                group: input.groupId,
                member: holder.clientId,
                host: holder.clientHost,
              },
            },
            { assigned, holder },
          ),
        );
      };
      c.on(c.events.GROUP_JOIN, (event) => {
        joined();
        joins += 1;
        assigned = event.payload.memberAssignment[input.topic] ?? [];
        ctx.progress(
          msg('kafka.progress.joined', { group: input.groupId, partitions: assigned.join(', ') || '-' }),
        );
        for (const partition of assigned) {
          const offset = starts.get(partition);
          if (offset !== undefined) c.seek({ topic: input.topic, partition, offset });
        }
        if (!assigned.includes(produced.partition))
          void checkHolder(joins, event.payload.memberId).catch(() => {});
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
        const seconds = Math.round(waitMs / 1000);
        throw new StepFailure(
          {
            code: 'CONSUME_NOT_SEEN',
            values: {
              topic: input.topic,
              group: input.groupId,
              seconds,
              partition: produced.partition,
              assigned: assigned.join(', ') || '-',
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
      const notes = unreachableNote(reachable);
      return {
        status: notes.length > 0 ? 'warned' : 'passed',
        notes,
        details: {
          topic: ours.topic,
          partition: ours.partition,
          offset: ours.offset,
          key: ours.key,
          value: ours.value,
          groupId: input.groupId,
          messagesRead: seen.length,
          others: seen.filter((m) => !m.ours).slice(0, 20),
          unreachable: reachable.dead,
        },
        summary: msg('kafka.consume.ok', {
          partition: ours.partition,
          offset: ours.offset,
          count: seen.length,
          group: input.groupId,
        }),
      };
    } catch (error) {
      throw await explainKafkaError(error, connection, reached);
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
