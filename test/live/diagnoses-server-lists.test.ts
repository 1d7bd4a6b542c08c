import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { jsonLines, runCli, stepLine } from '../helpers/cli.js';
import { blackHole, expectDiagnosed } from '../helpers/faults.js';
import { secretValues } from '../helpers/sandbox.js';

/**
 * A dead address first in a list of servers: the client libraries go on to the next one, and so
 * does every step. The step warns, names the dead address, and works with the one that answers.
 */

const group = () => `tutorial-dx-${randomBytes(3).toString('hex')}`;
const DEAD = [{ server: 'localhost:1', code: 'ECONNREFUSED' }];

describe('a dead first server in the list', () => {
  it('ckafka: every step warns about localhost:1 and goes on with localhost:19095', async () => {
    const r = await runCli([
      'run',
      'ckafka',
      '--sandbox',
      '--json',
      '--set',
      'bootstrapServers=localhost:1,localhost:19095',
      '--set',
      `groupId=${group()}`,
    ]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const lines = jsonLines(r.stdout);
    expect(stepLine(lines, 'check-cert')).toMatchObject({
      status: 'warned',
      details: { server: 'localhost:19095', unreachable: DEAD },
    });
    expect(stepLine(lines, 'check-network').status).toBe('warned');
    for (const step of ['produce', 'consume', 'verify'])
      expect(stepLine(lines, step), step).toMatchObject({ status: 'warned', details: { unreachable: DEAD } });
    const produced = stepLine(lines, 'produce').details;
    expect(stepLine(lines, 'verify').details).toMatchObject({
      seenByConsumer: true,
      message: { partition: produced?.partition, offset: produced?.offset },
    });
    expect(lines.at(-1)).toMatchObject({ type: 'summary', failed: 0 });
    for (const secret of secretValues()) expect(r.stdout + r.stderr).not.toContain(secret);
  });

  it('ckafka --yes says which address it skipped and which one it used', async () => {
    const r = await runCli([
      'run',
      'ckafka',
      '--sandbox',
      '--yes',
      '--step',
      'check-cert',
      '--set',
      'bootstrapServers=localhost:1,localhost:19095',
      '--set',
      `groupId=${group()}`,
    ]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('localhost:1 does not answer (ECONNREFUSED); going on with localhost:19095');
    expect(r.stdout).toContain('Not every address in the list answers: localhost:1 (ECONNREFUSED).');
  });

  it('ckafka: an address that never answers costs the step about a second, not the client’s timeouts', async () => {
    const hole = await blackHole();
    try {
      const r = await runCli([
        'run',
        'ckafka',
        '--sandbox',
        '--json',
        '--step',
        'produce',
        '--set',
        'securityProtocol=SASL_PLAINTEXT',
        '--set',
        `bootstrapServers=127.0.0.1:${hole.port},localhost:19094`,
        '--set',
        `groupId=${group()}`,
      ]);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      const produce = stepLine(jsonLines(r.stdout), 'produce');
      expect(produce).toMatchObject({
        status: 'warned',
        details: { unreachable: [{ server: `127.0.0.1:${hole.port}`, code: 'ETIMEDOUT' }] },
      });
      expect(produce.durationMs).toBeLessThan(3000);
    } finally {
      hole.close();
    }
  });

  it('ckafka: plaintext to a TLS port is still explained when that port is not the first', async () => {
    const r = await runCli([
      'run',
      'ckafka',
      '--sandbox',
      '--json',
      '--step',
      'produce',
      '--set',
      'securityProtocol=SASL_PLAINTEXT',
      '--set',
      'bootstrapServers=localhost:1,localhost:19095',
    ]);
    const failed = expectDiagnosed(r, 'produce', 'PLAINTEXT_TO_TLS_PORT');
    expect(failed.diagnosis?.explanation).toContain('to localhost:19095,');
    expect(r.durationMs).toBeLessThan(15_000);
  });

  it('rocketmq: produce and consume warn about 127.0.0.1:1 and use 127.0.0.1:8081', async () => {
    const r = await runCli([
      'run',
      'rocketmq',
      '--sandbox',
      '--json',
      '--step',
      'produce',
      '--set',
      'endpoints=127.0.0.1:1;127.0.0.1:8081',
    ]);
    const lines = jsonLines(r.stdout);
    const dead = [{ server: '127.0.0.1:1', code: 'ECONNREFUSED' }];
    const produce = stepLine(lines, 'produce');
    const consume = stepLine(lines, 'consume');
    expect(produce, r.stdout).toMatchObject({
      status: 'warned',
      details: { endpoint: '127.0.0.1:8081', unreachable: dead },
    });
    expect(consume, r.stdout).toMatchObject({ status: 'warned', details: { unreachable: dead } });
    expect(consume.details?.messageId).toBe(produce.details?.messageId);
    // The verify step (src/actions/rocketmq/verify.ts) is being reworked elsewhere; it must accept
    // a produce that passed with a warning, as the Kafka one does.
    for (const secret of secretValues()) expect(r.stdout + r.stderr).not.toContain(secret);
  });
});
