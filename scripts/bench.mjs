// `npm run bench`: start-up, the live round trip next to a peer doing the same work on the same
// broker in the same run, and memory; medians over several runs, with ratios. Needs the sandbox
// (started here if it is not running). Targets are printed, never enforced: figures, not a test.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'mq-tutor.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const env = {
  ...process.env,
  MQ_TUTOR_SANDBOX_DIR: process.env.MQ_TUTOR_SANDBOX_DIR ?? path.join(ROOT, '.cache', 'sandbox'),
  MQ_TUTOR_CONFIG_DIR: path.join(os.tmpdir(), `mqt-bench-${randomBytes(3).toString('hex')}`),
  LANG: 'en_US.UTF-8',
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function timeCommand(file, args, options = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(file, args, { env, encoding: 'utf8', ...options });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0)
    throw new Error(`${file} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return { ms, stdout: r.stdout };
}

async function repeat(label, fn) {
  await fn(); // warm-up: disk cache, JIT, broker connections
  const samples = [];
  for (let i = 0; i < RUNS; i++) samples.push(await fn());
  process.stderr.write(`  ${label}: ${samples.map((s) => s.toFixed(0)).join(' ')} ms\n`);
  return median(samples);
}

/** Peak resident memory (VmHWM) of a process, read from /proc until it exits. */
function peakRss(args, extraEnv = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...env, ...extraEnv },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let peak = 0;
    const sample = () => {
      try {
        const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0);
        peak = Math.max(peak, kb);
      } catch {
        /* exited */
      }
    };
    const timer = setInterval(sample, 20);
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code !== 0) reject(new Error(`mq-tutor ${args.join(' ')} exited ${code}`));
      else resolve(peak / 1024);
    });
  });
}

const sandboxEnv = () => {
  const out = execFileSync(process.execPath, [BIN, 'sandbox', 'env'], { env, encoding: 'utf8' });
  return Object.fromEntries(
    [...out.matchAll(/^export (\w+)='((?:[^']|'\\'')*)'$/gm)].map((m) => [m[1], m[2].replace(/'\\''/g, "'")]),
  );
};

/**
 * kcat doing what produce -> consume -> verify does: a consumer joins a fresh group, one message is
 * produced, the consumer reads it and commits. Timed from the consumer's start to its exit.
 */
function kcatRoundTrip(s) {
  const auth = [
    '-b',
    'localhost:19095',
    '-X',
    'security.protocol=SASL_SSL',
    '-X',
    'sasl.mechanism=PLAIN',
    '-X',
    `sasl.username=${s.MQ_TUTOR_USERNAME}`,
    '-X',
    `sasl.password=${s.MQ_TUTOR_PASSWORD}`,
    '-X',
    `ssl.ca.location=${s.MQ_TUTOR_CA_FILE}`,
    '-X',
    'ssl.endpoint.identification.algorithm=none',
  ];
  const value = `kcat-bench-${randomBytes(6).toString('hex')}`;
  const group = `tutorial-bench-${randomBytes(4).toString('hex')}`;
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    // -u: unbuffered output; the fetch wait is that of mq-tutor's consumer (250 ms), so both poll alike.
    const args = [
      '-C',
      '-u',
      ...auth,
      '-G',
      group,
      '-X',
      'auto.offset.reset=latest',
      '-X',
      'fetch.wait.max.ms=250',
    ];
    const consumer = spawn('kcat', [...args, '-f', '%s\n', 'tutorial-topic'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let produced = false;
    let readAt = 0n;
    consumer.stdout.on('data', (d) => {
      out += d;
      // Other clients may write to the shared topic meanwhile: stop at our own message.
      if (!readAt && out.includes(value)) {
        readAt = process.hrtime.bigint();
        consumer.kill('SIGINT');
      }
    });
    consumer.stderr.on('data', (d) => {
      err += d;
      // Produce once the consumer holds its partitions and knows where their ends are.
      const atEnd = (err.match(/Reached end of topic/g) ?? []).length;
      if (!produced && /rebalanced.*assigned/.test(err) && atEnd >= 3) {
        produced = true;
        execFileSync('kcat', ['-P', ...auth, '-t', 'tutorial-topic'], { input: `${value}\n` });
      }
    });
    consumer.on('exit', () => {
      // Up to the clean exit: kcat commits and leaves the group on SIGINT, as mq-tutor does.
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (readAt) resolve(ms);
      else reject(new Error(`kcat did not read back its message: ${out}`));
    });
  });
}

function firstScreen(marker, args) {
  return () => {
    const out = execFileSync(
      'python3',
      [path.join(ROOT, 'scripts', 'bench', 'first_screen.py'), marker, process.execPath, BIN, ...args],
      {
        env: { ...env, COLUMNS: '100', LINES: '30' },
        encoding: 'utf8',
      },
    );
    return Number(out.trim());
  };
}

process.stderr.write(
  `mq-tutor bench: ${RUNS} runs each (median), ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}, Node ${process.version}\n`,
);
execFileSync(process.execPath, [BIN, 'sandbox', 'up'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
const s = sandboxEnv();

const nodeBare = await repeat('node -e 0', () => timeCommand(process.execPath, ['-e', '0']).ms);
const help = await repeat('mq-tutor --help', () => timeCommand(process.execPath, [BIN, '--help']).ms);
// A bare Ink "hello", bundled with the same settings as mq-tutor, for the floor Ink itself sets.
const helloDir = path.join(ROOT, '.cache', 'bench');
await build({
  entryPoints: [path.join(ROOT, 'scripts', 'bench', 'ink-hello.tsx')],
  outdir: helloDir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  jsx: 'automatic',
  external: ['react-devtools-core'],
  define: { 'process.env.NODE_ENV': '"production"' },
  banner: { js: "import { createRequire as __c } from 'node:module'; const require = __c(import.meta.url);" },
  logLevel: 'error',
});
const inkHello = await repeat('bare Ink hello, bundled', () => {
  const out = execFileSync(
    'python3',
    [
      path.join(ROOT, 'scripts', 'bench', 'first_screen.py'),
      'ckafka',
      process.execPath,
      path.join(helloDir, 'ink-hello.js'),
    ],
    {
      env,
      encoding: 'utf8',
    },
  );
  return Number(out.trim());
});
const wizard = await repeat(
  'wizard first screen',
  firstScreen(process.env.BENCH_WIZARD_MARKER ?? 'ckafka', ['--sandbox']),
);
const ckafka = await repeat(
  'mq-tutor ckafka produce→verify',
  () => timeCommand(process.execPath, [BIN, 'run', 'ckafka', '--sandbox', '--json', '--step', 'produce']).ms,
);
const kcat = await repeat('kcat produce + group consume', () => kcatRoundTrip(s));
const rocketmq = await repeat(
  'mq-tutor rocketmq produce→verify',
  () =>
    timeCommand(process.execPath, [BIN, 'run', 'rocketmq', '--sandbox', '--json', '--step', 'produce']).ms,
);
const rocketmqPeer = await repeat(
  'rocketmq-client-nodejs alone',
  () =>
    timeCommand(process.execPath, [path.join(ROOT, 'scripts', 'bench', 'rocketmq-peer.mjs')], {
      env: { ...env, ...s },
    }).ms,
);
const rss = await peakRss(['run', 'ckafka', '--sandbox', '--yes']);
// The wizard itself, driven through the whole ckafka tutorial in a pseudo-terminal (Enter at each step).
const wizardRss = Math.max(
  ...[1, 2, 3].map(() => {
    const config = path.join(os.tmpdir(), `mqt-bench-wizard-${randomBytes(3).toString('hex')}`);
    const script = path.join(ROOT, 'scripts', 'bench', 'wizard_run.py');
    const out = execFileSync('python3', [script, '6', process.execPath, BIN, 'run', 'ckafka', '--sandbox'], {
      env: { ...env, MQ_TUTOR_CONFIG_DIR: config },
      encoding: 'utf8',
    });
    return Number(out.trim());
  }),
);

// A room of learners: N joins at once against one sandbox room per broker, a board following it.
const ROOM = Number(process.env.BENCH_ROOM ?? 30);
await build({
  entryPoints: [path.join(ROOT, 'scripts', 'bench', 'room.ts')],
  outdir: helloDir,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  jsx: 'automatic',
  external: ['kafkajs', 'rocketmq-client-nodejs', 'react-devtools-core', 'ink', 'react'],
  banner: { js: "import { createRequire as __c } from 'node:module'; const require = __c(import.meta.url);" },
  logLevel: 'error',
});
const rooms = ['ckafka', 'rocketmq'].map((tutorial) => {
  const out = execFileSync(
    process.execPath,
    [path.join(helloDir, 'room.js'), BIN, tutorial, String(ROOM), '3'],
    {
      env,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const figures = JSON.parse(out.trim().split('\n').at(-1));
  process.stderr.write(
    `  room ${tutorial}: ${figures.passed}/${figures.learners} passed, p50 ${figures.p50.toFixed(0)} ms, p95 ${figures.p95.toFixed(0)} ms, lone ${figures.lone.toFixed(0)} ms, board lag p95 ${figures.lagP95} ms over ${figures.lagSamples} events, ${figures.cpuPerLearnerS.toFixed(2)} CPU-s per learner (floor ${figures.cpuFloorMs.toFixed(0)} ms on ${os.cpus().length} cores)\n`,
  );
  for (const failure of figures.failures) process.stderr.write(`    failed: ${failure}\n`);
  return figures;
});

const rows = [
  ['start-up: wizard first screen', wizard, 'node -e 0', nodeBare, '≤ 2.5x'],
  ['start-up: wizard first screen', wizard, 'bare Ink "hello" (bundled)', inkHello, ''],
  ['start-up: --help', help, 'node -e 0', nodeBare, ''],
  ['ckafka round trip (produce→consume→verify)', ckafka, 'kcat produce + group consume', kcat, '≤ 1.5x'],
  ['rocketmq round trip (produce→consume→verify)', rocketmq, 'client library alone', rocketmqPeer, ''],
];
const pad = (v, n) => String(v).padEnd(n);
console.log(
  `\n| ${pad('measure', 46)} | ${pad('mq-tutor', 9)} | ${pad('peer', 30)} | ${pad('peer', 9)} | ${pad('ratio', 6)} | target |`,
);
console.log(
  `|${'-'.repeat(48)}|${'-'.repeat(11)}|${'-'.repeat(32)}|${'-'.repeat(11)}|${'-'.repeat(8)}|--------|`,
);
for (const [label, ours, peerLabel, peer, target] of rows) {
  console.log(
    `| ${pad(label, 46)} | ${pad(`${ours.toFixed(0)} ms`, 9)} | ${pad(peerLabel, 30)} | ${pad(`${peer.toFixed(0)} ms`, 9)} | ${pad(`${(ours / peer).toFixed(2)}x`, 6)} | ${pad(target, 6)} |`,
  );
}
const memoryRow = (label, mb, target) =>
  `| ${pad(label, 46)} | ${pad(`${mb.toFixed(0)} MB`, 9)} | ${pad('', 30)} | ${pad('', 9)} | ${pad('', 6)} | ${target} |`;
console.log(memoryRow('peak memory, wizard through the ckafka tutorial', wizardRss, '< 150 MB'));
console.log(memoryRow('peak memory, ckafka run with --yes', rss, ''));
for (const room of rooms) {
  const label = `${room.tutorial} room of ${room.learners}`;
  console.log(
    `| ${pad(`${label}: passed`, 46)} | ${pad(`${room.passed}/${room.learners}`, 9)} | ${pad('', 30)} | ${pad('', 9)} | ${pad('', 6)} | all    |`,
  );
  for (const [what, ms] of [
    ['p50 run', room.p50],
    ['p95 run', room.p95],
  ])
    console.log(
      `| ${pad(`${label}: ${what}`, 46)} | ${pad(`${ms.toFixed(0)} ms`, 9)} | ${pad('a lone learner (median of 3)', 30)} | ${pad(`${room.lone.toFixed(0)} ms`, 9)} | ${pad(`${(ms / room.lone).toFixed(2)}x`, 6)} | ${what === 'p95 run' ? '≤ 2x  ' : '      '} |`,
    );
  console.log(
    `| ${pad(`${label}: p95 run`, 46)} | ${pad(`${room.p95.toFixed(0)} ms`, 9)} | ${pad(`CPU floor (${os.cpus().length} cores)`, 30)} | ${pad(`${room.cpuFloorMs.toFixed(0)} ms`, 9)} | ${pad(`${(room.p95 / room.cpuFloorMs).toFixed(2)}x`, 6)} |        |`,
  );
  console.log(
    `| ${pad(`${label}: board lag p95`, 46)} | ${pad(`${room.lagP95 ?? '-'} ms`, 9)} | ${pad(`${room.lagSamples} step events`, 30)} | ${pad('', 9)} | ${pad('', 6)} | < 1 s  |`,
  );
}
