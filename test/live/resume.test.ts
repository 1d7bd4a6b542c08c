import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { jsonLines, runCli, stepLine } from '../helpers/cli.js';
import { testEnv } from '../helpers/env.js';
import { needsSharedSandbox } from '../helpers/shared-sandbox.js';

needsSharedSandbox();

describe('resume after the process is killed (kill -9) during consume', () => {
  it('starts again at consume, with the parameters given before, and passes', async () => {
    const env = testEnv();
    const group = `tutorial-resume-${randomBytes(3).toString('hex')}`;
    let killedAt = '';
    // The transcript prints "[5/6] <title>" as the consume step starts: kill the process right there.
    const first = await runCli(['run', 'ckafka', '--sandbox', '--yes', '--set', `groupId=${group}`], {
      env,
      onStdout: (text, child) => {
        if (!killedAt && /\n\[5\/6\] /.test(text)) {
          killedAt = text;
          child.kill('SIGKILL');
        }
      },
    });
    expect(first.signal, first.stdout + first.stderr).toBe('SIGKILL');
    expect(killedAt).toMatch(/\[4\/6\][\s\S]*✔/);

    // What the profile kept: produce passed, consume never finished, the run was cut off.
    const show = await runCli(['profile', 'show', 'sandbox', '--json'], { env });
    expect(show.code, show.stderr).toBe(0);
    const profile = JSON.parse(show.stdout) as {
      mode: string;
      tutorials: {
        ckafka: {
          params: Record<string, string>;
          progress: Record<string, { status: string }>;
          resumeAt?: string;
          lastRun: { finishedAt?: string };
        };
      };
    };
    const saved = profile.tutorials.ckafka;
    expect(profile.mode).toBe('0600');
    expect(saved.params.groupId).toBe(group);
    expect(saved.progress.produce?.status).toBe('passed');
    expect(saved.progress.consume).toBeUndefined();
    expect(saved.lastRun.finishedAt).toBeUndefined();
    expect(saved.resumeAt).toBe('consume');

    // The next run, without --set, resumes at consume with the same group and finishes.
    const second = await runCli(['run', 'ckafka', '--sandbox', '--json'], { env });
    expect(second.code, second.stdout + second.stderr).toBe(0);
    const lines = jsonLines(second.stdout);
    for (const step of ['prepare-env', 'check-cert', 'check-network', 'produce']) {
      expect(stepLine(lines, step)).toMatchObject({ status: 'skipped', skipReason: 'passed-earlier' });
    }
    const consume = stepLine(lines, 'consume');
    expect(consume.status).toBe('passed');
    expect(consume.details?.groupId).toBe(group);
    expect(stepLine(lines, 'verify').status).toBe('passed');
    expect(lines.at(-1)).toMatchObject({ type: 'summary', passed: 2, failed: 0, skipped: 4 });
  }, 180_000);

  it('says where it resumes in the transcript', async () => {
    const env = testEnv();
    const group = `tutorial-resume-${randomBytes(3).toString('hex')}`;
    const first = await runCli(['run', 'ckafka', '--sandbox', '--yes', '--set', `groupId=${group}`], {
      env,
      onStdout: (text, child) => {
        if (/\n\[5\/6\] /.test(text)) child.kill('SIGKILL');
      },
    });
    expect(first.signal).toBe('SIGKILL');
    const second = await runCli(['run', 'ckafka', '--sandbox', '--yes'], { env });
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(second.stderr).toContain('Resuming at step "consume"');
    expect(second.stdout).toContain(`Joining consumer group ${group}`);
    expect(second.stdout).not.toMatch(/\[4\/6\][^\n]*\n\s+Connecting/);
  }, 180_000);
});
