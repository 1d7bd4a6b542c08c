import { describe, expect, it } from 'vitest';
import type { ProgressChannel } from '../../actions/progress/channel.js';
import { ProgressPublisher } from './publisher.js';

/** A channel that records what it is given, in order, and fails the calls it is told to. */
function recordingChannel(failing: (n: number) => boolean, delayMs = 0) {
  const sent: object[] = [];
  let calls = 0;
  let closed = false;
  const channel: ProgressChannel = {
    async publish(message) {
      const n = calls++;
      await new Promise((r) => setTimeout(r, delayMs * (n % 2 === 0 ? 2 : 1)));
      if (failing(n)) throw new Error(`broker refused ${n}`);
      sent.push(message);
    },
    history: async () => [],
    follow: () => ({ async *[Symbol.asyncIterator]() {} }),
    close: async () => {
      closed = true;
    },
  };
  return { channel, sent, isClosed: () => closed };
}

const started = (step: string) => ({ type: 'step-started' as const, tutorial: 'ckafka', step, at: '' });

describe('ProgressPublisher', () => {
  it('publishes in the order of the events, one run id per run, and waits for them at close', async () => {
    const rec = recordingChannel(() => false, 5);
    const p = new ProgressPublisher({
      channel: rec.channel,
      room: 'r',
      learner: 'Ann',
      tutorial: 'ckafka',
      onFirstFailure: () => {},
    });
    p.onEvent({ type: 'run-started', tutorial: 'ckafka', steps: [], at: '' });
    for (const step of ['a', 'b', 'c', 'd']) p.onEvent(started(step));
    await p.close();
    expect(rec.sent.map((m) => (m as { step: string }).step)).toEqual(['a', 'b', 'c', 'd']);
    expect(new Set(rec.sent.map((m) => (m as { run: string }).run)).size).toBe(1);
    expect(rec.isClosed()).toBe(true);
  });

  it('says the first failure once and goes on publishing the rest', async () => {
    const rec = recordingChannel((n) => n === 1 || n === 2);
    const told: unknown[] = [];
    const p = new ProgressPublisher({
      channel: rec.channel,
      room: 'r',
      learner: 'Ann',
      tutorial: 'ckafka',
      onFirstFailure: (e) => told.push(e),
    });
    for (const step of ['a', 'b', 'c', 'd']) p.onEvent(started(step));
    await p.close();
    expect(told).toHaveLength(1);
    expect(rec.sent.map((m) => (m as { step: string }).step)).toEqual(['a', 'd']);
  });

  it('does not wait past its limit for a broker that never answers', async () => {
    const channel: ProgressChannel = {
      publish: () => new Promise(() => {}),
      history: async () => [],
      follow: () => ({ async *[Symbol.asyncIterator]() {} }),
      close: async () => {},
    };
    const p = new ProgressPublisher({
      channel,
      room: 'r',
      learner: 'Ann',
      tutorial: 'ckafka',
      onFirstFailure: () => {},
    });
    p.onEvent(started('a'));
    const t0 = Date.now();
    await p.close(200);
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});
