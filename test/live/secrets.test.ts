import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { testEnv } from '../helpers/env.js';
import { sandboxSecrets, secretValues } from '../helpers/sandbox.js';
import { needsSharedSandbox } from '../helpers/shared-sandbox.js';

needsSharedSandbox();

const group = () => `tutorial-sec-${randomBytes(3).toString('hex')}`;

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(dir, f))
    .filter((f) => statSync(f).isFile());
}

/** Which of the sandbox secrets appear in which of the given texts. */
function leaks(texts: Record<string, string>): string[] {
  const found: string[] = [];
  for (const [where, text] of Object.entries(texts)) {
    for (const secret of secretValues()) if (text.includes(secret)) found.push(where);
  }
  return found;
}

/** Everything mq-tutor wrote or printed in a session: profiles, report, generated code, output. */
async function session(extra: string[]) {
  const env = testEnv();
  const work = mkdtempSync(path.join(os.tmpdir(), 'mqt-secrets-'));
  const s = sandboxSecrets();
  const outputs: Record<string, string> = {};
  const cli = async (name: string, args: string[], options: { env?: NodeJS.ProcessEnv } = {}) => {
    const r = await runCli(args, { env: options.env ?? env });
    outputs[`${name} stdout`] = r.stdout;
    outputs[`${name} stderr`] = r.stderr;
    return r;
  };
  const kafka = await cli('run ckafka', [
    'run',
    'ckafka',
    '--sandbox',
    '--json',
    '--set',
    `groupId=${group()}`,
    '--set',
    `password=${s.kafka.learnerPassword}`,
    '--out',
    path.join(work, 'code-ckafka'),
    ...extra,
  ]);
  expect(kafka.code, kafka.stdout + kafka.stderr).toBe(0);
  // RocketMQ's keys come from the environment, as a user without --set would give them.
  const rocketmq = await cli('run rocketmq', ['run', 'rocketmq', '--sandbox', '--yes', ...extra], {
    env: {
      ...env,
      MQ_TUTOR_ACCESS_KEY: s.rocketmq.learnerAccessKey,
      MQ_TUTOR_SECRET_KEY: s.rocketmq.learnerSecretKey,
    },
  });
  expect(rocketmq.code, rocketmq.stdout + rocketmq.stderr).toBe(0);
  // A failing run too: its diagnosis must not echo the wrong password either.
  await cli('run failing', [
    'run',
    'ckafka',
    '--sandbox',
    '--json',
    '--step',
    'produce',
    '--profile',
    'bad',
    '--set',
    'password=Wrong-Password-123',
  ]);
  expect((await cli('report', ['report', '--out', path.join(work, 'report.md')])).code).toBe(0);
  expect((await cli('report stdout', ['report', '--profile', 'bad', 'ckafka'])).code).toBe(0);
  expect(
    (await cli('code', ['code', 'rocketmq', '--sandbox', '--out', path.join(work, 'code-rocketmq')])).code,
  ).toBe(0);
  expect((await cli('profile show', ['profile', 'show', 'sandbox'])).code).toBe(0);
  await cli('profile show json', ['profile', 'show', 'sandbox', '--json']);
  await cli('profile list', ['profile', 'list', '--json']);
  const config = env.MQ_TUTOR_CONFIG_DIR as string;
  for (const file of [...filesUnder(config), ...filesUnder(work)]) outputs[file] = readFileSync(file, 'utf8');
  return { env, config, work, outputs };
}

describe('secrets', () => {
  it('appear in no file mq-tutor wrote and in none of its output, unless opted in', async () => {
    const { config, outputs, work } = await session([]);
    expect(leaks(outputs)).toEqual([]);
    expect(Object.keys(outputs).some((f) => f.endsWith('report.md'))).toBe(true);
    expect(existsSync(path.join(work, 'code-ckafka', 'python', 'producer.py'))).toBe(true);
    expect(existsSync(path.join(config, 'secrets'))).toBe(false);
    const profile = path.join(config, 'profiles', 'sandbox.json');
    expect(statSync(profile).mode & 0o777).toBe(0o600);
    expect(outputs['run failing stdout']).not.toContain('Wrong-Password-123');
    expect(outputs['report stdout stdout']).not.toContain('Wrong-Password-123');
  }, 300_000);

  it('with --save-secrets are kept only in the secrets file (mode 0600)', async () => {
    const { config, outputs } = await session(['--save-secrets']);
    const secretsFile = path.join(config, 'secrets', 'sandbox.json');
    expect(statSync(secretsFile).mode & 0o777).toBe(0o600);
    const saved = JSON.parse(readFileSync(secretsFile, 'utf8'));
    expect(saved.tutorials.ckafka.password).toBe(sandboxSecrets().kafka.learnerPassword);
    const elsewhere = Object.fromEntries(
      Object.entries(outputs).filter(([where]) => !where.startsWith(path.join(config, 'secrets'))),
    );
    expect(leaks(elsewhere)).toEqual([]);
  }, 300_000);
});
