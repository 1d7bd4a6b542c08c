import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openTutorial } from '../../src/session/tutorials.js';
import { roomChannel, roomSecrets } from '../../src/session/workshop/room-channel.js';
import { parseRoomFile, type RoomFile } from '../../src/workshop/room-file.js';
import { type CliResult, jsonLines, runCli } from '../helpers/cli.js';
import { testEnv } from '../helpers/env.js';
import { secretValues } from '../helpers/sandbox.js';
import { needsSharedSandbox } from '../helpers/shared-sandbox.js';

needsSharedSandbox();

const ROOM_SIZE = 30;
const STACK_TRACE = /\n\s+at .+:\d+:\d+\)?\n/;

interface BoardJson {
  counts: {
    total: number;
    verified: number;
    stuck: { step: string; learners: number; codes: { code: string }[] }[];
  };
  learners: { learner: string; group?: string; state: string; current?: { id: string }; code?: string }[];
}

async function initRoom(tutorial: string, learners: number, extra: string[] = []) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mqt-room-'));
  const file = path.join(dir, 'room.json');
  const instructor = testEnv();
  const r = await runCli(
    [
      'workshop',
      'init',
      tutorial,
      '--sandbox',
      '--out',
      file,
      '--learners',
      String(learners),
      '--name',
      `${tutorial} room`,
      ...extra,
    ],
    { env: instructor },
  );
  expect(r.code, r.stdout + r.stderr).toBe(0);
  return { file, instructor, room: parseRoomFile(readFileSync(file, 'utf8')) };
}

/** One learner's `join … --json`, in a config folder of their own, as on their own machine. */
const join = (file: string, name: string, extra: Record<string, string> = {}, timeoutMs = 240_000) =>
  runCli(['join', file, '--name', name, '--json'], { env: testEnv(extra), timeoutMs });

function joinedGroup(r: CliResult): string {
  return String(jsonLines(r.stdout).find((l) => l.type === 'joined')?.group ?? '');
}

async function status(file: string, env: NodeJS.ProcessEnv): Promise<BoardJson> {
  const r = await runCli(['workshop', 'status', file, '--json'], { env });
  expect(r.code, r.stdout + r.stderr).toBe(0);
  return jsonLines(r.stdout)[0] as unknown as BoardJson;
}

/** Everything on the room's progress topic, read back raw. */
async function everythingOnTheTopic(room: RoomFile): Promise<string> {
  const env = testEnv();
  const channel = roomChannel(room, {
    ...room.params,
    ...roomSecrets(room, openTutorial(room.tutorial, env), env),
  });
  try {
    return JSON.stringify(await channel.history());
  } finally {
    await channel.close();
  }
}

interface RoomCase {
  tutorial: string;
  wrongSecret: Record<string, string>;
  code: string;
  step: string;
}

