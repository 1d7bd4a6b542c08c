import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { transformSync } from 'esbuild';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mqadmin } from '../../src/sandbox/rocketmq/admin.js';
import { jsonLines, runCli, stepLine } from '../helpers/cli.js';
import { ROOT, SANDBOX_DIR, testEnv, VENV_PYTHON } from '../helpers/env.js';
import { sandboxSecrets, secretValues } from '../helpers/sandbox.js';
import { needsSharedSandbox } from '../helpers/shared-sandbox.js';

needsSharedSandbox();

const NAMESPACE = 'rocketmq-sandbox|tutorial';
const FULL_TOPIC = `${NAMESPACE}%tutorial-topic`;
const FULL_GROUP = `${NAMESPACE}%tutorial-group`;
/** The generated consumer's own group: it acknowledges everything, so it must not share mq-tutor's. */
const CODEGEN_GROUP = `${NAMESPACE}%tutorial-codegen-remoting`;
const REMOTING = ['--sandbox', '--set', 'protocol=remoting'];
const PYTHON = existsSync(VENV_PYTHON) ? VENV_PYTHON : 'python3';

/** The keys, from the environment only, as the generated programs read them. */
function keysEnv(): Record<string, string> {
  const s = sandboxSecrets().rocketmq;
  return { MQ_TUTOR_ACCESS_KEY: s.learnerAccessKey, MQ_TUTOR_SECRET_KEY: s.learnerSecretKey };
}

function expectNoSecretIn(dir: string): void {
  for (const name of readdirSync(dir).filter(
    (f) => f.endsWith('.ts') || f.endsWith('.md') || f.endsWith('.json'),
  )) {
    const text = readFileSync(path.join(dir, name), 'utf8');
    for (const secret of secretValues()) expect(text.includes(secret), `a secret in ${name}`).toBe(false);
  }
}

/**
 * The TypeScript programs, written where `mq-tutor code` puts them, with this checkout as their
 * `mq-tutor` dependency (what `npm install <checkout>` gives a user), and each compiled to JS.
 */
async function generateTs(env: NodeJS.ProcessEnv): Promise<string> {
  const base = path.join(ROOT, '.cache', 'live-codegen');
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(path.join(base, 'rocketmq-remoting-ts-'));
  const gen = await runCli(['code', 'rocketmq', '--lang', 'ts', ...REMOTING, '--out', dir], { env });
  expect(gen.code, gen.stdout + gen.stderr).toBe(0);
  mkdirSync(path.join(dir, 'node_modules'));
  symlinkSync(ROOT, path.join(dir, 'node_modules', 'mq-tutor'), 'dir');
  for (const name of ['producer', 'consumer']) {
    const source = readFileSync(path.join(dir, `${name}.ts`), 'utf8');
    const js = transformSync(source, { loader: 'ts', format: 'esm', target: 'node20' }).code;
    writeFileSync(path.join(dir, `${name}.mjs`), js);
  }
  return dir;
}

interface Program {
  output(): string;
  waitFor(pattern: string | RegExp, timeoutMs: number): Promise<void>;
  stop(): Promise<number | null>;
}

const running: Program[] = [];

