import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonLines, runCli } from '../helpers/cli.js';
import { BIN, freshConfigDir, ROOT, SANDBOX_DIR, testEnv } from '../helpers/env.js';
import { describeGroup, savedTutorial } from '../helpers/kafka-admin.js';
import { asReader, makeReadOnly } from '../helpers/privileges.js';
import { sandboxSecrets, secretValues } from '../helpers/sandbox.js';
import { needsSharedSandbox } from '../helpers/shared-sandbox.js';

needsSharedSandbox();

const group = () => `tutorial-edge-${randomBytes(3).toString('hex')}`;
const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n|Error: .*\n\s+at /);

function expectNoSecret(text: string): void {
  for (const secret of secretValues()) expect(text).not.toContain(secret);
}

/** `mq-tutor <args> | head -1`, as a shell runs it; what head printed and what mq-tutor said. */
function throughHead(args: string[], env: NodeJS.ProcessEnv) {
  const command = `${process.execPath} ${BIN} ${args.map((a) => `'${a}'`).join(' ')} 2>"$ERR" | head -1; echo "status=\${PIPESTATUS[0]}" >&2`;
  const errFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'mqt-head-')), 'stderr');
  const r = spawnSync('bash', ['-c', command], {
    cwd: ROOT,
    env: { ...env, ERR: errFile },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return {
    stdout: r.stdout,
    stderr: readFileSync(errFile, 'utf8'),
    status: Number(/status=(\d+)/.exec(r.stderr)?.[1]),
  };
}

describe('a config folder that cannot be used is a clear usage problem, not a crash', () => {
  const broken = mkdtempSync(path.join(os.tmpdir(), 'mqt-broken-'));
  const aFile = path.join(broken, 'not-a-folder');
  writeFileSync(aFile, 'x');
  const withXdg = (xdg: string) => {
    const env = testEnv();
    delete env.MQ_TUTOR_CONFIG_DIR;
    return { ...env, XDG_CONFIG_HOME: xdg };
  };

  it('XDG_CONFIG_HOME pointing at a file: one line naming the folder and MQ_TUTOR_CONFIG_DIR, exit 2; a JSON line under --json', async () => {
    const text = await runCli(['run', 'ckafka', '--sandbox', '--yes'], { env: withXdg(aFile) });
    expect(text.code).toBe(2);
    expect(text.stderr.trim().split('\n')).toHaveLength(1);
    expect(text.stderr).toContain(path.join(aFile, 'mq-tutor'));
    expect(text.stderr).toContain('MQ_TUTOR_CONFIG_DIR');
    expect(text.stderr).toContain('a file is in the way');
    noStackTrace(text.stderr);
    const json = await runCli(['run', 'ckafka', '--sandbox', '--json'], { env: withXdg(aFile) });
    expect(json.code).toBe(2);
    expect(jsonLines(json.stdout)).toEqual([
      expect.objectContaining({
        type: 'error',
        code: 'CONFIG_DIR_UNUSABLE',
        dir: path.join(aFile, 'mq-tutor'),
      }),
    ]);
    const zh = await runCli(['run', 'ckafka', '--sandbox', '--yes', '--lang', 'zh'], { env: withXdg(aFile) });
    expect(zh.stderr).toContain('MQ_TUTOR_CONFIG_DIR');
    expect(zh.stderr).toContain('该路径上有一个同名文件');
  });

  it('no usable home folder: the same, exit 2', async () => {
    const env = testEnv();
    delete env.MQ_TUTOR_CONFIG_DIR;
    delete env.XDG_CONFIG_HOME;
    const r = await runCli(['run', 'ckafka', '--sandbox', '--yes'], { env: { ...env, HOME: '' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no usable home folder/);
    expect(r.stderr).toContain('MQ_TUTOR_CONFIG_DIR');
    noStackTrace(r.stderr);
  });

  it('a profiles folder that is not writable: a run says so (exit 2); profile list, show and report still work, writing nothing', async () => {
    const env = testEnv({ MQ_TUTOR_CONFIG_DIR: freshConfigDir() });
    const config = env.MQ_TUTOR_CONFIG_DIR as string;
    const done = await runCli(['run', 'ckafka', '--sandbox', '--json', '--set', `groupId=${group()}`], {
      env,
    });
    expect(done.code, done.stderr).toBe(0);
    makeReadOnly(config);
    chmodSync(path.dirname(config), 0o755);
    const listing = () => spawnSync('find', [config, '-printf', '%p %s %T@\\n'], { encoding: 'utf8' }).stdout;
    const before = listing();
    const run = asReader(['run', 'ckafka', '--sandbox', '--yes'], env);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`cannot keep its profiles in ${config} (`);
    expect(run.stderr).toContain('no permission to write there');
    noStackTrace(run.stderr);
    for (const args of [
      ['profile', 'list'],
      ['profile', 'show', 'sandbox'],
      ['report', '--profile', 'sandbox'],
    ]) {
      const r = asReader(args, env);
      expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      noStackTrace(r.stderr);
    }
    expect(asReader(['profile', 'show', 'sandbox'], env).stdout).toMatch(/✔ verify/);
    expect(asReader(['report', '--profile', 'sandbox'], env).stdout).toContain(
      '# mq-tutor troubleshooting report',
    );
    expect(listing()).toBe(before);
  });
});

describe('output piped into head', () => {
  it('run --json | head -1: one line, no stack trace; the run stops and the next one starts afresh', async () => {
    const env = testEnv();
    const groupId = group();
    const r = throughHead(['run', 'ckafka', '--sandbox', '--json', '--set', `groupId=${groupId}`], env);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ type: 'step', step: 'prepare-env' });
    noStackTrace(r.stderr);
    expect(r.stderr).not.toMatch(/EPIPE|unexpected error/);
    expect(r.status).toBe(0);
    expect(savedTutorial(env, 'sandbox', 'ckafka')?.lastRun?.interrupted).toBe(false);
    const next = await runCli(['run', 'ckafka', '--sandbox', '--json', '--set', `groupId=${groupId}`], {
      env,
    });
    const lines = jsonLines(next.stdout);
    expect(lines[0]).toMatchObject({ step: 'prepare-env', status: 'passed' });
    expect(lines.some((l) => l.skipReason === 'before-start' || l.skipReason === 'passed-earlier')).toBe(
      false,
    );
    expect(next.code, next.stderr).toBe(0);
    expect((await describeGroup(groupId)).members).toBe(0);
  });

  it.each([[['profile', 'list']], [['sandbox', 'env']], [['--help']]])(
    '%j | head -1: quiet, exit 0',
    (args) => {
      const env = testEnv();
      // A few profiles, so that `profile list` has more than one line to write.
      const profiles = path.join(env.MQ_TUTOR_CONFIG_DIR as string, 'profiles');
      mkdirSync(profiles, { recursive: true });
      for (const name of ['a', 'b', 'c'])
        writeFileSync(path.join(profiles, `${name}.json`), '{"version":1,"tutorials":{}}');
      const r = throughHead(args, env);
      expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    },
  );
});

