import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonLines, runCli } from '../helpers/cli.js';
import { ROOT, testEnv } from '../helpers/env.js';
import { needsSharedSandbox } from '../helpers/shared-sandbox.js';

needsSharedSandbox();

/** The third tutorial lives outside steps/ and is only files; nothing in src/ knows of it. */
const FOLDER = path.join(ROOT, 'test', 'fixtures', 'tutorials', 'ckafka-plaintext');

describe('a tutorial from its own folder (an instructor’s own)', () => {
  it('lints clean', async () => {
    const r = await runCli(['steps', 'lint', FOLDER]);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain('3 steps, no problems');
  });

  it('runs live from its folder against the sandbox, which picks its SASL_PLAINTEXT listener', async () => {
    const env = testEnv();
    const r = await runCli(['run', FOLDER, '--sandbox', '--json', '--set', 'groupId=tutorial-own-folder'], {
      env,
    });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const lines = jsonLines(r.stdout);
    expect(lines.map((l) => [l.step, l.status]).filter(([s]) => s)).toEqual([
      ['reach', 'passed'],
      ['send', 'passed'],
      ['receive', 'passed'],
    ]);
    expect(lines[0]?.details).toMatchObject({
      servers: [expect.objectContaining({ server: 'localhost:19094' })],
    });
    // The report finds the tutorial again from the folder the run recorded.
    const report = await runCli(['report', '--profile', 'sandbox'], { env });
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toContain('CKafka in three steps: SASL_PLAINTEXT (ckafka-plaintext)');
    expect(report.stdout).toMatch(/\| 3 \| Read it back \(receive\) \| ✔ passed/);
  });

  it('is offered by id once MQ_TUTOR_TUTORIALS names its parent folder', async () => {
    const env = testEnv({ MQ_TUTOR_TUTORIALS: path.dirname(FOLDER) });
    const r = await runCli(['run', 'ckafka-plaintext', '--sandbox', '--yes'], { env });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('Summary: 3 passed, 0 failed');
    const help = await runCli(['run', 'no-such-tutorial', '--yes'], { env });
    expect(help.stderr).toContain('ckafka, rocketmq, ckafka-plaintext');
  });
});
