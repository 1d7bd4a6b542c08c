import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, jsonLines, runCli, stepLine } from '../helpers/cli.js';
import { testEnv } from '../helpers/env.js';
import {
  expectDiagnosed,
  groupLeader,
  type OwnGroup,
  type OwnTopic,
  ownKafkaTopic,
  ownRocketmqGroup,
  takeRocketmqMessage,
} from '../helpers/faults.js';
import { describeGroup } from '../helpers/kafka-admin.js';

/**
 * The consume step when the message of the run cannot arrive. Where that is certain (nothing was
 * produced, the message was deleted, another member holds its partition, the subscription excludes
 * its tag) it says so at once; where it is not, it waits out the step (40 s, less a margin for the
 * diagnosis: about 36 s), because the message might still come.
 */

const kafkaGroup = () => `tutorial-dx-${randomBytes(3).toString('hex')}`;

/** Runs produce alone: consume, in a group the learner may not use, then fails at once. */
async function kafkaProduceOnly(env: NodeJS.ProcessEnv, extra: string[] = []) {
  const r = await runCli(
    [
      'run',
      'ckafka',
      '--sandbox',
      '--json',
      '--step',
      'produce',
      '--set',
      'groupId=someone-elses-group',
      ...extra,
    ],
    { env },
  );
  const lines = jsonLines(r.stdout);
  expect(stepLine(lines, 'produce').status, r.stdout).toBe('passed');
  expect(stepLine(lines, 'consume').diagnosis?.code, r.stdout).toBe('GROUP_AUTHORIZATION_FAILED');
  return stepLine(lines, 'produce').details as { partition: number; offset: number };
}

async function kafkaConsume(
  env: NodeJS.ProcessEnv,
  groupId: string,
  extra: string[] = [],
): Promise<CliResult> {
  return runCli(
    ['run', 'ckafka', '--sandbox', '--json', '--step', 'consume', '--set', `groupId=${groupId}`, ...extra],
    {
      env,
    },
  );
}

describe('ckafka consume, when the message cannot arrive', () => {
  it('CONSUME_NOTHING_PRODUCED at once, before joining the group', async () => {
    const groupId = kafkaGroup();
    const r = await kafkaConsume(testEnv(), groupId);
    expectDiagnosed(r, 'consume', 'CONSUME_NOTHING_PRODUCED');
    expect(stepLine(jsonLines(r.stdout), 'consume').durationMs).toBeLessThan(1000);
    // The broker never heard of the group: nothing was joined, read or committed.
    expect((await describeGroup(groupId)).state).toBe('Dead');
  });

  describe('on a topic of its own', () => {
    let own: OwnTopic;
    beforeAll(async () => {
      own = await ownKafkaTopic();
    });
    afterAll(() => own.remove());

    it('CONSUME_MESSAGE_DELETED at once when the log no longer holds the produced offset', async () => {
      const env = testEnv();
      const topic = ['--set', `topic=${own.topic}`];
      const produced = await kafkaProduceOnly(env, topic);
      await own.deleteAllRecords();
      const groupId = kafkaGroup();
      const r = await kafkaConsume(env, groupId, topic);
      const failed = expectDiagnosed(r, 'consume', 'CONSUME_MESSAGE_DELETED');
      expect(failed.diagnosis?.explanation).toContain(`offset ${produced.offset}`);
      expect(failed.durationMs).toBeLessThan(5000);
      expect((await describeGroup(groupId)).state).toBe('Dead');
    });
  });

  it('CONSUME_PARTITION_HELD once the group has settled with the partition given to another member', async () => {
    const env = testEnv();
    const produced = await kafkaProduceOnly(env);
    const groupId = kafkaGroup();
    const leader = await groupLeader(groupId, { take: true });
    try {
      const r = await kafkaConsume(env, groupId);
      const failed = expectDiagnosed(r, 'consume', 'CONSUME_PARTITION_HELD');
      expect(failed.diagnosis?.explanation).toContain(`partition ${produced.partition}`);
      expect(failed.diagnosis?.explanation).toContain('"mq-tutor-test"');
      expect(failed.durationMs).toBeLessThan(15_000);
    } finally {
      await leader.close();
    }
  });

  it('CONSUME_NOT_SEEN after waiting, when no member holds the partition (a rebalance could still bring it)', async () => {
    const env = testEnv();
    const produced = await kafkaProduceOnly(env);
    const groupId = kafkaGroup();
    const leader = await groupLeader(groupId, { withhold: produced.partition });
    try {
      const r = await kafkaConsume(env, groupId);
      const failed = expectDiagnosed(r, 'consume', 'CONSUME_NOT_SEEN');
      expect(failed.diagnosis?.explanation).toContain(`(partition ${produced.partition})`);
      expect(failed.diagnosis?.explanation).toContain('given partition(s) -');
      // It waited for the step's time, as it must when the message might still come.
      expect(failed.durationMs).toBeGreaterThan(30_000);
    } finally {
      await leader.close();
    }
  });
});

