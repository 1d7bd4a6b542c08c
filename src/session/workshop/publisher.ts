import { randomBytes } from 'node:crypto';
import type { ProgressChannel } from '../../actions/progress/channel.js';
import type { EngineEvent } from '../../engine/types.js';
import { packageVersion } from '../../util/version.js';
import { progressOf } from '../../workshop/from-run.js';

export interface PublisherOptions {
  channel: ProgressChannel;
  room: string;
  learner: string;
  tutorial: string;
  /** Told of the first failure only: the tutorial goes on, and the learner hears of it once. */
  onFirstFailure: (error: unknown) => void;
  now?: () => Date;
}

/**
 * A joined learner's runs, published step by step to the room's progress topic, in order and
 * without holding the tutorial up: events queue while the broker answers. After a failure the
 * publisher keeps trying the next events (the board may still get the end), but says so only once.
 */
export class ProgressPublisher {
  private chain: Promise<void> = Promise.resolve();
  private run = '';
  private failed = false;
  private readonly version = packageVersion();

  constructor(private readonly options: PublisherOptions) {}

  /** The step that started last: a run cut off in it says so. */
  private running: string | undefined;

  /** For SessionRequest.onEvent. */
  readonly onEvent = (event: EngineEvent): void => {
    if (event.type === 'run-started')
      this.run = `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
    if (event.type === 'step-started') this.running = event.step;
    const at = (this.options.now?.() ?? new Date()).toISOString();
    const message = progressOf(
      event,
      {
        room: this.options.room,
        learner: this.options.learner,
        tutorial: this.options.tutorial,
        run: this.run || 'run',
        version: this.version,
      },
      at,
      this.running,
    );
    if (message) this.send(message);
  };

  /** Anything else for the room (the learner's claim, their joined event), in the same order. */
  send(message: object): void {
    this.chain = this.chain.then(() =>
      this.options.channel.publish(message).catch((error: unknown) => {
        if (this.failed) return;
        this.failed = true;
        this.options.onFirstFailure(error);
      }),
    );
  }

  /** Waits for what is queued, at most `ms`; then closes the channel. */
  async close(ms = 5000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.chain, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
    clearTimeout(timer);
    await this.options.channel.close();
  }
}
