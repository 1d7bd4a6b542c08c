import { describe, expect, it, vi } from 'vitest';
import { joined, roomOfThirty, sampleRoom, step, T0 } from '../../workshop/testing/sample-room.js';
import { LiveBoard } from './live-board.js';

const settle = () => new Promise((resolve) => setImmediate(resolve));

async function* stream<T>(items: readonly T[], failWith?: Error): AsyncGenerator<T> {
  for (const item of items) yield item;
  if (failWith) throw failWith;
}

describe('LiveBoard', () => {
  it('applies a whole history and tells its listeners once, after the burst', async () => {
    const { room, events } = roomOfThirty();
    const live = new LiveBoard(room);
    const listener = vi.fn();
    live.subscribe(listener);
    await live.feed(stream(events));
    await settle();
    expect(Object.keys(live.getSnapshot().board.learners)).toHaveLength(28);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('stamps each event with the time it arrived (the board lag)', () => {
    let clock = T0 + 250;
    const live = new LiveBoard(sampleRoom(), () => clock);
    live.apply(joined('alice', 0));
    clock = T0 + 1400;
    live.apply(step('alice', 'prepare-env', 'started', 1));
    expect(live.getSnapshot().board.lag.map((s) => s.lagMs)).toEqual([250, 400]);
  });

  it('a duplicate changes nothing and wakes nobody', async () => {
    const live = new LiveBoard(sampleRoom());
    live.apply(joined('alice', 0));
    await settle();
    const before = live.getSnapshot();
    const listener = vi.fn();
    live.subscribe(listener);
    live.apply(joined('alice', 0));
    await settle();
    expect(live.getSnapshot()).toBe(before);
    expect(listener).not.toHaveBeenCalled();
  });

  it('keeps what arrived when the stream fails, and says why', async () => {
    const live = new LiveBoard(sampleRoom());
    await live.feed(stream([joined('alice', 0)], new Error('broker went away')));
    expect(live.getSnapshot().failure).toBe('broker went away');
    expect(live.getSnapshot().board.learners.alice).toBeDefined();
  });

  it('stops reading when the signal aborts, even while waiting for the next event', async () => {
    const controller = new AbortController();
    let closed = false;
    const waiting: AsyncIterable<never> = {
      [Symbol.asyncIterator]: () => ({
        next: () => new Promise(() => {}),
        return: async () => {
          closed = true;
          return { done: true, value: undefined };
        },
      }),
    };
    const live = new LiveBoard(sampleRoom());
    const fed = live.feed(waiting, controller.signal);
    controller.abort();
    await fed;
    expect(closed).toBe(true);
    expect(live.getSnapshot().failure).toBeUndefined();
  });
});