describe('command-line mistakes', () => {
  it('--lang xx is a usage error (exit 2) that names the languages', async () => {
    const r = await runCli(['run', 'ckafka', '--sandbox', '--json', '--lang', 'xx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--lang xx.*zh, en/);
    expect(r.stdout).toBe('');
  });

  it('a value refused by validation is not saved, and the fix names where it came from', async () => {
    const env = testEnv();
    const refused = await runCli(['run', 'ckafka', '--sandbox', '--json', '--set', 'username=learner'], {
      env,
    });
    expect(refused.code).toBe(2);
    const error = jsonLines(refused.stdout)[0] as unknown as {
      code: string;
      problems: { param: string; source: string; fix: string }[];
    };
    expect(error.code).toBe('PARAMS_INVALID');
    expect(error.problems[0]).toMatchObject({ param: 'username', source: 'set' });
    expect(error.problems[0]?.fix).toContain('--set username=');
    expect(error.problems[0]?.fix).not.toContain('MQ_TUTOR_USERNAME');
    expect(savedTutorial(env, 'sandbox', 'ckafka')?.params.username).toBeUndefined();
    const after = await runCli(['run', 'ckafka', '--sandbox', '--json', '--set', `groupId=${group()}`], {
      env,
    });
    expect(after.code, after.stdout + after.stderr).toBe(0);
    const text = await runCli(['run', 'ckafka', '--sandbox', '--yes', '--set', 'username=learner'], { env });
    expect(text.stderr).toMatch(/username came from --set/);
  });

  it('a busy profile under --json prints a PROFILE_BUSY line on stdout', async () => {
    const env = testEnv();
    // A real holder: a process that is alive, with the lock file mq-tutor itself writes.
    const holder = spawn('sleep', ['60']);
    try {
      const runs = path.join(env.MQ_TUTOR_CONFIG_DIR as string, 'runs');
      mkdirSync(runs, { recursive: true });
      writeFileSync(path.join(runs, 'sandbox.ckafka.lock'), `${holder.pid}\n${new Date().toISOString()}\n`);
      const r = await runCli(['run', 'ckafka', '--sandbox', '--json'], { env });
      expect(r.code).toBe(2);
      expect(jsonLines(r.stdout)).toEqual([
        expect.objectContaining({ type: 'error', code: 'PROFILE_BUSY', pid: holder.pid, profile: 'sandbox' }),
      ]);
    } finally {
      holder.kill();
    }
  });

  it('a secret given with --set is used, and a note says once that ps and the shell history show it', async () => {
    const s = sandboxSecrets();
    const en = await runCli([
      'run',
      'ckafka',
      '--sandbox',
      '--json',
      '--set',
      `password=${s.kafka.learnerPassword}`,
      '--set',
      `groupId=${group()}`,
    ]);
    expect(en.code, en.stderr).toBe(0);
    expect(en.stderr.match(/can be seen by other users in `ps`/g)).toHaveLength(1);
    expect(en.stderr).toContain('MQ_TUTOR_PASSWORD=');
    expectNoSecret(en.stdout + en.stderr);
    const zh = await runCli([
      'run',
      'ckafka',
      '--sandbox',
      '--yes',
      '--lang',
      'zh',
      '--set',
      'password=wrong-one',
    ]);
    expect(zh.stderr).toContain('会被本机其他用户在 `ps` 中看到');
  });
});

describe('small things', () => {
  it('--yes does not announce starting the sandbox when it already runs', async () => {
    const r = await runCli(['run', 'ckafka', '--sandbox', '--yes', '--step', 'check-network']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/Starting the local sandbox/);
  });

  it('code prints absolute paths, whatever the current folder', async () => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'mqt-code-'));
    const r = spawnSync(
      process.execPath,
      [BIN, 'code', 'ckafka', '--sandbox', '--lang', 'python', '--out', 'gen'],
      {
        cwd: work,
        env: testEnv(),
        encoding: 'utf8',
      },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(path.join(work, 'gen', 'producer.py'));
    expect(r.stdout).not.toMatch(/\.\.\//);
  });
});

describe('the sandbox is no more open than it says', () => {
  it('its state folder is this user’s alone; files that hold keys are not readable by others', () => {
    expect(statSync(SANDBOX_DIR).mode & 0o777).toBe(0o700);
    const key = sandboxSecrets().rocketmq.learnerSecretKey;
    const holders = spawnSync('grep', ['-rlF', key, SANDBOX_DIR], { encoding: 'utf8' })
      .stdout.trim()
      .split('\n');
    expect(holders.length).toBeGreaterThan(0);
    for (const file of holders.filter(Boolean)) expect(statSync(file).mode & 0o077, file).toBe(0);
  });

  it('status says which ports listen on every interface and why', async () => {
    const r = await runCli(['sandbox', 'status']);
    expect(r.stdout).toMatch(/name server 127\.0\.0\.1:9876/);
    expect(r.stdout).toMatch(/gRPC proxy \*:8081/);
    expect(r.stdout).toMatch(
      /Not on loopback: .*gRPC proxy 8081.*broker HA 10912.*RocketMQ 5\.3\.3 has no setting/,
    );
    expect(r.stdout).toMatch(/SASL_SSL 127\.0\.0\.1:19095/);
  });

  it('another sandbox holding the ports: its state folder and how to stop it', async () => {
    const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'mqt-other-sandbox-'));
    const r = await runCli(['run', 'ckafka', '--sandbox', '--json'], {
      env: testEnv({ MQ_TUTOR_SANDBOX_DIR: elsewhere }),
      timeoutMs: 60_000,
    });
    expect(r.code).toBe(2);
    const error = jsonLines(r.stdout)[0];
    expect(error).toMatchObject({ type: 'error', code: 'SANDBOX_UNAVAILABLE' });
    expect(String(error?.message)).toContain(`MQ_TUTOR_SANDBOX_DIR=${SANDBOX_DIR} mq-tutor sandbox down`);
  });
});
