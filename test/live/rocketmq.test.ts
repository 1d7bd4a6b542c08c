import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mqadmin } from '../../src/sandbox/rocketmq/admin.js';
import { jsonLines, runCli, stepLine } from '../helpers/cli.js';
import { SANDBOX_DIR, testEnv } from '../helpers/env.js';
import { type BlackHole, blackHole } from '../helpers/faults.js';
import { secretValues } from '../helpers/sandbox.js';
import { needsSharedSandbox } from '../helpers/shared-sandbox.js';

needsSharedSandbox();

const NS = ['-n', '127.0.0.1:9876'];

function expectNoSecret(text: string): void {
  for (const secret of secretValues()) expect(text).not.toContain(secret);
}

describe('rocketmq tutorial against the sandbox', () => {
  it('passes every step (check-librocketmq may warn)', async () => {
    const r = await runCli(['run', 'rocketmq', '--sandbox', '--json']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const lines = jsonLines(r.stdout);
    for (const step of ['prepare-env', 'check-network', 'produce', 'consume', 'verify']) {
      expect(stepLine(lines, step).status, step).toBe('passed');
    }
    expect(['passed', 'warned']).toContain(stepLine(lines, 'check-librocketmq').status);
    expect(lines.at(-1)).toMatchObject({ type: 'summary', tutorial: 'rocketmq', failed: 0, skipped: 0 });
    const verify = stepLine(lines, 'verify').details as { group: { consumedByGroup: boolean } };
    expect(verify.group.consumedByGroup).toBe(true);
    expectNoSecret(r.stdout + r.stderr);
  });

  it('sends with the first tag of a tag expression, so the subscription matches it', async () => {
    const r = await runCli([
      'run',
      'rocketmq',
      '--sandbox',
      '--json',
      '--step',
      'produce',
      '--set',
      'tag=TagB||TagC',
      '--set',
      'keys=k1,k2',
    ]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(stepLine(jsonLines(r.stdout), 'produce').details).toMatchObject({ tag: 'TagB', keys: 'k1,k2' });
    expect(stepLine(jsonLines(r.stdout), 'consume').details).toMatchObject({ tag: 'TagB', keys: 'k1,k2' });
  });
});

describe('cross-check with the broker’s own admin tool (mqadmin)', () => {
  let env: NodeJS.ProcessEnv;
  let produced: { messageId: string; broker: string; marker: string };
  let storedAt: { queue: number; offset: number };

  beforeAll(async () => {
    env = testEnv();
    const r = await runCli(['run', 'rocketmq', '--sandbox', '--json'], { env });
    expect(r.code, r.stderr).toBe(0);
    produced = stepLine(jsonLines(r.stdout), 'produce').details as typeof produced;
    storedAt = (stepLine(jsonLines(r.stdout), 'verify').details as { group: { storedAt: typeof storedAt } })
      .group.storedAt;
  });

  it('a consumer we did not write (mqadmin consumeMessage) receives the message our produce sent', async () => {
    const r = await mqadmin(SANDBOX_DIR, [
      'consumeMessage',
      ...NS,
      '-t',
      'tutorial-topic',
      '-g',
      'tutorial-group',
      '-b',
      produced.broker,
      '-i',
      String(storedAt.queue),
      '-o',
      String(storedAt.offset),
      '-c',
      '1',
    ]);
    expect(r.output).toContain(`MSGID: ${produced.messageId}`);
    expect(r.output).toContain(produced.marker);
    expect(r.output).toMatch(/TAGS=TagA/);
    expect(r.output).toMatch(/KEYS=tutorial-key/);
  });

  it('a message mqadmin sends (remoting protocol, another client) is seen by our consume step', async () => {
    const body = `{"marker":"${produced.marker}","from":"mqadmin-${randomBytes(3).toString('hex')}"}`;
    const sent = await mqadmin(SANDBOX_DIR, [
      'sendMessage',
      ...NS,
      '-t',
      'tutorial-topic',
      '-p',
      body,
      '-c',
      'TagA',
      '-k',
      'from-mqadmin',
    ]);
    expect(sent.output).toMatch(/SEND_OK/);
    // Same profile: consume looks for the marker of the produce step saved there.
    const r = await runCli(['run', 'rocketmq', '--sandbox', '--json', '--step', 'consume'], { env });
    const lines = jsonLines(r.stdout);
    expect(stepLine(lines, 'consume').status, r.stdout).toBe('passed');
    // And verify is right to object: the message consumed is mqadmin's, not the one produce sent.
    expect(stepLine(lines, 'verify').diagnosis?.code).toBe('RMQ_VERIFY_MISMATCH');
    expect(r.code).toBe(1);
    const consumed = stepLine(lines, 'consume').details as {
      body: string;
      keys: string;
      tag: string;
    };
    expect(consumed.body).toBe(body);
    expect(consumed.keys).toBe('from-mqadmin');
  });
});

describe('rocketmq diagnoses, provoked for real', () => {
  let hole: BlackHole;
  beforeAll(async () => {
    hole = await blackHole();
  });
  afterAll(() => hole.close());

  const cases: [string, string, () => string[]][] = [
    ['RMQ_AUTH_FAILED', 'produce', () => ['--set', 'secretKey=not-the-secret']],
    ['UNKNOWN_HOST', 'check-network', () => ['--set', 'endpoints=proxy.no-such-host.invalid:8081']],
    ['CONNECTION_REFUSED', 'check-network', () => ['--set', 'endpoints=127.0.0.1:18099']],
    // With protocol auto the name server is the document's route; asked for gRPC, it is a mistake.
    [
      'RMQ_NAMESERVER_PORT',
      'check-network',
      () => ['--set', 'endpoints=127.0.0.1:9876', '--set', 'protocol=grpc'],
    ],
    ['RMQ_TOPIC_NOT_FOUND', 'produce', () => ['--set', 'topic=tutorial-no-such-topic']],
    ['RMQ_GROUP_NOT_FOUND', 'consume', () => ['--set', 'group=tutorial-no-such-group']],
    ['RMQ_MESSAGE_TYPE_MISMATCH', 'produce', () => ['--set', 'topic=tutorial-fifo-topic']],
    ['RMQ_PERMISSION_DENIED', 'produce', () => ['--set', 'topic=restricted-topic']],
    ['CONNECTION_TIMEOUT', 'check-network', () => ['--set', `endpoints=127.0.0.1:${hole.port}`]],
  ];

  it.each(cases)('%s (at %s)', async (code, step, args) => {
    const r = await runCli(['run', 'rocketmq', '--sandbox', '--json', ...args()], { timeoutMs: 30_000 });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    const failed = stepLine(jsonLines(r.stdout), step);
    expect(failed.status).toBe('failed');
    expect(failed.diagnosis?.code).toBe(code);
    expect(r.durationMs).toBeLessThan(15_000);
    expectNoSecret(r.stdout + r.stderr);
  });

  it('RMQ_NAMESERVER_PORT and RMQ_TIMEOUT also at produce, when the network step is skipped', async () => {
    const ns = await runCli([
      'run',
      'rocketmq',
      '--sandbox',
      '--json',
      '--step',
      'produce',
      '--set',
      'endpoints=127.0.0.1:9876',
      '--set',
      'protocol=grpc',
    ]);
    expect(stepLine(jsonLines(ns.stdout), 'produce').diagnosis?.code).toBe('RMQ_NAMESERVER_PORT');
    const bh = await runCli(
      [
        'run',
        'rocketmq',
        '--sandbox',
        '--json',
        '--step',
        'produce',
        '--set',
        `endpoints=127.0.0.1:${hole.port}`,
      ],
      {
        timeoutMs: 30_000,
      },
    );
    expect(bh.code).toBe(1);
    expect(['RMQ_TIMEOUT', 'CONNECTION_TIMEOUT']).toContain(
      stepLine(jsonLines(bh.stdout), 'produce').diagnosis?.code,
    );
    expect(bh.durationMs).toBeLessThan(15_000);
  });
});
