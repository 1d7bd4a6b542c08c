import { msg } from '../../i18n/index.js';
import { succeeded } from '../earlier-result.js';
import { unreachableNote } from '../network/reachable.js';
import { type ActionDefinition, type ParamValues, StepFailure } from '../types.js';
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
  groupId: string;
}

export interface PartitionLag {
  partition: number;
  committed: number | null;
  end: number;
  lag: number | null;
}

/**
 * The broker's own view of the round trip, as the console's consumer-group page shows it: the
 * message produced is the one the group consumed, and the group's committed offset has moved past it.
 */
export const action: ActionDefinition<Input> = {
  id: 'kafka.verify',
  input: (params: ParamValues) => ({
    connection: kafkaConnection(params),
    topic: params.topic ?? '',
    groupId: params.groupId ?? '',
  }),
  async run(input, ctx) {
    const produced = ctx.resultOf('kafka.produce');
    const consumed = ctx.resultOf('kafka.consume');
    if (!succeeded(produced)) throw new StepFailure({ code: 'VERIFY_NO_PRODUCE' });
    if (!succeeded(consumed)) throw new StepFailure({ code: 'VERIFY_NO_CONSUME' });
    const p = produced.details;
    const c = consumed.details;

    const { connection, reachable } = await reachableConnection(input.connection, ctx);
    const kafka = await createKafka(connection, 'mq-tutor-verify');
    const admin = kafka.admin();
    const cancel = onAbort(ctx.signal, () => admin.disconnect());
    let reached = false;
    try {
      await admin.connect();
      reached = true;
      const [[committed], ends, { groups }] = await Promise.all([
        admin.fetchOffsets({ groupId: input.groupId, topics: [input.topic] }),
        admin.fetchTopicOffsets(input.topic),
        admin.describeGroups([input.groupId]),
      ]);
      const group = groups[0];
      const offsets: PartitionLag[] = ends
        .map(({ partition, high }) => {
          const entry = committed?.partitions.find((x) => x.partition === partition);
          const value = entry && Number(entry.offset) >= 0 ? Number(entry.offset) : null;
          return {
            partition,
            committed: value,
            end: Number(high),
            lag: value === null ? null : Number(high) - value,
          };
        })
        .sort((a, b) => a.partition - b.partition);
      const ourPartition = offsets.find((o) => o.partition === p.partition);
      const sameMessage = p.partition === c.partition && p.offset === c.offset && p.topic === c.topic;
      const acknowledged = ourPartition?.committed != null && ourPartition.committed > Number(p.offset);
      const details = {
        message: { topic: p.topic, partition: p.partition, offset: p.offset, key: p.key },
        seenByConsumer: sameMessage,
        groupId: input.groupId,
        group: {
          state: group?.state ?? 'Unknown',
          members: group?.members.length ?? 0,
          protocol: group?.protocol ?? '',
        },
        offsets,
        totalLag: offsets.reduce((sum, o) => sum + (o.lag ?? 0), 0),
      };
      if (!sameMessage) {
        throw new StepFailure(
          {
            code: 'VERIFY_MISMATCH',
            values: {
              partition: String(p.partition),
              offset: String(p.offset),
              seenPartition: String(c.partition),
              seenOffset: String(c.offset),
            },
          },
          details,
        );
      }
      if (!acknowledged) {
        throw new StepFailure(
          {
            code: 'VERIFY_NOT_COMMITTED',
            values: { group: input.groupId, partition: String(p.partition), offset: String(p.offset) },
          },
          details,
        );
      }
      ctx.progress(
        msg('kafka.progress.groupState', {
          group: input.groupId,
          state: details.group.state,
          members: details.group.members,
        }),
      );
      for (const o of offsets) {
        ctx.progress(
          msg('kafka.progress.partitionLag', {
            partition: o.partition,
            committed: o.committed ?? '-',
            end: o.end,
            lag: o.lag ?? '-',
          }),
        );
      }
      const notes = unreachableNote(reachable);
      return {
        status: notes.length > 0 ? 'warned' : 'passed',
        notes,
        details: { ...details, unreachable: reachable.dead },
        summary: msg('kafka.verify.ok', {
          partition: String(p.partition),
          offset: String(p.offset),
          group: input.groupId,
          state: details.group.state,
          lag: details.totalLag,
        }),
      };
    } catch (error) {
      throw await explainKafkaError(error, connection, reached);
    } finally {
      cancel();
      await admin.disconnect().catch(() => {});
    }
  },
};
