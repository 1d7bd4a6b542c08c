import type { ProgressEvent } from '../../../workshop/progress.js';

/** A stream of progress events the test writes into, as the transport would deliver them. */
export function eventQueue(initial: readonly ProgressEvent[] = []) {
  const queue = [...initial];
  let wake: (() => void) | undefined;
  let closed = false;
  const iterable: AsyncIterable<ProgressEvent> = {
    async *[Symbol.asyncIterator]() {
      for (;;) {
        while (queue.length > 0) yield queue.shift() as ProgressEvent;
        if (closed) return;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    },
  };
  return {
    iterable,
    push(...events: ProgressEvent[]) {
      queue.push(...events);
      wake?.();
    },
    end() {
      closed = true;
      wake?.();
    },
  };
}
