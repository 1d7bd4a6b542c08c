import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { provisionKafkaRoom } from '../../src/sandbox/kafka/room.js';
import { provisionRocketmqRoom } from '../../src/sandbox/rocketmq/room.js';
import { parseRoomFile } from '../../src/workshop/room-file.js';
import { jsonLines, runCli } from '../helpers/cli.js';
import { BIN, SANDBOX_DIR, testEnv } from '../helpers/env.js';
import { secretValues } from '../helpers/sandbox.js';

/**
 * A room on an instance mq-tutor did not make, as an instructor with a cloud instance has it: the
 * parameters come from the environment (here the sandbox's, exported as `sandbox env` prints them),
 * not from --sandbox, so init creates nothing. It says what to create in the console; init --check
 * finds it missing; once it is made (here by the sandbox's own provisioning, standing in for the
 * console) the check passes and a learner with the secret in the environment gets through.
 */

const SECRETS = new Set(['MQ_TUTOR_PASSWORD', 'MQ_TUTOR_ACCESS_KEY', 'MQ_TUTOR_SECRET_KEY']);

function exported(): { params: Record<string, string>; secrets: Record<string, string> } {
  const out = execFileSync(process.execPath, [BIN, 'sandbox', 'env'], {
    env: testEnv(),
    encoding: 'utf8',
  });
  const params: Record<string, string> = {};
  const secrets: Record<string, string> = {};
  for (const m of out.matchAll(/^export (\w+)='((?:[^']|'\\'')*)'$/gm)) {
    const [key, value] = [m[1] as string, (m[2] as string).replace(/'\\''/g, "'")];
    (SECRETS.has(key) ? secrets : params)[key] = value;
  }
  return { params, secrets };
}

const roomFile = () => path.join(mkdtempSync(path.join(os.tmpdir(), 'mqt-cloud-room-')), 'room.json');

/** `init --check` passes on the provisioned room, and a learner with the secrets in the environment gets through. */
async function readyThenJoined(
  file: string,
  instructor: NodeJS.ProcessEnv,
  name: string,
  secrets: Record<string, string>,
) {
  const after = await runCli(['workshop', 'init', '--check', file], { env: instructor });
  expect(after.code, after.stdout + after.stderr).toBe(0);
  expect(after.stdout).toContain('The room is ready');
  const learner = await runCli(['join', file, '--name', name, '--json'], {
    env: testEnv(secrets),
    timeoutMs: 120_000,
  });
  expect(learner.code, learner.stdout + learner.stderr).toBe(0);
  expect(jsonLines(learner.stdout).at(-1)).toMatchObject({ type: 'summary', failed: 0 });
  return { after, learner };
}

describe('a workshop room on an instance mq-tutor did not make', () => {
  it('Kafka: init prints what to create, --check finds it missing, then ready; a learner passes', async () => {
    const { params, secrets } = exported();
    const instructor = testEnv(params);
    const file = roomFile();
    const made = await runCli(['workshop', 'init', 'ckafka', '--out', file, '--learners', '2'], {
      env: instructor,
    });
    expect(made.code, made.stdout + made.stderr).toBe(0);
    const room = parseRoomFile(readFileSync(file, 'utf8'));
    expect(room.sandbox).toBe(false);
    expect(made.stdout).toContain('create this in the console of your instance');
    expect(made.stdout).toContain(`Topic ${room.progress.topic}, with 1 partition`);
    expect(made.stdout).toContain(`Read on consumer groups with the prefix tutorial-${room.id}-`);
    expect(made.stdout).toContain('MQ_TUTOR_PASSWORD');

    const withPassword = testEnv({ ...params, ...secrets });
    const before = await runCli(['workshop', 'init', '--check', file], { env: withPassword });
    expect(before.code, before.stdout + before.stderr).toBe(1);
    expect(before.stdout).toContain(`✗ write and read back on topic ${room.progress.topic}`);
    expect(before.stdout).toContain('Not ready yet');

    await provisionKafkaRoom(room.progress.topic);
    const { after, learner } = await readyThenJoined(file, withPassword, 'cloud one', secrets);
    for (const r of [made, before, after, learner])
      for (const secret of secretValues()) expect(r.stdout + r.stderr).not.toContain(secret);
  }, 180_000);

  it('RocketMQ: a gRPC endpoint needs --nameserver; the check names each missing group, then passes', async () => {
    const { params, secrets } = exported();
    const instructor = testEnv(params);
    const file = roomFile();
    const noNameServer = await runCli(['workshop', 'init', 'rocketmq', '--out', file, '--learners', '2'], {
      env: instructor,
    });
    expect(noNameServer.code).toBe(2);
    expect(noNameServer.stderr).toContain('--nameserver host:9876');

    const made = await runCli(
      ['workshop', 'init', 'rocketmq', '--out', file, '--learners', '2', '--nameserver', '127.0.0.1:9876'],
      { env: instructor },
    );
    expect(made.code, made.stdout + made.stderr).toBe(0);
    const room = parseRoomFile(readFileSync(file, 'utf8'));
    if (room.groups.kind !== 'pool') throw new Error('a RocketMQ room has a pool of groups');
    const [first, last] = [room.groups.names[0] ?? '', room.groups.names.at(-1) ?? ''];
    expect(made.stdout).toContain(`Topic ${room.progress.topic}, normal messages`);
    expect(made.stdout).toContain(`Groups ${first} to ${last} (2, one per learner)`);

    const withKeys = testEnv({ ...params, ...secrets });
    const before = await runCli(['workshop', 'init', '--check', file], { env: withKeys });
    expect(before.code, before.stdout + before.stderr).toBe(1);
    expect(before.stdout).toContain(`✗ write and read back on topic ${room.progress.topic}`);

    await provisionRocketmqRoom(SANDBOX_DIR, { topic: room.progress.topic, groups: [first] });
    const partly = await runCli(['workshop', 'init', '--check', file], { env: withKeys });
    expect(partly.code, partly.stdout + partly.stderr).toBe(1);
    expect(partly.stdout).toContain(`✓ group ${first} exists`);
    expect(partly.stdout).toContain(`✗ group ${last} exists: it does not exist`);

    await provisionRocketmqRoom(SANDBOX_DIR, {
      topic: room.progress.topic,
      groups: [last, room.progress.readGroup ?? ''],
    });
    const { after, learner } = await readyThenJoined(file, withKeys, 'cloud two', secrets);
    for (const r of [made, before, partly, after, learner])
      for (const secret of secretValues()) expect(r.stdout + r.stderr).not.toContain(secret);
  }, 180_000);
});
