import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProgressChannel } from '../../actions/progress/channel.js';
import { pushQueue } from '../../actions/progress/channel.js';
import type { RoomFile } from '../../workshop/room-file.js';
import { SAMPLE_ROOM_FILE } from '../../workshop/testing/sample-room.js';
import { SessionError } from '../errors.js';
import { joinRoom } from './join.js';

const kafkaRoom: RoomFile = {
  ...SAMPLE_ROOM_FILE,
  tutorial: 'ckafka',
  sandbox: false,
  params: { ...SAMPLE_ROOM_FILE.params, password: 'room-password' },
  secretsIncluded: true,
};

const rocketmqRoom: RoomFile = {
  ...kafkaRoom,
  id: 'rmq-101-3fac09',
  tutorial: 'rocketmq',
  broker: 'rocketmq',
  params: { endpoints: '127.0.0.1:8081', topic: 'tutorial-topic', accessKey: 'ak', secretKey: 'sk' },
  progress: { topic: 'tutorial-progress', nameServer: '127.0.0.1:9876', readGroup: 'tutorial-progress-read' },
  groups: { kind: 'pool', names: ['tutorial-group-1', 'tutorial-group-2'] },
};

/** A room's topic that stores what is published and, when `echo` is on, gives it back to readers. */
function fakeChannel(echo: boolean) {
  const published: object[] = [];
  const channel: ProgressChannel = {
    async publish(message) {
      published.push(message);
    },
    async history() {
      return echo ? [...published] : [];
    },
    follow(signal) {
      const queue = pushQueue<unknown>(signal);
      if (echo) for (const m of published) queue.push(m);
      return queue.items;
    },
    async close() {},
  };
  return { channel, published };
}

function roomOnDisk(room: RoomFile) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mqt-join-'));
  const file = path.join(dir, 'room.json');
  writeFileSync(file, JSON.stringify(room));
  const env = { HOME: dir, XDG_CONFIG_HOME: path.join(dir, 'config'), PATH: process.env.PATH };
  return { file, env };
}

async function join(room: RoomFile, echo: boolean) {
  const { file, env } = roomOnDisk(room);
  const fake = fakeChannel(echo);
  const told: string[] = [];
  const started = Date.now();
  const result = joinRoom({
    file,
    name: 'Ann Lee',
    lang: 'en',
    signal: new AbortController().signal,
    env,
    onPublishFailure: (text) => told.push(text),
    openChannel: () => fake.channel,
    claimWaitMs: 1000,
  });
  return { result, told, fake, started };
}

describe('joining a room whose topic is slow to give the claim back', () => {
  it('a Kafka learner goes on with the group of their name, and is told once that the board may be late', async () => {
    const { result, told } = await join(kafkaRoom, false);
    const joined = await result;
    expect(joined.group).toBe('tutorial-kafka-101-3fac09-ann-lee');
    expect(joined.set.groupId).toBe('tutorial-kafka-101-3fac09-ann-lee');
    expect(told).toEqual([
      'your name did not come back from the room within 1 s, so the board may show you late',
    ]);
    await joined.publisher.close(100);
  });

  it('a RocketMQ learner, who gets a group only from the order of claims, is told to join again', async () => {
    const { result } = await join(rocketmqRoom, false);
    const error = await result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SessionError);
    expect((error as SessionError).code).toBe('ROOM_CHANNEL');
  });

  it('a claim that comes back gives the first free seat, and nothing is said', async () => {
    const { result, told, fake } = await join(rocketmqRoom, true);
    const joined = await result;
    expect(joined.group).toBe('tutorial-group-1');
    expect(told).toEqual([]);
    expect(fake.published[0]).toMatchObject({ kind: 'claim', learner: 'Ann Lee', room: rocketmqRoom.id });
    await joined.publisher.close(100);
  });
});