/** Runs produce alone: consume, in a group that does not exist, then fails at once. */
async function rocketmqProduceOnly(env: NodeJS.ProcessEnv, extra: string[] = []) {
  const r = await runCli(
    [
      'run',
      'rocketmq',
      '--sandbox',
      '--json',
      '--step',
      'produce',
      '--set',
      'group=tutorial-no-such-group',
      ...extra,
    ],
    { env },
  );
  const lines = jsonLines(r.stdout);
  expect(stepLine(lines, 'produce').status, r.stdout).toBe('passed');
  expect(stepLine(lines, 'consume').diagnosis?.code, r.stdout).toBe('RMQ_GROUP_NOT_FOUND');
  return stepLine(lines, 'produce').details as { messageId: string; tag: string };
}

function rocketmqConsume(env: NodeJS.ProcessEnv, extra: string[]): Promise<CliResult> {
  return runCli(['run', 'rocketmq', '--sandbox', '--json', '--step', 'consume', ...extra], { env });
}

describe('rocketmq consume, when the message cannot arrive', () => {
  it('CONSUME_NOTHING_PRODUCED at once', async () => {
    const r = await rocketmqConsume(testEnv(), []);
    expectDiagnosed(r, 'consume', 'CONSUME_NOTHING_PRODUCED');
    expect(stepLine(jsonLines(r.stdout), 'consume').durationMs).toBeLessThan(1000);
  });

  it('RMQ_CONSUME_TAG_MISMATCH at once when the subscription excludes the tag the message was sent with', async () => {
    const env = testEnv();
    const produced = await rocketmqProduceOnly(env, ['--set', 'tag=TagB']);
    expect(produced.tag).toBe('TagB');
    const r = await rocketmqConsume(env, ['--set', 'tag=TagC||TagD', '--set', 'group=tutorial-group']);
    const failed = expectDiagnosed(r, 'consume', 'RMQ_CONSUME_TAG_MISMATCH');
    expect(failed.diagnosis?.explanation).toContain('"TagB"');
    expect(failed.diagnosis?.explanation).toContain('"TagC||TagD"');
    expect(failed.durationMs).toBeLessThan(1000);
  });

  describe('in a group of its own', () => {
    let own: OwnGroup;
    beforeAll(async () => {
      own = await ownRocketmqGroup();
    }, 60_000);
    afterAll(() => own.remove(), 60_000);

    it('RMQ_CONSUME_NOT_SEEN after waiting, when another consumer of the group took the message first', async () => {
      const env = testEnv();
      const produced = await rocketmqProduceOnly(env);
      await takeRocketmqMessage(own.group, produced.messageId);
      const r = await rocketmqConsume(env, ['--set', `group=${own.group}`]);
      const failed = expectDiagnosed(r, 'consume', 'RMQ_CONSUME_NOT_SEEN');
      expect(failed.diagnosis?.explanation).toContain(own.group);
      // Nothing tells a gRPC client that another consumer acknowledged it: the step waits its time.
      expect(failed.durationMs).toBeGreaterThan(30_000);
    });
  });
});