describe.each<RoomCase>([
  {
    tutorial: 'ckafka',
    wrongSecret: { MQ_TUTOR_PASSWORD: 'not-the-password' },
    code: 'SASL_AUTH_FAILED',
    step: 'produce',
  },
  {
    tutorial: 'rocketmq',
    wrongSecret: { MQ_TUTOR_SECRET_KEY: 'not-the-secret-key' },
    code: 'RMQ_AUTH_FAILED',
    step: 'produce',
  },
])('a room of $tutorial on the sandbox', ({ tutorial, wrongSecret, code, step }) => {
  let room: Awaited<ReturnType<typeof initRoom>>;
  let runs: CliResult[];

  beforeAll(async () => {
    room = await initRoom(tutorial, ROOM_SIZE + 1);
    runs = await Promise.all(
      Array.from({ length: ROOM_SIZE }, (_, i) =>
        join(room.file, `learner ${String(i + 1).padStart(2, '0')}`),
      ),
    );
  }, 300_000);

  it(`${ROOM_SIZE} learners join at once, each its own process: all pass every step, no two share a group`, () => {
    for (const r of runs) {
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(jsonLines(r.stdout).at(-1)).toMatchObject({ type: 'summary', failed: 0 });
      expect(r.stderr + r.stdout).not.toMatch(STACK_TRACE);
    }
    const groups = runs.map(joinedGroup);
    expect(groups.every((g) => g.startsWith(`tutorial-${room.room.id}-`))).toBe(true);
    expect(new Set(groups).size).toBe(ROOM_SIZE);
  });

  it('a learner given a wrong secret is stuck at the step that needs it, with the diagnosis of it', async () => {
    const r = await join(room.file, 'wrong secret', wrongSecret);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    const board = await status(room.file, room.instructor);
    expect(board.counts.verified).toBe(ROOM_SIZE);
    expect(board.learners.filter((l) => l.state === 'verified')).toHaveLength(ROOM_SIZE);
    const stuck = board.learners.find((l) => l.learner === 'wrong secret');
    expect(stuck).toMatchObject({ state: 'stuck', current: { id: step }, code });
    // Stuck learners come first.
    expect(board.learners[0]?.learner).toBe('wrong secret');
    expect(board.counts.stuck).toEqual([{ step, learners: 1, codes: [{ code, learners: 1 }] }]);
  });

  it('a name already taken in the room is refused with one clear line, exit 2; the same learner may join again', async () => {
    const r = await runCli(['join', room.file, '--name', 'LEARNER 01', '--yes'], { env: testEnv() });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('already taken');
    expect(r.stderr).toContain('"learner 01"');
  });

  it('nothing read from the progress topic holds a secret or a connection value', async () => {
    const all = await everythingOnTheTopic(room.room);
    expect(all).toContain('"kind":"step"');
    for (const secret of secretValues()) expect(all).not.toContain(secret);
    for (const value of Object.values(room.room.params).filter((v) => v.length > 6))
      expect(all).not.toContain(value);
  });

  it('workshop status without --json prints the board once, the count line first', async () => {
    const r = await runCli(['workshop', 'status', room.file], { env: room.instructor });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`${ROOM_SIZE}/${ROOM_SIZE + 1} verified · 1 stuck at ${step} (${code} 1)`);
    expect(r.stdout.split('\n').filter((l) => /learner \d\d/.test(l))).toHaveLength(ROOM_SIZE);
  });
});

