// A room of learners for `npm run bench`: a sandbox room for one tutorial, lone joins first (the
// yardstick), then N joins at once, each its own process and config folder, while a board follows
// the room's topic in this process. Prints one JSON line: pass rate, run times, the board's lag.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openRoom, roomFeed } from '../../src/session/workshop/board-feed.js';
import { LiveBoard } from '../../src/ui/board/live-board.js';
import { boardLag } from '../../src/workshop/lag.js';
import { boardRoom } from '../../src/workshop/room-file.js';

const [bin, tutorial, learnersText, loneText] = process.argv.slice(2);
const learners = Number(learnersText);
const lone = Number(loneText ?? 3);

// GNU time, when there, says how much CPU each learner's process used: on a machine with few cores a
// room of processes is bound by it, and the floor it sets is printed next to the run times.
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

function cli(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; ms: number; out: string; cpuS: number }> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const command = [process.execPath, bin as string, ...args];
    const child = TIME
      ? spawn(TIME, ['-f', 'MQT_CPU %U %S', ...command], { env, stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn(command[0] as string, command.slice(1), { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.on('close', (code) => {
      const cpu = /MQT_CPU (\S+) (\S+)/.exec(out);
      resolve({ code, ms: performance.now() - t0, out, cpuS: cpu ? Number(cpu[1]) + Number(cpu[2]) : 0 });
    });
  });
}

const learnerEnv = () => ({
  ...process.env,
  MQ_TUTOR_CONFIG_DIR: mkdtempSync(path.join(os.tmpdir(), 'mqt-bench-l-')),
});
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length, Math.max(1, Math.ceil(p * s.length))) - 1] ?? 0;
};

const dir = mkdtempSync(path.join(os.tmpdir(), 'mqt-bench-room-'));
const file = path.join(dir, 'room.json');
const made = await cli(
  [
    'workshop',
    'init',
    tutorial as string,
    '--sandbox',
    '--out',
    file,
    '--learners',
    String(learners + lone + 1),
  ],
  learnerEnv(),
);
if (made.code !== 0) throw new Error(`workshop init failed: ${made.out}`);

const loneRuns: number[] = [];
for (let i = 0; i < lone; i++) {
  const r = await cli(['join', file, '--name', `alone ${i}`, '--json'], learnerEnv());
  if (r.code !== 0) throw new Error(`a lone learner failed: ${r.out}`);
  loneRuns.push(r.ms);
}

const opened = openRoom(file, process.env, 'en');
const live = new LiveBoard(boardRoom(opened.room));
const reading = new AbortController();
void live.feed(roomFeed(opened, reading.signal), reading.signal);
await new Promise((r) => setTimeout(r, 1000));
const since = Date.now();
const runs = await Promise.all(
  Array.from({ length: learners }, (_, i) =>
    cli(['join', file, '--name', `learner ${i}`, '--json'], learnerEnv()),
  ),
);
// The board hears of the last events a moment after the learners exit.
await new Promise((r) => setTimeout(r, 1500));
reading.abort();
await opened.channel.close();

const times = runs.map((r) => r.ms);
const lag = boardLag(live.getSnapshot().board, { kind: 'step', since });
const lonely = [...loneRuns].sort((a, b) => a - b)[Math.floor(loneRuns.length / 2)] ?? 0;
console.log(
  JSON.stringify({
    tutorial,
    learners,
    passed: runs.filter((r) => r.code === 0).length,
    lone: lonely,
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    lagP95: lag?.p95 ?? null,
    cpuPerLearnerS: runs.reduce((sum, r) => sum + r.cpuS, 0) / runs.length,
    // The room's CPU spread over this machine's cores: no run of the room can end sooner.
    cpuFloorMs: (runs.reduce((sum, r) => sum + r.cpuS, 0) / os.cpus().length) * 1000,
    lagSamples: lag?.count ?? 0,
    failures: runs.filter((r) => r.code !== 0).map((r) => r.out.slice(-400)),
  }),
);
process.exit(0);
