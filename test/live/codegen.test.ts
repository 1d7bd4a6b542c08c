import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { transformSync } from 'esbuild';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mqadmin } from '../../src/sandbox/rocketmq/admin.js';
import { jsonLines, runCli, stepLine } from '../helpers/cli.js';
import { ROOT, SANDBOX_DIR, testEnv, VENV_PYTHON } from '../helpers/env.js';
import { sandboxSecrets, secretValues } from '../helpers/sandbox.js';
import { needsSharedSandbox } from '../helpers/shared-sandbox.js';

needsSharedSandbox();

const hex = () => randomBytes(3).toString('hex');

/** The generated programs live under the repository so that `kafkajs` and friends resolve from its node_modules. */
function outDir(name: string): string {
  const dir = path.join(ROOT, '.cache', 'live-codegen');
  mkdirSync(dir, { recursive: true });
  return mkdtempSync(path.join(dir, `${name}-`));
}

/** The secrets, from the environment only, as the generated programs expect them. */
function secretEnv(): Record<string, string> {
  const s = sandboxSecrets();
  return {
    MQ_TUTOR_PASSWORD: s.kafka.learnerPassword,
    MQ_TUTOR_ACCESS_KEY: s.rocketmq.learnerAccessKey,
    MQ_TUTOR_SECRET_KEY: s.rocketmq.learnerSecretKey,
  };
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(dir, f))
    .filter((f) => statSync(f).isFile());
}

function expectNoSecretIn(text: string, where: string): void {
  for (const secret of secretValues()) expect(text.includes(secret), `a secret in ${where}`).toBe(false);
}

/** TypeScript to an ES module next to it (what `npx tsx` does for the user). */
function compileTs(dir: string, name: string): string {
  const source = readFileSync(path.join(dir, `${name}.ts`), 'utf8');
  const out = path.join(dir, `${name}.mjs`);
  writeFileSync(out, transformSync(source, { loader: 'ts', format: 'esm', target: 'node20' }).code);
  return out;
}

interface Program {
  child: ChildProcess;
  output(): string;
  waitFor(pattern: string | RegExp, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

const running: Program[] = [];

function start(command: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Program {
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
  const program: Program = {
    child,
    output: () => out,
    async waitFor(pattern, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      const hit = () => (typeof pattern === 'string' ? out.includes(pattern) : pattern.test(out));
      while (!hit()) {
        if (Date.now() > deadline || child.exitCode !== null)
          throw new Error(
            `${path.basename(args[0] ?? command)} never printed ${pattern}; it printed:\n${out}`,
          );
        await new Promise((r) => setTimeout(r, 200));
      }
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGINT');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await closed;
        clearTimeout(timer);
      }
    },
  };
  running.push(program);
  return program;
}

function runOnce(command: string, args: string[], env: NodeJS.ProcessEnv, cwd: string) {
  const r = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((p) => p.stop()));
});

type Language = 'python' | 'ts';

/** How each language's generated program is started. */
function launcher(language: Language, dir: string): (name: string) => [string, string[]] {
  if (language === 'python') return (name) => [VENV_PYTHON, [path.join(dir, `${name}.py`)]];
  return (name) => [process.execPath, [compileTs(dir, name)]];
}

