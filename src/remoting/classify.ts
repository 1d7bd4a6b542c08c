import { RequestCode, ResponseCode } from './codes.js';
import { RemotingConnectionError, RemotingResponseError, RemotingTimeoutError } from './errors.js';

/**
 * What a failed answer means, judged by code and remark. A 5.3.3 broker with ACL 2.0 answers every
 * authentication and authorization failure with NO_PERMISSION (16); only the remark tells which.
 * Remarks seen live on 5.3.3 (the access key abbreviated AK):
 *   wrong secret key        "check signature failed."
 *   unknown access key      "User:AK is not found."
 *   unsigned request        "username cannot be null."
 *   resource not allowed    "User:AK has no permission to access Topic:t from 127.0.0.1, no matched policies."
 */

const AUTHENTICATION = [
  /check signature failed/i,
  /username cannot be null/i,
  /^User:\S* is not found/i,
  /^User:\S* is disabled/i,
  /Authentication failed/i,
];
const AUTHORIZATION = [/has no permission to access/i, /Authorization failed/i];

function answered(error: unknown, code: number): error is RemotingResponseError {
  return error instanceof RemotingResponseError && error.responseCode === code;
}

/** The credentials were refused: wrong secret key, unknown access key, or none sent. */
export function isAuthFailure(error: unknown): error is RemotingResponseError {
  return (
    answered(error, ResponseCode.NO_PERMISSION) && AUTHENTICATION.some((p) => p.test(error.remark ?? ''))
  );
}

/** The user is known, but not allowed this topic or group (or this action on it). */
export function isPermissionDenied(error: unknown): error is RemotingResponseError {
  return answered(error, ResponseCode.NO_PERMISSION) && AUTHORIZATION.some((p) => p.test(error.remark ?? ''));
}

/** The topic does not exist: at the name server (no route) or at the broker. */
export function isTopicMissing(error: unknown): error is RemotingResponseError {
  return answered(error, ResponseCode.TOPIC_NOT_EXIST);
}

/** The consumer group does not exist at the broker (auto-creation off). */
export function isGroupMissing(error: unknown): error is RemotingResponseError {
  return answered(error, ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST);
}

/** Where a missing topic was noticed. */
export function topicMissingAt(error: RemotingResponseError): 'nameserver' | 'broker' {
  return error.requestCode === RequestCode.GET_ROUTEINFO_BY_TOPIC ? 'nameserver' : 'broker';
}

/** The resource a permission refusal names, e.g. { type: 'Group', name: 'tutorial-group' }. */
export function deniedResource(error: RemotingResponseError): { type: string; name: string } | undefined {
  const match = /has no permission to access (\w+):(\S+) from/.exec(error.remark ?? '');
  return match ? { type: match[1]!, name: match[2]! } : undefined;
}

/**
 * The broker asked its clients to slow down: its send or pull queue waited too long, or its page
 * cache was busy (remarks such as "[TIMEOUT_CLEAN_QUEUE]broker busy, start flow control for a
 * while" and "[PC_SYNCHRONIZED]broker busy"). A cloud instance answers so above its TPS limit.
 */
export function isBrokerBusy(error: unknown): error is RemotingResponseError {
  if (answered(error, ResponseCode.SYSTEM_BUSY) || answered(error, ResponseCode.FLOW_CONTROL)) return true;
  return answered(error, ResponseCode.SYSTEM_ERROR) && /busy|flow control/i.test(error.remark ?? '');
}

/** Connection ends that say nothing about the address: the next connection may well work. */
const DROPPED = new Set(['CONNECTION_CLOSED', 'ECONNRESET', 'EPIPE']);

/**
 * Worth another try in a moment, as Java's producer retries: the broker was busy or had an
 * internal error, or the connection dropped or the answer was late. Refusals (keys, permissions,
 * a missing topic or group) and an address that cannot be reached at all are not.
 */
export function isWorthRetrying(error: unknown): boolean {
  if (isBrokerBusy(error)) return true;
  if (answered(error, ResponseCode.SYSTEM_ERROR) || answered(error, ResponseCode.SERVICE_NOT_AVAILABLE))
    return true;
  if (error instanceof RemotingTimeoutError) return error.stage === 'request';
  return error instanceof RemotingConnectionError && DROPPED.has(error.code ?? '');
}
