import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonLines, runCli, stepLine } from '../helpers/cli.js';
import { testEnv } from '../helpers/env.js';
import { sandboxSecrets, secretValues } from '../helpers/sandbox.js';
import { needsSharedSandbox } from '../helpers/shared-sandbox.js';

needsSharedSandbox();

const group = () => `tutorial-pf-${randomBytes(3).toString('hex')}`;
const profileFile = (env: NodeJS.ProcessEnv, name: string) =>
  path.join(env.MQ_TUTOR_CONFIG_DIR as string, 'profiles', `${name}.json`);

function expectNoSecret(text: string): void {
  for (const secret of secretValues()) expect(text).not.toContain(secret);
}

describe('mq-tutor profile', () => {
  it('lists, shows (secrets masked) and deletes profiles', async () => {
    const env = testEnv();
    const g = group();
    const pw = sandboxSecrets().kafka.learnerPassword;
    const run = await runCli(
      [
        'run',
        'ckafka',
        '--sandbox',
        '--json',
        '--set',
        `groupId=${g}`,
        '--set',
        `password=${pw}`,
        '--save-secrets',
      ],
      { env },
    );
    expect(run.code, run.stdout + run.stderr).toBe(0);

    const list = await runCli(['profile', 'list'], { env });
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/sandbox\s+ckafka 6\/6 steps passed · last run .* · secrets saved/);

    const show = await runCli(['profile', 'show', 'sandbox'], { env });
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toContain(`groupId   ${g}`);
    expect(show.stdout).toMatch(/password\s+•+ \(saved\)/);
    expect(show.stdout).toContain('(mode 0600)');
    expect(show.stdout).toMatch(/✔ verify\s+passed/);
    expectNoSecret(show.stdout + show.stderr);

    const json = await runCli(['profile', 'show', 'sandbox', '--json'], { env });
    const data = JSON.parse(json.stdout) as {
      tutorials: { ckafka: { params: Record<string, string> } };
      secretsMode: string;
    };
    expect(data.tutorials.ckafka.params.password).toMatch(/^•+$/);
    expect(data.secretsMode).toBe('0600');
    expectNoSecret(json.stdout);

    // The troubleshooting report of that run: what it used and where from, each step, no secret.
    const reportFile = path.join(env.MQ_TUTOR_CONFIG_DIR as string, 'report.md');
    const report = await runCli(['report', '--profile', 'sandbox', '--out', reportFile], { env });
    expect(report.code, report.stderr).toBe(0);
    const md = readFileSync(reportFile, 'utf8');
    expect(md).toContain('| bootstrapServers | `localhost:19095` | local sandbox |');
    expect(md).toContain(`| groupId | \`${g}\` | command line (--set) |`);
    expect(md).toMatch(/\| password \| •+ \(set, masked\) \| command line \(--set\) \|/);
    expect(md).toMatch(/\| 6 \| .* \(verify\) \| ✔ passed \|/);
    expectNoSecret(md);

    expect((await runCli(['profile', 'show', 'nope'], { env })).code).toBe(2);
    expect((await runCli(['profile', 'frobnicate'], { env })).code).toBe(2);

    const del = await runCli(['profile', 'delete', 'sandbox'], { env });
    expect(del.code, del.stderr).toBe(0);
    expect(existsSync(profileFile(env, 'sandbox'))).toBe(false);
    expect(existsSync(path.join(env.MQ_TUTOR_CONFIG_DIR as string, 'secrets', 'sandbox.json'))).toBe(false);
    expect((await runCli(['profile', 'list'], { env })).stdout).toContain('No profiles yet');
  }, 120_000);
});

describe('a damaged profile file', () => {
  it('that is not valid JSON: the run starts, says what and where, keeps a backup, and goes on', async () => {
    const env = testEnv();
    const file = profileFile(env, 'sandbox');
    const first = await runCli(['run', 'ckafka', '--sandbox', '--json', '--set', `groupId=${group()}`], {
      env,
    });
    expect(first.code, first.stderr).toBe(0);
    const broken = `${readFileSync(file, 'utf8').slice(0, 40)}\n  oops`;
    writeFileSync(file, broken);

    const g = group();
    const r = await runCli(['run', 'ckafka', '--sandbox', '--json', '--set', `groupId=${g}`], { env });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stderr).toContain(`The profile file ${file} is not valid JSON (line`);
    const backup = readdirSync(path.dirname(file)).find((f) => f.startsWith('sandbox.json.damaged-'));
    expect(backup).toBeDefined();
    expect(r.stderr).toContain(backup);
    expect(readFileSync(path.join(path.dirname(file), backup!), 'utf8')).toBe(broken);
    expect(stepLine(jsonLines(r.stdout), 'verify').status).toBe('passed');
    // The fresh profile holds this run, with mode 0600.
    expect(JSON.parse(readFileSync(file, 'utf8')).tutorials.ckafka.params.groupId).toBe(g);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  }, 120_000);

  it('with values of the wrong type: keeps the rest, names each bad value, keeps a backup', async () => {
    const env = testEnv();
    const file = profileFile(env, 'sandbox');
    const g = group();
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(
      file,
      JSON.stringify({
        version: 1,
        tutorials: {
          ckafka: { params: { groupId: g, checkHostname: false, username: null }, progress: [] },
        },
      }),
    );
    const r = await runCli(['run', 'ckafka', '--sandbox', '--json'], { env });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stderr).toContain(`The profile file ${file} holds values of the wrong type`);
    expect(r.stderr).toContain('tutorials.ckafka.params.username: expected a string');
    expect(r.stderr).toContain('tutorials.ckafka.progress: expected an object');
    expect(r.stderr).toMatch(/sandbox\.json\.damaged-/);
    // groupId survived the repair and was used.
    expect(stepLine(jsonLines(r.stdout), 'consume').details?.groupId).toBe(g);
  }, 120_000);
});

describe('two mq-tutor processes writing the same profile at once', () => {
  it('lose nothing', async () => {
    const env = testEnv();
    const [a, b] = [group(), `tutorial-${randomBytes(3).toString('hex')}`];
    const [kafka, rocketmq] = await Promise.all([
      runCli(['run', 'ckafka', '--sandbox', '--json', '--set', `groupId=${a}`], { env }),
      runCli(['run', 'rocketmq', '--sandbox', '--json', '--set', `keys=${b}`], { env }),
    ]);
    expect(kafka.code, kafka.stdout + kafka.stderr).toBe(0);
    expect(rocketmq.code, rocketmq.stdout + rocketmq.stderr).toBe(0);
    const data = JSON.parse(readFileSync(profileFile(env, 'sandbox'), 'utf8'));
    expect(data.tutorials.ckafka.params.groupId).toBe(a);
    expect(data.tutorials.rocketmq.params.keys).toBe(b);
    for (const tutorial of ['ckafka', 'rocketmq']) {
      expect(Object.keys(data.tutorials[tutorial].progress)).toHaveLength(6);
      expect(data.tutorials[tutorial].lastRun.finishedAt).toBeDefined();
    }
  }, 180_000);
});