describe.each(['python', 'ts'] as const)(
  'generated %s CKafka programs against the sandbox (SASL_SSL, CARoot.pem)',
  (language) => {
    it('read the message mq-tutor produced, and deliver one that mq-tutor consume sees', async () => {
      const env = testEnv();
      const out = outDir(`ckafka-${language}`);
      // A full run; verify passes, so the programs are written to --out (both languages).
      const run = await runCli(
        ['run', 'ckafka', '--sandbox', '--json', '--set', `groupId=tutorial-cg-${hex()}`, '--out', out],
        {
          env,
        },
      );
      expect(run.code, run.stdout + run.stderr).toBe(0);
      const lines = jsonLines(run.stdout);
      const marker = String(stepLine(lines, 'produce').details?.marker);
      const code = lines.filter((l) => l.type === 'code');
      expect(code.map((l) => l.language)).toEqual(['python', 'ts']);
      const dir = path.join(out, language);
      expectNoSecretIn(run.stdout + run.stderr, 'the JSON output');
      for (const f of allFiles(out)) expectNoSecretIn(readFileSync(f, 'utf8'), f);
      const source = readFileSync(
        path.join(dir, language === 'python' ? 'producer.py' : 'producer.ts'),
        'utf8',
      );
      expect(source).toContain(path.join(SANDBOX_DIR, 'CARoot.pem'));
      expect(source).toMatch(/ssl_check_hostname=False|checkServerIdentity: \(\) => undefined/);

      const programEnv = { ...testEnv(secretEnv()), MQ_TUTOR_GROUP_ID: `tutorial-cgc-${hex()}` };
      const launch = launcher(language, dir);

      // The generated consumer, in a group of its own, reads mq-tutor's message.
      const [cmd, args] = launch('consumer');
      const consumer = start(cmd, args, programEnv, dir);
      await consumer.waitFor(marker, 90_000);
      expect(consumer.output()).toMatch(/Topic:\[tutorial-topic\] Partition:\[\d+\] Offset:\[\d+\] Value:\[/);
      await consumer.stop();

      // The generated producer sends one; mq-tutor's consume step (resumed at consume in the same
      // profile, aiming at its earlier message) reads it among what arrived since.
      const text = `from-generated-${language}-${hex()}`;
      const [pcmd, pargs] = launch('producer');
      const produced = runOnce(pcmd, [...pargs, text], programEnv, dir);
      expect(produced.status, produced.out).toBe(0);
      expect(produced.out).toMatch(
        new RegExp(`produce message ${text} success\\. topic=tutorial-topic partition=\\d+ offset=\\d+`),
      );

      const consume = await runCli(['run', 'ckafka', '--sandbox', '--json', '--step', 'consume'], { env });
      const step = stepLine(jsonLines(consume.stdout), 'consume');
      expect(step.status, consume.stdout + consume.stderr).toBe('passed');
      const others = (step.details?.others ?? []) as { value: string | null }[];
      expect(others.map((o) => o.value)).toContain(JSON.stringify(text));
    }, 240_000);
  },
);

describe('generated TypeScript RocketMQ programs against the sandbox (gRPC proxy)', () => {
  const group = 'tutorial-codegen';

  beforeAll(async () => {
    // The sandbox broker does not create groups on first use; this one is the generated consumer's own.
    const r = await mqadmin(SANDBOX_DIR, [
      'updateSubGroup',
      '-n',
      '127.0.0.1:9876',
      '-b',
      '127.0.0.1:10911',
      '-g',
      group,
    ]);
    expect(r.output).toMatch(/success/i);
  }, 120_000);

  it('read the message mq-tutor produced, and deliver one that mq-tutor consume sees', async () => {
    const env = testEnv();
    const dir = outDir('rocketmq-ts');
    const gen = await runCli(['code', 'rocketmq', '--lang', 'ts', '--sandbox', '--out', dir], { env });
    expect(gen.code, gen.stdout + gen.stderr).toBe(0);
    for (const f of allFiles(dir)) expectNoSecretIn(readFileSync(f, 'utf8'), f);
    const programEnv = { ...testEnv(secretEnv()), MQ_TUTOR_GROUP: group };

    const consumer = start(process.execPath, [compileTs(dir, 'consumer')], programEnv, dir);
    await consumer.waitFor('[Consumer] Waiting for messages', 30_000);
    // Let the push consumer find its queues before anything is sent.
    await new Promise((r) => setTimeout(r, 5000));

    const run = await runCli(['run', 'rocketmq', '--sandbox', '--json'], { env });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const marker = String(stepLine(jsonLines(run.stdout), 'produce').details?.marker);
    await consumer.waitFor(marker, 60_000);
    expect(consumer.output()).toMatch(
      new RegExp(`Received message\\. messageId: \\w+ tag: TagA keys: tutorial-key body: .*${marker}`),
    );
    await consumer.stop();

    // The generated producer answers with the run's marker in its text: mq-tutor's consume step,
    // started at consume in the same profile, recognises it as the message it is waiting for.
    const producer = runOnce(
      process.execPath,
      [compileTs(dir, 'producer'), `reply to ${marker}`],
      programEnv,
      dir,
    );
    expect(producer.status, producer.out).toBe(0);
    const messageId = /send ok messageId=(\w+)/.exec(producer.out)?.[1];
    expect(messageId, producer.out).toBeTruthy();

    const consume = await runCli(['run', 'rocketmq', '--sandbox', '--json', '--step', 'consume'], { env });
    const step = stepLine(jsonLines(consume.stdout), 'consume');
    expect(step.status, consume.stdout + consume.stderr).toBe('passed');
    expect(step.details?.messageId).toBe(messageId);
    expect(String(step.details?.body)).toContain(`reply to ${marker}`);
  }, 240_000);
});

describe('the generated Python RocketMQ programs', () => {
  it("are written for the document's SDK with the sandbox name server and compile", async () => {
    const dir = outDir('rocketmq-py');
    const gen = await runCli(['code', 'rocketmq', '--lang', 'python', '--sandbox', '--out', dir], {
      env: testEnv(),
    });
    expect(gen.code, gen.stdout + gen.stderr).toBe(0);
    const producer = readFileSync(path.join(dir, 'producer.py'), 'utf8');
    expect(producer).toContain('setting("MQ_TUTOR_NAME_SERVER", "127.0.0.1:9876")');
    expect(producer).toContain('msg.set_tags(TAG)');
    expect(producer).toContain('msg.set_keys(KEYS)');
    for (const name of ['producer.py', 'consumer.py']) {
      const r = runOnce(VENV_PYTHON, ['-m', 'py_compile', path.join(dir, name)], process.env, dir);
      expect(r.status, r.out).toBe(0);
    }
    for (const f of allFiles(dir)) expectNoSecretIn(readFileSync(f, 'utf8'), f);
  });
});
