import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnose } from '../../src/diagnosis/diagnose.js';
import { localizeDiagnosis } from '../../src/diagnosis/localize.js';
import { isWorthRetrying } from '../../src/remoting/classify.js';
import { RemotingConnection } from '../../src/remoting/connection.js';
import { RemotingResponseError } from '../../src/remoting/errors.js';
import { sendMessage } from '../../src/remoting/producer.js';
import { mqadmin } from '../../src/sandbox/rocketmq/admin.js';
import { ROCKETMQ, SEND_QUEUE_WAIT_MS } from '../../src/sandbox/rocketmq/config.js';
import { SANDBOX_DIR } from '../helpers/env.js';
import { sandboxSecrets } from '../helpers/sandbox.js';
import { needsSharedSandbox } from '../helpers/shared-sandbox.js';

needsSharedSandbox();

/**
 * A broker under flow control, for real: the sandbox broker told to refuse every send that waits in
 * its queue at all (waitTimeMillsInSendQueue 0, changed at run time and put back after), then a
 * flood of sends. This is what a busy broker, or a cloud instance over its TPS limit, answers.
 */
const NAMESRV = ['-n', `127.0.0.1:${ROCKETMQ.namesrvPort}`];
const BROKER = ['-b', `127.0.0.1:${ROCKETMQ.brokerPort}`];
const topic = `tutorial-busy-${randomBytes(4).toString('hex')}`;

async function setSendQueueWait(ms: number): Promise<void> {
  const r = await mqadmin(SANDBOX_DIR, [
    'updateBrokerConfig',
    ...BROKER,
    '-k',
    'waitTimeMillsInSendQueue',
    '-v',
    String(ms),
  ]);
  expect(r.output).toMatch(/success/i);
}

/** `count` sends at once over a few connections; what each one ended with. */
async function flood(count: number): Promise<unknown[]> {
  const keys = sandboxSecrets().rocketmq;
  const credentials = { accessKey: keys.adminAccessKey, secretKey: keys.adminSecretKey };
  const connections = await Promise.all(
    [1, 2, 3, 4].map(() => RemotingConnection.open('127.0.0.1', ROCKETMQ.brokerPort, { credentials })),
  );
  try {
    return await Promise.all(
      Array.from({ length: count }, (_, i) => {
        const connection = connections[i % connections.length] as RemotingConnection;
        return sendMessage(
          connection,
          'tutorial-busy-producer',
          { brokerName: ROCKETMQ.brokerName, brokerAddress: connection.address, queueId: 0 },
          { topic, body: `flood ${i}` },
          { timeoutMs: 30_000 },
        ).then(
          () => 'stored',
          (error: unknown) => error,
        );
      }),
    );
  } finally {
    for (const c of connections) c.close();
  }
}

describe('a broker under flow control', () => {
  beforeAll(async () => {
    const made = await mqadmin(SANDBOX_DIR, ['updateTopic', ...NAMESRV, ...BROKER, '-t', topic]);
    expect(made.output).toMatch(/success/i);
    await setSendQueueWait(0);
  }, 60_000);
  afterAll(async () => {
    await setSendQueueWait(SEND_QUEUE_WAIT_MS);
    await mqadmin(SANDBOX_DIR, ['deleteTopic', ...NAMESRV, '-c', ROCKETMQ.cluster, '-t', topic]);
  }, 60_000);

  it('answers some sends "broker busy": the tutorial says so in words, and counts it worth another try', async () => {
    const outcomes = await flood(1500);
    const busy = outcomes.filter(
      (o): o is RemotingResponseError => o instanceof RemotingResponseError && o.responseCode === 2,
    );
    expect(busy.length, 'no send was refused').toBeGreaterThan(0);
    // Nothing else went wrong: each send was stored or refused as busy.
    expect(outcomes.filter((o) => o !== 'stored').length).toBe(busy.length);
    const refusal = busy[0] as RemotingResponseError;
    expect(refusal.remark).toMatch(/broker busy/);
    expect(isWorthRetrying(refusal)).toBe(true);

    const d = diagnose(refusal, {
      action: 'rocketmq.produce',
      values: { endpoints: `127.0.0.1:${ROCKETMQ.namesrvPort}`, topic },
      timedOut: false,
      timeoutSeconds: 10,
    });
    expect(d.code).toBe('RMQ_BROKER_BUSY');
    for (const lang of ['en', 'zh'] as const) {
      const words = localizeDiagnosis(d, lang);
      expect(words.explanation).toContain(`127.0.0.1:${ROCKETMQ.namesrvPort}`);
      expect(`${words.title} ${words.explanation} ${words.fixes.join(' ')}`).not.toMatch(
        /\{\w+\}|CLEAN_QUEUE/,
      );
    }
  }, 120_000);
});
