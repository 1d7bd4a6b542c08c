/**
 * The room's progress topic as the workshop commands use it: messages go to one partition (one
 * queue), so that everyone reads them in the same order. Failures are the client's own errors, for
 * the diagnosis to word; every call is bounded in time.
 */
export interface ProgressChannel {
  /** Appends one message (a JSON object); resolves once the broker stored it. */
  publish(message: object, signal?: AbortSignal): Promise<void>;
  /** Every message so far, oldest first (parsed JSON; what does not parse is left out). */
  history(signal?: AbortSignal): Promise<unknown[]>;
  /** Every message so far, then each new one as it arrives, until `signal` aborts. */
  follow(signal: AbortSignal): AsyncIterable<unknown>;
  close(): Promise<void>;
}

/** Messages read from the topic as text; a message that is not JSON is dropped, not thrown. */
export function parseMessage(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** An async queue: a reader that waits for what a writer pushes, ended by a signal. */
export function pushQueue<T>(signal: AbortSignal): {
  push(item: T): void;
  fail(error: unknown): void;
  items: AsyncIterable<T>;
} {
  const buffer: T[] = [];
  let wake: (() => void) | undefined;
  let failure: unknown;
  const poke = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  signal.addEventListener('abort', poke, { once: true });
  return {
    push(item) {
      buffer.push(item);
      poke();
    },
    fail(error) {
      failure ??= error;
      poke();
    },
    items: {
      async *[Symbol.asyncIterator]() {
        for (;;) {
          while (buffer.length > 0) yield buffer.shift() as T;
          if (failure !== undefined) throw failure;
          if (signal.aborted) return;
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
        }
      },
    },
  };
}

/** A promise given up after `ms` or when `signal` aborts (the work itself is left to its own end). */
export function bounded<T>(work: Promise<T>, ms: number, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new ProgressTimeoutError(ms)), ms);
    const onAbort = () => reject(signal?.reason);
    if (signal?.aborted) onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    });
  });
}

export class ProgressTimeoutError extends Error {
  readonly code = 'ETIMEDOUT';
  constructor(readonly ms: number) {
    super(`no answer from the broker within ${ms} ms`);
  }
}
