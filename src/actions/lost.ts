import { errorChain } from '../util/errors.js';

/** The broker answered at first, then went away in the middle of the step (killed, restarted, cut off). */
export class BrokerLostError extends Error {
  constructor(cause: unknown) {
    super(`the connection to the broker was lost: ${(cause as Error)?.message ?? cause}`, { cause });
    this.name = 'BrokerLostError';
  }
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
const NETWORK_NAMES = new Set([
  'KafkaJSConnectionError',
  'KafkaJSConnectionClosedError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSBrokerNotFound',
]);

/** Whether an error says the connection failed (as opposed to the broker answering "no"). */
export function isConnectionFailure(error: unknown): boolean {
  return errorChain(error).some(
    (e) =>
      NETWORK_CODES.has(String(e.code)) ||
      NETWORK_NAMES.has(String(e.name)) ||
      // grpc-js: 14 UNAVAILABLE, 4 DEADLINE_EXCEEDED
      /^(14|4) (UNAVAILABLE|DEADLINE_EXCEEDED)/.test(String(e.message ?? '')) ||
      /Closed connection|Connection closed|socket hang up|No broker available/i.test(String(e.message ?? '')),
  );
}

/** After the step had reached the broker, a connection failure means the broker was lost. */
export function lostIfConnected(error: unknown, reached: boolean): unknown {
  if (!reached || error instanceof BrokerLostError || (error as Error)?.name === 'StepFailure') return error;
  return isConnectionFailure(error) ? new BrokerLostError(error) : error;
}
