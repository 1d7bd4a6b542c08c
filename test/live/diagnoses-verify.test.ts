import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonLines, runCli, stepLine } from '../helpers/cli.js';
import { testEnv } from '../helpers/env.js';
import {
  expectDiagnosed,
  type OwnGroup,
  ownRocketmqGroup,
  rewindGroup,
  rewindRocketmqGroup,
} from '../helpers/faults.js';

/**
 * The verify step's own diagnoses, each on a profile in the state that causes it: produce never
 * passed, consume never passed, or the round trip passed and the group's committed position was then
 * moved back behind the message.
 */

const verify = (tutorial: string, env: NodeJS.ProcessEnv, ...args: string[]) =>
  runCli(['run', tutorial, '--sandbox', '--json', '--step', 'verify', ...args], { env });

describe.each([
  ['ckafka', 'groupId=someone-elses-group', 'GROUP_AUTHORIZATION_FAILED'],
  ['rocketmq', 'group=tutorial-no-such-group', 'RMQ_GROUP_NOT_FOUND'],
])('%s verify without a round trip', (tutorial, failingGroup, consumeCode) => {
  it('VERIFY_NO_PRODUCE on a fresh profile', async () => {
    const r = await verify(tutorial, testEnv());
    expectDiagnosed(r, 'verify', 'VERIFY_NO_PRODUCE');
    expect(r.durationMs).toBeLessThan(5000);
  });

  it('VERIFY_NO_CONSUME when produce passed and consume failed', async () => {
    const env = testEnv();
    const first = await runCli(
      ['run', tutorial, '--sandbox', '--json', '--step', 'produce', '--set', failingGroup],
      {
        env,
      },
    );
    expect(stepLine(jsonLines(first.stdout), 'produce').status, first.stdout).toBe('passed');
    expect(stepLine(jsonLines(first.stdout), 'consume').diagnosis?.code, first.stdout).toBe(consumeCode);
    const r = await verify(tutorial, env, '--set', failingGroup);
    expectDiagnosed(r, 'verify', 'VERIFY_NO_CONSUME');
    expect(r.durationMs).toBeLessThan(5000);
  });
});

describe('verify after the group was moved back behind the message', () => {
  it('ckafka VERIFY_NOT_COMMITTED: committed offsets reset to the log start with the admin API', async () => {
    const env = testEnv();
    const groupId = `tutorial-dx-${randomBytes(3).toString('hex')}`;
    const trip = await runCli(['run', 'ckafka', '--sandbox', '--json', '--set', `groupId=${groupId}`], {
      env,
    });
    expect(trip.code, trip.stdout + trip.stderr).toBe(0);
    await rewindGroup(groupId, 'tutorial-topic');
    const r = await verify('ckafka', env, '--set', `groupId=${groupId}`);
    const failed = expectDiagnosed(r, 'verify', 'VERIFY_NOT_COMMITTED');
    expect(failed.diagnosis?.explanation).toContain(groupId);
    expect(r.durationMs).toBeLessThan(10_000);
  });

  describe('rocketmq, in a group of its own', () => {
    let own: OwnGroup;
    beforeAll(async () => {
      own = await ownRocketmqGroup();
    }, 60_000);
    afterAll(() => own.remove(), 60_000);

    it('RMQ_VERIFY_NOT_ACKED: consumer offsets reset with mqadmin resetOffsetByTime to before the message', async () => {
      const env = testEnv();
      const trip = await runCli(['run', 'rocketmq', '--sandbox', '--json', '--set', `group=${own.group}`], {
        env,
      });
      expect(trip.code, trip.stdout + trip.stderr).toBe(0);
      const sentAt = Date.parse(String(stepLine(jsonLines(trip.stdout), 'produce').details?.sentAt));
      const reset = await rewindRocketmqGroup(own.group, 'tutorial-topic', sentAt - 1000);
      expect(reset).toMatch(/start reset consumer offset/);
      const r = await verify('rocketmq', env, '--set', `group=${own.group}`);
      const failed = expectDiagnosed(r, 'verify', 'RMQ_VERIFY_NOT_ACKED');
      expect(failed.diagnosis?.explanation).toContain(own.group);
      // The broker's view comes from the sandbox's admin access, a few seconds of JVM start.
      expect(r.durationMs).toBeLessThan(20_000);
    });
  });
});
