import type { AddressProblem } from '../util/addresses.js';
import { requestCodeName, responseCodeName } from './codes.js';

/** Base of every error this library throws, so a caller can tell protocol failures from its own bugs. */
export class RemotingError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The broker or name server answered, with a code that means the request failed. */
export class RemotingResponseError extends RemotingError {
  constructor(
    readonly requestCode: number,
    readonly responseCode: number,
    readonly remark: string | undefined,
    readonly address: string,
  ) {
    super(
      `${requestCodeName(requestCode)} to ${address} answered ${responseCodeName(responseCode)} (${responseCode})${
        remark ? `: ${remark}` : ''
      }`,
    );
  }
}

export type TimeoutStage = 'connect' | 'request';

/** No connection within the connect timeout, or no answer within the request timeout. */
export class RemotingTimeoutError extends RemotingError {
  constructor(
    readonly stage: TimeoutStage,
    readonly address: string,
    readonly timeoutMs: number,
    readonly requestCode?: number,
  ) {
    super(
      stage === 'connect'
        ? `no connection to ${address} within ${timeoutMs} ms`
        : `${requestCodeName(requestCode ?? -1)} to ${address}: no answer within ${timeoutMs} ms`,
    );
  }
}

/**
 * The connection could not be made or broke. `code` is Node's (ECONNREFUSED, ECONNRESET,
 * ENOTFOUND...), or CONNECTION_CLOSED when the peer or `close()` ended it with requests in flight.
 */
export class RemotingConnectionError extends RemotingError {
  readonly code: string | undefined;
  constructor(
    readonly address: string,
    cause: unknown,
    code?: string,
  ) {
    const nodeCode = code ?? (cause as { code?: unknown } | undefined)?.code;
    const codeText = typeof nodeCode === 'string' ? nodeCode : undefined;
    super(`connection to ${address} failed${codeText ? ` (${codeText})` : ''}`, { cause });
    this.code = codeText;
  }
}

/** Something answered at the port, but not with a remoting frame (gRPC, TLS, HTTP, garbage). */
export class NotRemotingError extends RemotingError {
  constructor(
    readonly address: string,
    readonly firstBytes: Buffer,
    readonly reason: string,
  ) {
    super(`${address} does not speak the remoting protocol: ${reason}`);
  }
}

/** Every name server in the list failed to answer; `attempts` says how each one failed. */
export class NameServersUnreachableError extends RemotingError {
  constructor(readonly attempts: { address: string; error: RemotingError }[]) {
    super(`no name server answered: ${attempts.map((a) => `${a.address} (${a.error.message})`).join('; ')}`);
  }
}

/** The route has no queue this operation can use: no writable queue to send to, no readable to pull. */
export class NoQueueError extends RemotingError {
  constructor(
    readonly topic: string,
    readonly need: 'write' | 'read',
  ) {
    super(`topic ${topic} has no ${need === 'write' ? 'writable' : 'readable'} queue`);
  }
}

/** A message the client refuses before sending, as Java's Validators.checkMessage does. */
export class InvalidMessageError extends RemotingError {
  constructor(readonly reason: 'empty-body' | 'body-too-large' | 'bad-topic') {
    super(`message refused before sending: ${reason}`);
  }
}

/** A name-server address string that does not parse; `problem` says what is wrong with it. */
export class InvalidAddressError extends RemotingError {
  constructor(
    readonly input: string,
    readonly problem: AddressProblem,
  ) {
    super(`not a name server address (${problem.kind}): ${input}`);
  }
}