describe('room files and the room’s broker, for the instructor', () => {
  let room: Awaited<ReturnType<typeof initRoom>>;

  it('a room file without secrets is an ordinary file; with --include-secrets it is 0600 and says so', async () => {
    room = await initRoom('ckafka', 3);
    expect(JSON.stringify(room.room)).not.toContain(secretValues()[0]);
    expect(statSync(room.file).mode & 0o777).toBe(0o644);
    const withSecrets = await initRoom('rocketmq', 2, ['--include-secrets']);
    expect(statSync(withSecrets.file).mode & 0o777).toBe(0o600);
    expect(withSecrets.room.secretsIncluded).toBe(true);
  });

  it('init --check finds everything a room on the sandbox needs', async () => {
    const rocketmq = await initRoom('rocketmq', 3);
    const r = await runCli(['workshop', 'init', '--check', rocketmq.file], { env: rocketmq.instructor });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('✓ write and read back on topic');
    expect(r.stdout.match(/✓ group /g)).toHaveLength(4);
    expect(r.stdout).toContain('The room is ready');
  });

  it('a board started after the learners finished still shows them, from the broker', async () => {
    const r = await join(room.file, 'early bird');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const board = await status(room.file, testEnv());
    expect(board.learners).toEqual([expect.objectContaining({ learner: 'early bird', state: 'verified' })]);
    expect(board.counts).toMatchObject({ total: 3, verified: 1 });
  });

  it('a RocketMQ room over the name server with full names: groups in the namespace, and a full room says so', async () => {
    const ns = await initRoom('rocketmq', 2, ['--set', 'protocol=remoting']);
    expect(ns.room.progress.topic).toMatch(/^rocketmq-sandbox\|tutorial%tutorial-progress-/);
    const [p, q] = await Promise.all([join(ns.file, 'p'), join(ns.file, 'q')]);
    for (const r of [p, q]) expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(new Set([joinedGroup(p as CliResult), joinedGroup(q as CliResult)])).toEqual(
      new Set(ns.room.groups.kind === 'pool' ? ns.room.groups.names : []),
    );
    const third = await runCli(['join', ns.file, '--name', 'r', '--yes'], { env: testEnv() });
    expect(third.code).toBe(2);
    expect(third.stderr).toContain('is full');
  }, 120_000);

  it('a learner who stops the run (Ctrl-C) shows where they stopped, not a step that runs for ever', async () => {
    const made = await initRoom('ckafka', 2);
    let sent = false;
    const r = await runCli(['join', made.file, '--name', 'quitter', '--json'], {
      env: testEnv(),
      onStdout: (text, child) => {
        if (!sent && text.includes('"step":"prepare-env"')) {
          sent = true;
          child.kill('SIGINT');
        }
      },
    });
    expect(r.code).toBe(130);
    const board = await status(made.file, made.instructor);
    expect(board.learners).toEqual([
      expect.objectContaining({ learner: 'quitter', state: 'stuck', code: 'INTERRUPTED' }),
    ]);
  }, 90_000);

  it('a progress topic that cannot be written: the tutorial goes on, and the learner is told once', async () => {
    const made = await initRoom('ckafka', 2);
    const broken = path.join(mkdtempSync(path.join(os.tmpdir(), 'mqt-room-')), 'room.json');
    writeFileSync(
      broken,
      JSON.stringify({ ...made.room, progress: { topic: 'tutorial-progress-no-such-room' } }),
    );
    const r = await runCli(['join', broken, '--name', 'unseen', '--yes'], { env: testEnv() });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/6 passed, 0 failed/);
    expect(r.stderr.match(/could not be sent to the instructor/g)).toHaveLength(1);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    for (const secret of secretValues()) expect(r.stdout + r.stderr).not.toContain(secret);
  }, 90_000);

  it('a RocketMQ room whose progress topic is gone: the learner cannot get a group, and is told why at once', async () => {
    const made = await initRoom('rocketmq', 2);
    const broken = path.join(mkdtempSync(path.join(os.tmpdir(), 'mqt-room-')), 'room.json');
    writeFileSync(
      broken,
      JSON.stringify({
        ...made.room,
        progress: { ...made.room.progress, topic: 'tutorial-progress-no-such-room' },
      }),
    );
    const r = await runCli(['join', broken, '--name', 'lost', '--json'], { env: testEnv() });
    expect(r.code, r.stdout + r.stderr).toBe(2);
    // A refusal is not tried again: the error line names the diagnosis and the client's words.
    expect(jsonLines(r.stdout)).toEqual([
      expect.objectContaining({
        type: 'error',
        code: 'ROOM_CHANNEL',
        topic: 'tutorial-progress-no-such-room',
        diagnosis: 'RMQ_NO_ROUTE',
        cause: expect.stringContaining('tutorial-progress-no-such-room'),
      }),
    ]);
    expect(r.stderr + r.stdout).not.toMatch(STACK_TRACE);
    for (const secret of secretValues()) expect(r.stdout + r.stderr).not.toContain(secret);
  }, 90_000);

  it('a room file that is not one, and a missing name, are one clear line each (exit 2)', async () => {
    const notRoom = path.join(mkdtempSync(path.join(os.tmpdir(), 'mqt-room-')), 'room.json');
    writeFileSync(notRoom, '{"v":1}');
    const bad = await runCli(['join', notRoom, '--name', 'x', '--yes']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('is not a room file');
    const missing = await runCli(['join', '/nonexistent/room.json', '--name', 'x', '--yes']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Cannot read the room file');
    const noName = await runCli(['join', room.file, '--yes']);
    expect(noName.code).toBe(2);
    expect(noName.stderr).toContain('--name');
  });
});
