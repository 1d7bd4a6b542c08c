import tls from 'node:tls';
import { errorChain } from '../../util/errors.js';
import { lostIfConnected } from '../lost.js';
import { splitHostPort } from '../network/probe.js';
import type { KafkaConnection } from './connection.js';

/** The broker port speaks TLS but the client was set to SASL_PLAINTEXT. */
export class PlaintextToTlsPortError extends Error {
  constructor(readonly server: string) {
    super(`${server} expects TLS (SASL_SSL), the client spoke plaintext`);
    this.name = 'PlaintextToTlsPortError';
  }
}

function answersTls(server: string, timeoutMs: number): Promise<boolean> {
  const { host, port } = splitHostPort(server);
  return new Promise((resolve) => {
    const socket = tls.connect({
      host,
      port,
      rejectUnauthorized: false,
      timeout: timeoutMs,
      servername: host,
    });
    const done = (yes: boolean) => {
      socket.destroy();
      resolve(yes);
    };
    socket.once('secureConnect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
}

/**
 * A broker that closes a SASL_PLAINTEXT connection without a word is often a TLS listener; a quick
 * TLS hello tells that apart from a broker that went away. Once the step had reached the broker,
 * a connection failure means the broker was lost mid-step.
 */
export async function explainKafkaError(
  error: unknown,
  conn: KafkaConnection,
  reached = false,
): Promise<unknown> {
  if (reached) return lostIfConnected(error, reached);
  const closed = errorChain(error).some((e) => e.name === 'KafkaJSConnectionClosedError');
  if (!closed || conn.securityProtocol !== 'SASL_PLAINTEXT') return error;
  // Every server of the list is asked: the one the client was talking to need not be the first.
  const tlsAnswers = await Promise.all(conn.brokers.map((server) => answersTls(server, 2000)));
  const server = conn.brokers.find((_, i) => tlsAnswers[i]);
  return server ? new PlaintextToTlsPortError(server) : error;
}