function start(script: string, env: NodeJS.ProcessEnv): Program {
  const child: ChildProcess = spawn(process.execPath, [script], {
    cwd: path.dirname(script),
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const program: Program = {
    output: () => out,
    async waitFor(pattern, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      const hit = () => (typeof pattern === 'string' ? out.includes(pattern) : pattern.test(out));
      while (!hit()) {
        if (Date.now() > deadline || child.exitCode !== null)
          throw new Error(`${path.basename(script)} never printed ${pattern}; it printed:\n${out}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGINT');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        const code = await closed;
        clearTimeout(timer);
        return code;
      }
      return child.exitCode;
    },
  };
  running.push(program);
  return program;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((p) => p.stop()));
});

describe('generated TypeScript RocketMQ programs on the remoting route (mq-tutor/remoting, name server, full names)', () => {
  beforeAll(async () => {
    // The sandbox broker does not create groups on first use; the learner may use any in the namespace.
    const r = await mqadmin(SANDBOX_DIR, [
      'updateSubGroup',
      '-n',
      '127.0.0.1:9876',
      '-b',
      '127.0.0.1:10911',
      '-g',
      CODEGEN_GROUP,
    ]);
    expect(r.output).toMatch(/success/i);
  }, 120_000);

  it("meet mq-tutor's steps: the consumer receives what produce sent, consume sees what the producer sent", async () => {
    const env = testEnv();
    const dir = await generateTs(env);
    expectNoSecretIn(dir);
    const producerSource = readFileSync(path.join(dir, 'producer.ts'), 'utf8');
    expect(producerSource).toContain("from 'mq-tutor/remoting'");
    expect(producerSource).toContain("setting('MQ_TUTOR_NAME_SERVER', '127.0.0.1:9876')");
    expect(producerSource).toContain(`setting('MQ_TUTOR_TOPIC', '${FULL_TOPIC}')`);
    expect(producerSource).toContain(`setting('MQ_TUTOR_PRODUCER_GROUP', '${FULL_GROUP}')`);
    // As a user's editor would: the programs type-check against the package's declarations.
    const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const check = spawnSync(process.execPath, [tsc, '-p', dir], { encoding: 'utf8' });
    expect(`${check.stdout}${check.stderr}`).toBe('');

    const programEnv = { ...testEnv(keysEnv()), MQ_TUTOR_GROUP: CODEGEN_GROUP };
    const consumer = start(path.join(dir, 'consumer.mjs'), programEnv);
    await consumer.waitFor(
      `[Consumer] Waiting for messages on ${FULL_TOPIC} in group ${CODEGEN_GROUP}`,
      30_000,
    );
    // A new group starts at the end of its queues: send only once it holds them.
    await consumer.waitFor(/\[Consumer\] Assigned [1-9]\d* queue\(s\)/, 30_000);

    const run = await runCli(['run', 'rocketmq', ...REMOTING, '--json'], { env });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const produced = stepLine(jsonLines(run.stdout), 'produce').details as Record<string, unknown>;
    expect(produced).toMatchObject({ route: 'remoting', topic: FULL_TOPIC, producerGroup: FULL_GROUP });
    const marker = String(produced.marker);
    await consumer.waitFor(marker, 60_000);
    const received = new RegExp(
      `Received message\\. messageId: (\\w+) tags: TagA keys: tutorial-key body: .*${marker}`,
    );
    expect(consumer.output()).toMatch(received);
    expect(received.exec(consumer.output())?.[1]).toBe(produced.messageId);
    // Ctrl-C ends it cleanly: offsets committed, the client gone from the group.
    expect(await consumer.stop()).toBe(0);
    expect(consumer.output()).toMatch(/\[Consumer\] Stopped: [1-9]\d* message\(s\) acknowledged/);

    // The generated producer answers with the run's marker in its text: mq-tutor's consume step,
    // taken up at consume in the same profile, recognises it as the message it waits for.
    const producer = spawnSync(process.execPath, [path.join(dir, 'producer.mjs'), `reply to ${marker}`], {
      cwd: dir,
      env: programEnv,
      encoding: 'utf8',
      timeout: 60_000,
    });
    const printed = `${producer.stdout}${producer.stderr}`;
    expect(producer.status, printed).toBe(0);
    const sent = new RegExp(
      `send status=SEND_OK msg_id=(\\w+) topic=${FULL_TOPIC.replace(/\|/g, '\\|')} queue=\\d+ offset=\\d+`,
    );
    expect(printed).toMatch(sent);
    const messageId = sent.exec(printed)?.[1];

    const consume = await runCli(['run', 'rocketmq', ...REMOTING, '--json', '--step', 'consume'], { env });
    const step = stepLine(jsonLines(consume.stdout), 'consume');
    expect(step.status, consume.stdout + consume.stderr).toBe('passed');
    expect(step.details).toMatchObject({
      route: 'remoting',
      messageId,
      topic: FULL_TOPIC,
      group: FULL_GROUP,
      tag: 'TagA',
      keys: 'tutorial-key',
    });
    expect(String(step.details?.body)).toContain(`reply to ${marker}`);
    for (const secret of secretValues()) expect(run.stdout + consume.stdout + printed).not.toContain(secret);
  }, 240_000);

  it('a failure says what the name server or broker answered, with no stack trace', async () => {
    const dir = await generateTs(testEnv());
    const r = spawnSync(process.execPath, [path.join(dir, 'producer.mjs')], {
      cwd: dir,
      env: { ...testEnv(keysEnv()), MQ_TUTOR_TOPIC: `${NAMESPACE}%no-such-topic` },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^send failed: .*no-such-topic/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);
});

describe('the generated Python RocketMQ programs on the remoting route', () => {
  it('name the sandbox name server and full names, and compile', async () => {
    const base = path.join(ROOT, '.cache', 'live-codegen');
    mkdirSync(base, { recursive: true });
    const dir = mkdtempSync(path.join(base, 'rocketmq-remoting-py-'));
    const gen = await runCli(['code', 'rocketmq', '--lang', 'python', ...REMOTING, '--out', dir], {
      env: testEnv(),
    });
    expect(gen.code, gen.stdout + gen.stderr).toBe(0);
    expectNoSecretIn(dir);
    const producer = readFileSync(path.join(dir, 'producer.py'), 'utf8');
    expect(producer).toContain('name_servers(setting("MQ_TUTOR_NAME_SERVER", "127.0.0.1:9876"))');
    expect(producer).toContain(`setting("MQ_TUTOR_PRODUCER_GROUP", "${FULL_GROUP}")`);
    expect(producer).toContain(`setting("MQ_TUTOR_TOPIC", "${FULL_TOPIC}")`);
    expect(producer).toContain('producer.set_session_credentials(ACCESS_KEY, SECRET_KEY, "TDMQ")');
    for (const name of ['producer.py', 'consumer.py']) {
      const r = spawnSync(PYTHON, ['-m', 'py_compile', path.join(dir, name)], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
    }
  });
});
