import { msg } from '../../i18n/index.js';
import { succeeded } from '../earlier-result.js';
import { servicesOf } from '../services.js';
import { type ActionDefinition, type ParamValues, StepFailure } from '../types.js';
import { type RocketmqConnection, rocketmqConnection, shortName } from './connection.js';

interface Input {
  connection: RocketmqConnection;
  topic: string;
  group: string;
}

/**
 * The round trip from both ends: the message id the producer got back is the one the consumer
 * received and acknowledged. When the session can ask the broker (the local sandbox), the
 * broker-side view the console's Group page shows is added (consumer offsets and backlog).
 */
export const grpcVerify: ActionDefinition<Input> = {
  id: 'rocketmq.verify',
  input: (params: ParamValues) => ({
    connection: rocketmqConnection(params),
    topic: shortName(params, 'topic'),
    group: shortName(params, 'group'),
  }),
  async run(input, ctx) {
    const produced = ctx.resultOf('rocketmq.produce');
    const consumed = ctx.resultOf('rocketmq.consume');
    if (!succeeded(produced)) throw new StepFailure({ code: 'VERIFY_NO_PRODUCE' });
    if (!succeeded(consumed)) throw new StepFailure({ code: 'VERIFY_NO_CONSUME' });
    const messageId = String(produced.details.messageId);
    const seenId = String(consumed.details.messageId);
    const details: Record<string, unknown> = {
      message: {
        topic: produced.details.topic,
        messageId,
        tag: produced.details.tag,
        keys: produced.details.keys,
      },
      receivedBy: input.group,
      acknowledged: consumed.details.acknowledged === true,
    };
    if (messageId !== seenId) {
      throw new StepFailure({ code: 'RMQ_VERIFY_MISMATCH', values: { messageId, seenId } }, details);
    }
    if (consumed.details.acknowledged !== true)
      throw new StepFailure(
        { code: 'RMQ_VERIFY_NOT_ACKED', values: { messageId, group: input.group } },
        details,
      );
    const position = consumed.details.position as { broker: string; queue: number; offset: number } | null;
    const { endpoints } = input.connection;
    const groupView = servicesOf(ctx).rocketmqGroupView;
    const view =
      position && groupView
        ? await groupView({ endpoints, group: input.group, topic: input.topic, message: position })
        : undefined;
    if (view) {
      details.group = view;
      ctx.progress(
        msg('rocketmq.progress.groupView', {
          group: input.group,
          consumed: view.consumedByGroup ? 'yes' : 'no',
          lag: view.totalLag,
        }),
      );
      if (!view.consumedByGroup)
        throw new StepFailure(
          { code: 'RMQ_VERIFY_NOT_ACKED', values: { messageId, group: input.group } },
          details,
        );
    } else {
      ctx.progress(msg('rocketmq.progress.consoleHint', { group: input.group }));
    }
    return {
      status: 'passed',
      details,
      summary: msg(view ? 'rocketmq.verify.okBroker' : 'rocketmq.verify.ok', {
        messageId,
        group: input.group,
        lag: view?.totalLag ?? '-',
      }),
    };
  },
};
