import { isAuthFailure, isGroupMissing, isTopicMissing, topicMissingAt } from '../../remoting/classify.js';
import { RemotingConnectionError, RemotingTimeoutError } from '../../remoting/errors.js';
import { registeredBrokers } from '../../remoting/nameserver.js';
import { StepFailure } from '../types.js';
import { hostPort } from './endpoints.js';
import { FOLLOW_UP_MS, fullNameKnown, groupExists, swappedKeysWork } from './follow-up.js';
import type { RemotingTarget } from './remoting-connection.js';

/**
 * What only the step can find out about a remoting failure, by asking one more question:
 * - the broker handed out by the name server does not answer (an address not among the name servers);
 * - a topic or group with no route exists under a full name (`namespace%name`) the name server knows;
 * - the name server knows no broker at all;
 * - refused keys are accepted the other way round (access key and secret key swapped).
 * Anything else, and any follow-up that fails, leaves the error as it is for the diagnosis.
 */
export async function explainRemoting(
  error: unknown,
  target: RemotingTarget,
  signal?: AbortSignal,
): Promise<unknown> {
  if (signal?.aborted) return error;
  const unreachable = brokerUnreachable(error, target);
  if (unreachable) return unreachable;
  try {
    if (isTopicMissing(error) && topicMissingAt(error) === 'nameserver') {
      const full = await fullNameKnown(target, target.topic, signal);
      if (full)
        return new StepFailure({
          code: 'RMQ_TOPIC_FULL_NAME',
          values: { topic: target.topic, fullName: full },
          cause: error.message,
        });
      const brokers = await registeredBrokers(ask(target, signal));
      if (brokers.length === 0)
        return new StepFailure({
          code: 'RMQ_NO_BROKERS',
          values: { nameServer: error.address, topic: target.topic },
          cause: error.message,
        });
    }
    if (isGroupMissing(error)) {
      const full = await fullNameKnown(target, target.group, signal);
      if (full && (await groupExists(target, full, signal)))
        return new StepFailure({
          code: 'RMQ_GROUP_FULL_NAME',
          values: { group: target.group, fullName: full },
          cause: error.message,
        });
    }
    if (isAuthFailure(error) && (await swappedKeysWork(target, signal)))
      return new StepFailure({ code: 'RMQ_KEYS_SWAPPED', cause: error.message });
  } catch {
    // The follow-up question failed: the first answer is all there is.
  }
  return error;

  function ask(t: RemotingTarget, s: AbortSignal | undefined) {
    return { nameServers: t.nameServers, timeoutMs: FOLLOW_UP_MS, ...(s ? { signal: s } : {}) };
  }
}

function brokerUnreachable(error: unknown, target: RemotingTarget): StepFailure | undefined {
  const unreachable =
    error instanceof RemotingConnectionError ||
    (error instanceof RemotingTimeoutError && error.stage === 'connect');
  if (!unreachable) return undefined;
  const nameServers = new Set(target.nameServers.map(hostPort));
  if (nameServers.has(error.address)) return undefined;
  const code = error instanceof RemotingConnectionError ? (error.code ?? 'ECONNRESET') : 'ETIMEDOUT';
  return new StepFailure({
    code: 'RMQ_BROKER_UNREACHABLE',
    values: { topic: target.topic, address: error.address, code },
    cause: error.message,
  });
}
