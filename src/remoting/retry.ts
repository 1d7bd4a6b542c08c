import { sleep } from '../util/wait.js';
import { isWorthRetrying } from './classify.js';

export interface RetryOptions {
  /** Tries in all; Java's producer makes three of a send (retryTimesWhenSendFailed = 2). */
  tries?: number;
  /** The pause after the first failure; it grows by as much after each next one. */
  pauseMs?: number;
  /** No new try starts after this moment (ms since the epoch). */
  until?: number;
  signal?: AbortSignal;
}

export const DEFAULT_TRIES = 3;
export const DEFAULT_PAUSE_MS = 400;

/**
 * `work`, tried again after a pause while its failure is worth retrying (a busy broker, a dropped
 * connection, a late answer; see isWorthRetrying) and tries and time are left. The last failure is
 * the one thrown.
 */
export async function withRetries<T>(work: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const tries = options.tries ?? DEFAULT_TRIES;
  const pauseMs = options.pauseMs ?? DEFAULT_PAUSE_MS;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const pause = pauseMs * attempt;
      const late = options.until !== undefined && Date.now() + pause >= options.until;
      if (attempt >= tries || late || options.signal?.aborted || !isWorthRetrying(error)) throw error;
      await sleep(pause, options.signal);
    }
  }
}
