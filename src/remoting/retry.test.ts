import { describe, expect, it } from 'vitest';
import { RemotingResponseError } from './errors.js';
import { withRetries } from './retry.js';

const busy = () =>
  new RemotingResponseError(
    310,
    2,
    '[TIMEOUT_CLEAN_QUEUE]broker busy, start flow control for a while',
    'b:1',
  );
const refused = () => new RemotingResponseError(310, 16, 'check signature failed.', 'b:1');

/** Work that fails with each of `failures` in turn, then answers 'stored'. */
function flaky(...failures: Error[]) {
  const calls = { count: 0 };
  const work = async () => {
    const failure = failures[calls.count++];
    if (failure) throw failure;
    return 'stored';
  };
  return { work, calls };
}

describe('withRetries', () => {
  it('tries again while the broker is busy, and answers once it is not', async () => {
    const { work, calls } = flaky(busy(), busy());
    await expect(withRetries(work, { pauseMs: 1 })).resolves.toBe('stored');
    expect(calls.count).toBe(3);
  });

  it('gives up after its tries with the last failure', async () => {
    const last = busy();
    const { work, calls } = flaky(busy(), busy(), last);
    await expect(withRetries(work, { pauseMs: 1 })).rejects.toBe(last);
    expect(calls.count).toBe(3);
  });

  it('does not try a refusal again', async () => {
    const { work, calls } = flaky(refused());
    await expect(withRetries(work, { pauseMs: 1 })).rejects.toMatchObject({ responseCode: 16 });
    expect(calls.count).toBe(1);
  });

  it('starts no try after its deadline', async () => {
    const { work, calls } = flaky(busy(), busy());
    await expect(withRetries(work, { pauseMs: 50, until: Date.now() + 20 })).rejects.toMatchObject({
      responseCode: 2,
    });
    expect(calls.count).toBe(1);
  });

  it('stops at once when aborted during a pause', async () => {
    const controller = new AbortController();
    const { work, calls } = flaky(busy(), busy());
    const tried = withRetries(work, { pauseMs: 5_000, signal: controller.signal });
    setTimeout(() => controller.abort(new Error('stopped')), 10);
    await expect(tried).rejects.toThrow('stopped');
    expect(calls.count).toBe(1);
  });
});
