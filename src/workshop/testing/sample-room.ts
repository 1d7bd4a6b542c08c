import type { ProgressEvent, Room, StepEvent, StepStatus } from '../progress.js';
import type { RoomFile } from '../room-file.js';

/** Rooms and events for the board's tests: no broker, times relative to T0. */

export const T0 = Date.parse('2026-11-21T09:00:00.000Z');
export const iso = (secondsAfterT0: number) => new Date(T0 + secondsAfterT0 * 1000).toISOString();

/** A tutorial shaped like the CKafka quick-start (its id is the fixture's own). */
export const TUTORIAL = 'kafka-quickstart';
export const CKAFKA_STEPS = ['prepare-env', 'check-cert', 'check-network', 'produce', 'consume', 'verify'];

const TITLES: Record<string, { zh: string; en: string }> = {
  'prepare-env': { en: 'Prepare the environment', zh: '准备环境' },
  'check-cert': { en: 'Check the CA certificate', zh: '检查 CA 证书' },
  'check-network': { en: 'Check the network', zh: '检查网络' },
  produce: { en: 'Send a message', zh: '发送消息' },
  consume: { en: 'Receive the message', zh: '接收消息' },
  verify: { en: "Confirm the group's progress on the broker", zh: '在服务端确认消费进度' },
};

export function sampleRoom(extra: Partial<Room> = {}): Room {
  return {
    id: 'room-1',
    name: 'Kafka 101 · Tuesday',
    tutorial: TUTORIAL,
    steps: CKAFKA_STEPS.map((id) => ({ id, title: TITLES[id] ?? { en: id, zh: id } })),
    ...extra,
  };
}

export function joined(learner: string, at: number, room = 'room-1'): ProgressEvent {
  return {
    v: 1,
    kind: 'joined',
    room,
    learner,
    group: `tutorial-${learner}`,
    at: iso(at),
    version: '0.1.0',
    tutorial: TUTORIAL,
  };
}

export function step(
  learner: string,
  stepId: string,
  status: StepStatus,
  at: number,
  extra: Partial<StepEvent> = {},
): StepEvent {
  return {
    v: 1,
    kind: 'step',
    room: 'room-1',
    learner,
    tutorial: TUTORIAL,
    run: `${learner}-run-1`,
    step: stepId,
    status,
    at: iso(at),
    version: '0.1.0',
    ...extra,
  };
}

/**
 * A learner's run from `start` (seconds after T0): each step starts, then passes 2 s later, up to
 * and including step index `through`; then the next step fails 36 s after it starts (with `code`),
 * or is left running (`next`).
 */
export function walk(
  learner: string,
  start: number,
  options: { through?: number; next?: 'failed' | 'running'; code?: string; run?: string } = {},
): StepEvent[] {
  const through = options.through ?? CKAFKA_STEPS.length - 1;
  const run = options.run ?? `${learner}-run-1`;
  const events: StepEvent[] = [];
  let at = start;
  for (let i = 0; i <= through; i++) {
    const id = CKAFKA_STEPS[i] as string;
    events.push(step(learner, id, 'started', at, { run }));
    events.push(step(learner, id, 'passed', at + 2, { run, durationMs: 2000 }));
    at += 3;
  }
  const nextStep = CKAFKA_STEPS[through + 1];
  if (nextStep && options.next) {
    events.push(step(learner, nextStep, 'started', at, { run }));
    if (options.next === 'failed')
      events.push(
        step(learner, nextStep, 'failed', at + 36, {
          run,
          durationMs: 36_000,
          ...(options.code ? { code: options.code } : {}),
        }),
      );
  }
  return events;
}

const NAMES = (
  'alice bob carol dave erin frank grace heidi ivan judy 王小明 李娜 张伟 刘洋 ' +
  'mallory niaj olivia peggy rupert sybil trent uma victor walter 陈静 yvonne zoe ömer'
).split(' ');

/**
 * The room: 30 seats, 28 joined; 22 verified, 5 stuck at consume (CONSUME_NOT_SEEN 3,
 * SASL_AUTH_FAILED 2), one joined and not started and two seats empty.
 */
export function roomOfThirty(): { room: Room; events: ProgressEvent[]; names: string[] } {
  const room = sampleRoom({ learners: 30 });
  const events: ProgressEvent[] = [];
  NAMES.forEach((name, i) => {
    events.push(joined(name, i));
    if (i < 22) events.push(...walk(name, 30 + i));
    else if (i < 27)
      events.push(
        ...walk(name, 30 + i, {
          through: 3,
          next: 'failed',
          code: i < 25 ? 'CONSUME_NOT_SEEN' : 'SASL_AUTH_FAILED',
        }),
      );
  });
  return { room, events, names: NAMES };
}

/** A room file as `workshop init` writes it for a Kafka room on the sandbox. */
export const SAMPLE_ROOM_FILE: RoomFile = {
  v: 1,
  id: 'kafka-101-3fac09',
  name: 'Kafka 101',
  tutorial: TUTORIAL,
  broker: 'kafka',
  createdAt: '2026-12-01T10:00:00.000Z',
  learners: 30,
  sandbox: true,
  params: { bootstrapServers: 'localhost:19095', topic: 'tutorial-topic' },
  secretsIncluded: false,
  progress: { topic: 'tutorial-progress-kafka-101-3fac09' },
  groups: { kind: 'derived', prefix: 'tutorial-kafka-101-3fac09-' },
  steps: [{ id: 'produce', title: { en: 'Send a message', zh: '发送消息' } }],
};
