import { applyEvent, type Board, emptyBoard } from '../../workshop/board.js';
import type { ProgressEvent, Room } from '../../workshop/progress.js';

export interface LiveState {
  board: Board;
  /** Why the stream of events stopped, when it stopped with an error. */
  failure?: string;
}

/**
 * The board as events arrive, for the screens that show it live (the terminal and the web page).
 * Every event is applied at once, with the time it arrived (the bench reads the lag from it);
 * listeners hear of a burst once, after it (a board opened late is fed the whole history at once).
 */
export class LiveBoard {
  private state: LiveState;
  private readonly listeners = new Set<() => void>();
  private pending = false;

  constructor(
    readonly room: Room,
    private readonly now: () => number = Date.now,
  ) {
    this.state = { board: emptyBoard(room) };
  }

  readonly getSnapshot = (): LiveState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  apply(event: ProgressEvent): void {
    const board = applyEvent(this.state.board, event, this.now());
    if (board === this.state.board) return;
    this.state = { ...this.state, board };
    this.changed();
  }

  /**
   * Applies every event of the stream until it ends, fails or `signal` aborts. A failure is kept in
   * the state (the board goes on showing what arrived before), not thrown.
   */
  async feed(events: AsyncIterable<ProgressEvent>, signal?: AbortSignal): Promise<void> {
    let iterator: AsyncIterator<ProgressEvent>;
    try {
      iterator = events[Symbol.asyncIterator]();
    } catch (error) {
      return this.failed(error);
    }
    // A read that waits for the next event is given up at once when the signal aborts.
    let stop = () => {};
    const aborted = new Promise<IteratorResult<ProgressEvent>>((resolve) => {
      stop = () => {
        resolve({ done: true, value: undefined });
        void iterator.return?.()?.catch(() => undefined);
      };
    });
    if (signal?.aborted) stop();
    signal?.addEventListener('abort', stop, { once: true });
    try {
      for (;;) {
        const next = await Promise.race([iterator.next(), aborted]);
        if (next.done || signal?.aborted) return;
        this.apply(next.value);
      }
    } catch (error) {
      if (!signal?.aborted) this.failed(error);
    } finally {
      signal?.removeEventListener('abort', stop);
    }
  }

  private failed(error: unknown): void {
    this.state = { ...this.state, failure: error instanceof Error ? error.message : String(error) };
    this.changed();
  }

  private changed(): void {
    if (this.pending) return;
    this.pending = true;
    setImmediate(() => {
      this.pending = false;
      for (const listener of this.listeners) listener();
    });
  }
}
