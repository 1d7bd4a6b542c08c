import { msg } from '../../i18n/index.js';
import { sendSync } from '../../remoting/producer.js';
import { lostIfConnected } from '../lost.js';
import type { ActionDefinition, ParamValues } from '../types.js';
import { tagToSend, tutorialBody } from './message.js';
import { REMOTING_TIMEOUT_MS, type RemotingTarget, remotingTarget } from './remoting-connection.js';
import { explainRemoting } from './remoting-errors.js';

/**
 * The document's `producer.send_sync(msg)`: through the name server, in the producer group, to the
 * topic's full name, with the tag and the keys on their own fields (the document's sample swaps
 * them). The result is what the document prints: status, message id, queue and offset.
 */
export const remotingProduce: ActionDefinition<RemotingTarget> = {
  id: 'rocketmq.produce',
  input: (params: ParamValues) => remotingTarget(params),
  async run(input, ctx) {
    const tag = tagToSend(input.tag);
    const sentAt = new Date();
    const body = tutorialBody(ctx.runId, sentAt);
    ctx.progress(
      msg('rocketmq.progress.sendingRemoting', {
        group: input.producerGroup,
        topic: input.topic,
        tag,
        keys: input.keys.join(','),
      }),
    );
    try {
      const r = await sendSync({
        nameServers: input.nameServers,
        credentials: input.credentials,
        producerGroup: input.producerGroup,
        topic: input.topic,
        tag,
        keys: input.keys,
        body,
        properties: { mqTutorRun: ctx.runId },
        signal: ctx.signal,
        timeoutMs: REMOTING_TIMEOUT_MS,
      });
      for (const dead of r.unreachableNameServers)
        ctx.progress(
          msg('network.progress.skipped', { server: dead, code: 'ECONNREFUSED', using: r.nameServer }),
        );
      return {
        status: r.unreachableNameServers.length > 0 ? 'warned' : 'passed',
        details: {
          route: 'remoting',
          status: r.status,
          messageId: r.msgId,
          offsetMsgId: r.offsetMsgId,
          topic: r.topic,
          producerGroup: input.producerGroup,
          broker: r.brokerName,
          brokerAddress: r.brokerAddress,
          queue: r.queueId,
          offset: r.queueOffset,
          tag,
          keys: input.keys.join(','),
          body,
          marker: ctx.runId,
          sentAt: sentAt.toISOString(),
          unreachable: r.unreachableNameServers,
        },
        summary: msg('rocketmq.produce.okRemoting', {
          status: r.status,
          messageId: r.msgId,
          queue: r.queueId,
          offset: r.queueOffset,
          topic: r.topic,
        }),
        ...(r.unreachableNameServers.length > 0 ? { notes: [msg('network.partialNote')] } : {}),
      };
    } catch (error) {
      throw await explainRemoting(lostIfConnected(error, false), input, ctx.signal);
    }
  },
};
