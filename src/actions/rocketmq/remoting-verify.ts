import { msg } from '../../i18n/index.js';
import { isPermissionDenied } from '../../remoting/classify.js';
import { RemotingConnection } from '../../remoting/connection.js';
import { consumerIdsByGroup, queryConsumerOffset } from '../../remoting/consumer.js';
import { masterAddress, topicRoute } from '../../remoting/nameserver.js';
import { splitAddress } from '../../remoting/producer.js';
import { succeeded } from '../earlier-result.js';
import { type ActionDefinition, type ParamValues, StepFailure } from '../types.js';
import { REMOTING_TIMEOUT_MS, type RemotingTarget, remotingTarget } from './remoting-connection.js';
import { explainRemoting } from './remoting-errors.js';

/** What the broker says of the group, asked with the role's own keys; `refused` when the role may not ask. */
interface GroupView {
  committedOffset: number | null;
  consumedByGroup: boolean;
  storedAt: { broker: string; queue: number; offset: number };
  connectedConsumers: string[] | 'refused';
}

async function askBroker(
  target: RemotingTarget,
  stored: { broker: string; queue: number; offset: number },
  signal: AbortSignal,
): Promise<GroupView | 'refused'> {
  const { route } = await topicRoute(target.topic, {
    nameServers: target.nameServers,
    credentials: target.credentials,
    timeoutMs: REMOTING_TIMEOUT_MS,
    signal,
  });
  const address = masterAddress(route, stored.broker);
  if (!address) throw new Error(`the route of ${target.topic} lists no broker ${stored.broker}`);
  const [host, port] = splitAddress(address);
  const connection = await RemotingConnection.open(host, port, { credentials: target.credentials, signal });
  try {
    const queue = { topic: target.topic, brokerName: stored.broker, queueId: stored.queue };
    let committed: number | undefined;
    try {
      committed = await queryConsumerOffset(connection, target.group, queue, { signal });
    } catch (error) {
      if (isPermissionDenied(error)) return 'refused';
      throw error;
    }
    const consumers = await consumerIdsByGroup(connection, target.group, { signal }).catch(
      (error: unknown) => {
        if (isPermissionDenied(error)) return 'refused' as const;
        throw error;
      },
    );
    return {
      committedOffset: committed ?? null,
      consumedByGroup: committed !== undefined && committed > stored.offset,
      storedAt: stored,
      connectedConsumers: consumers,
    };
  } finally {
    connection.close();
  }
}

/**
 * The document's last step, viewing the consumer details, asked of the broker itself with the
 * role's own keys: the group's committed offset on the message's queue (past the message once it
 * was acknowledged), and who is connected to the group now. Works on a cloud instance as on the
 * sandbox; a role that may not ask gets a warning and the console's Group page instead.
 */
export const remotingVerify: ActionDefinition<RemotingTarget> = {
  id: 'rocketmq.verify',
  input: (params: ParamValues) => remotingTarget(params),
  async run(input, ctx) {
    const produced = ctx.resultOf('rocketmq.produce');
    const consumed = ctx.resultOf('rocketmq.consume');
    if (!succeeded(produced)) throw new StepFailure({ code: 'VERIFY_NO_PRODUCE' });
    if (!succeeded(consumed)) throw new StepFailure({ code: 'VERIFY_NO_CONSUME' });
    const messageId = String(produced.details.messageId);
    const seenId = String(consumed.details.messageId);
    const details: Record<string, unknown> = {
      route: 'remoting',
      message: {
        topic: produced.details.topic,
        messageId,
        tag: produced.details.tag,
        keys: produced.details.keys,
      },
      receivedBy: input.group,
      acknowledged: consumed.details.acknowledged === true,
    };
    if (messageId !== seenId)
      throw new StepFailure({ code: 'RMQ_VERIFY_MISMATCH', values: { messageId, seenId } }, details);
    if (consumed.details.acknowledged !== true)
      throw new StepFailure(
        { code: 'RMQ_VERIFY_NOT_ACKED', values: { messageId, group: input.group } },
        details,
      );
    // Where the broker keeps it: as received (a message sent over gRPC says nothing of it at send).
    const where = typeof consumed.details.broker === 'string' ? consumed.details : produced.details;
    const stored = {
      broker: String(where.broker ?? ''),
      queue: Number(where.queue),
      offset: Number(where.offset),
    };
    let view: GroupView | 'refused';
    try {
      view = await askBroker(input, stored, ctx.signal);
    } catch (error) {
      throw await explainRemoting(error, input, ctx.signal);
    }
    if (view === 'refused') {
      ctx.progress(msg('rocketmq.progress.consoleHint', { group: input.group }));
      return {
        status: 'warned',
        details: { ...details, group: 'refused' },
        summary: msg('rocketmq.verify.ok', { messageId, group: input.group }),
        notes: [msg('rocketmq.verify.notAllowed', { group: input.group })],
      };
    }
    details.group = view;
    ctx.progress(
      msg('rocketmq.progress.committed', {
        group: input.group,
        queue: stored.queue,
        committed: view.committedOffset ?? '-',
        offset: stored.offset,
      }),
    );
    const consumers = view.connectedConsumers;
    ctx.progress(
      consumers === 'refused'
        ? msg('rocketmq.progress.consumersRefused', { group: input.group })
        : msg('rocketmq.progress.consumers', { group: input.group, count: consumers.length }),
    );
    if (!view.consumedByGroup)
      throw new StepFailure(
        { code: 'RMQ_VERIFY_NOT_ACKED', values: { messageId, group: input.group } },
        details,
      );
    return {
      status: consumers === 'refused' ? 'warned' : 'passed',
      details,
      summary: msg('rocketmq.verify.okCommitted', {
        messageId,
        group: input.group,
        queue: stored.queue,
        committed: view.committedOffset ?? '-',
      }),
      ...(consumers === 'refused'
        ? { notes: [msg('rocketmq.verify.notAllowed', { group: input.group })] }
        : {}),
    };
  },
};
