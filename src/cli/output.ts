/** Standard output, which may be a pipe that its reader closes early (`mq-tutor ... | head -1`). */
export interface Output {
  line(text: string): void;
  /** The reader went away; everything written from now on is dropped. */
  readonly closed: boolean;
  onClosed(listener: () => void): void;
}

export function stderrLine(text: string): void {
  try {
    process.stderr.write(`${text}\n`);
  } catch {
    /* nobody reads stderr either */
  }
}

/**
 * Watches stdout for its reader going away (EPIPE). From then on writes are dropped rather than
 * thrown as an unhandled error with a stack trace, and the listeners (the run, which stops
 * quietly) are told once.
 */
export function watchStdout(stream: NodeJS.WriteStream = process.stdout): Output {
  let closed = false;
  const listeners: (() => void)[] = [];
  const close = () => {
    if (closed) return;
    closed = true;
    stream.write = (() => true) as typeof stream.write;
    for (const listener of listeners) listener();
  };
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') close();
  });
  process.stderr.on('error', () => {});
  return {
    line: (text) => {
      if (!closed) stream.write(`${text}\n`);
    },
    get closed() {
      return closed;
    },
    onClosed: (listener) => {
      if (closed) listener();
      else listeners.push(listener);
    },
  };
}
