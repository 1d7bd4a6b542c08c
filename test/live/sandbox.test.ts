import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { freshConfigDir, SANDBOX_DIR, testEnv } from '../helpers/env.js';
import { kcat, kcatAuth, kcatProduce } from '../helpers/kcat.js';
import { CA_FILE, sandboxSecrets } from '../helpers/sandbox.js';
import { needsSharedSandbox } from '../helpers/shared-sandbox.js';

needsSharedSandbox();

const fingerprint = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('sandbox: Kafka listeners are real (checked with kcat)', () => {
  for (const listener of ['SASL_PLAINTEXT', 'SASL_SSL'] as const) {
    it(`kcat produces and consumes on ${listener}`, () => {
      const value = `kcat-${listener}-${Date.now()}`;
      const produced = kcatProduce(listener, 'tutorial-topic', value, { partition: 0 });
      expect(produced.status, produced.stderr).toBe(0);
      const read = kcat([
        '-C',
        ...kcatAuth(listener),
        '-t',
        'tutorial-topic',
        '-p',
        '0',
        '-o',
        '-1',
        '-c',
        '1',
        '-e',
        '-f',
        '%s\n',
      ]);
      expect(read.status, read.stderr).toBe(0);
      expect(read.stdout.trim()).toBe(value);
    });
  }

  it('kcat with a wrong password is refused', () => {
    const r = kcat(
      ['-L', ...kcatAuth('SASL_PLAINTEXT', 'not-the-password'), '-t', 'tutorial-topic'],
      undefined,
      20_000,
    );
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/Authentication failed|Invalid username or password/);
  });

  it('the learner is denied on restricted-topic', () => {
    const r = kcatProduce('SASL_SSL', 'restricted-topic', 'should not land');
    expect(`${r.stdout}${r.stderr}`).toMatch(/Topic authorization failed/i);
  });

  it('CARoot.pem is a CA certificate and the broker certificate names localhost and 127.0.0.1', () => {
    const ca = execFileSync(
      'openssl',
      ['x509', '-in', CA_FILE, '-noout', '-subject', '-ext', 'basicConstraints'],
      { encoding: 'utf8' },
    );
    expect(ca).toMatch(/CA:TRUE/);
    const san = execFileSync(
      'openssl',
      ['s_client', '-connect', '127.0.0.1:19095', '-CAfile', CA_FILE, '-verify_return_error'],
      {
        input: '',
        encoding: 'utf8',
        timeout: 15_000,
      },
    );
    expect(san).toMatch(/Verify return code: 0 \(ok\)/);
  });
});

describe('sandbox: RocketMQ gRPC proxy with authentication', () => {
  let secrets: ReturnType<typeof sandboxSecrets>;
  beforeAll(() => {
    secrets = sandboxSecrets();
  });
  const base = (secretKey: string) => ({
    endpoints: '127.0.0.1:8081',
    namespace: '',
    sessionCredentials: { accessKey: secrets.rocketmq.learnerAccessKey, accessSecret: secretKey },
    requestTimeout: 5000,
    logger: { info() {}, warn() {}, error() {}, debug() {} },
  });

  it('a message sent with the learner keys is received by a consumer in tutorial-group', async () => {
    const { Producer, SimpleConsumer, FilterExpression } = await import('rocketmq-client-nodejs');
    const body = `sandbox-check-${Date.now()}`;
    const consumer = new SimpleConsumer({
      ...base(secrets.rocketmq.learnerSecretKey),
      consumerGroup: 'tutorial-group',
      subscriptions: new Map([['tutorial-topic', new FilterExpression('*')]]),
      awaitDuration: 2000,
    });
    await consumer.startup();
    const producer = new Producer({ ...base(secrets.rocketmq.learnerSecretKey), topics: ['tutorial-topic'] });
    await producer.startup();
    const receipt = await producer.send({
      topic: 'tutorial-topic',
      tag: 'TagA',
      keys: ['sandbox'],
      body: Buffer.from(body),
    });
    await producer.shutdown();
    let found = false;
    const deadline = Date.now() + 30_000;
    while (!found && Date.now() < deadline) {
      for (const m of await consumer.receive(16, 15_000)) {
        await consumer.ack(m);
        if (m.messageId === receipt.messageId) found = m.body.toString() === body;
      }
    }
    await consumer.shutdown();
    expect(found).toBe(true);
  });

  it('a wrong secret key is refused', async () => {
    const { Producer } = await import('rocketmq-client-nodejs');
    const producer = new Producer({ ...base('wrong-secret'), topics: ['tutorial-topic'] });
    const error = await Promise.race([
      producer.startup().then(
        () => undefined,
        (e: unknown) => e,
      ),
      new Promise((r) => setTimeout(() => r('timeout'), 15_000)),
    ]);
    await producer.shutdown().catch(() => {});
    expect(error).not.toBe('timeout');
    // The client wraps the broker's answer (Error -> cause -> cause): look down the chain.
    const codes: unknown[] = [];
    for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e)
      codes.push(e.code);
    expect(codes).toContain(40100);
  });
});

describe('sandbox command', () => {
  it('up again is fast and says it was already running', async () => {
    const r = await runCli(['sandbox', 'up']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Kafka was already running/);
    expect(r.stdout).toMatch(/RocketMQ was already running/);
    expect(r.durationMs).toBeLessThan(15_000);
  });

  it('up writes the sandbox profile, without secrets; the profile then reaches the sandbox without --sandbox', async () => {
    const env = testEnv();
    const up = await runCli(['sandbox', 'up'], { env });
    expect(up.stdout).toMatch(/bootstrapServers = localhost:19095/);
    expect(up.stdout).toMatch(
      /RocketMQ \(or, with --set protocol=remoting\):\s+protocol = remoting\s+endpoints = 127\.0\.0\.1:9876/,
    );
    const show = await runCli(['profile', 'show', 'sandbox'], { env });
    expect(show.code, show.stderr).toBe(0);
    const run = await runCli(['run', 'ckafka', '--profile', 'sandbox', '--json', '--step', 'check-network'], {
      env,
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const file = readFileSync(
      path.join(env.MQ_TUTOR_CONFIG_DIR as string, 'profiles', 'sandbox.json'),
      'utf8',
    );
    for (const secret of [
      sandboxSecrets().kafka.learnerPassword,
      sandboxSecrets().rocketmq.learnerSecretKey,
    ]) {
      expect(file).not.toContain(secret);
    }
  });

  it('status reports both brokers with their ports', async () => {
    const r = await runCli(['sandbox', 'status']);
    expect(r.stdout).toMatch(/Kafka: running \(pid \d+\).*127\.0\.0\.1:19094.*127\.0\.0\.1:19095/);
    expect(r.stdout).toMatch(/RocketMQ: running \(pid \d+\).*\*:8081.*127\.0\.0\.1:9876/);
  });

  it('env prints export lines, secrets included, that a shell can eval', async () => {
    const r = await runCli(['sandbox', 'env']);
    expect(r.code).toBe(0);
    const shell = execFileSync(
      'bash',
      [
        '-c',
        `${r.stdout}\nprintf '%s\\n' "$MQ_TUTOR_USERNAME" "$MQ_TUTOR_PASSWORD" "$MQ_TUTOR_CA_FILE" "$MQ_TUTOR_ENDPOINTS"`,
      ],
      {
        encoding: 'utf8',
      },
    );
    expect(shell.split('\n')).toEqual([
      'ckafka-sandbox#learner',
      sandboxSecrets().kafka.learnerPassword,
      CA_FILE,
      '127.0.0.1:8081',
      '',
    ]);
  });

  it('up masks secrets in what it prints', async () => {
    const r = await runCli(['sandbox', 'up']);
    for (const secret of [
      sandboxSecrets().kafka.learnerPassword,
      sandboxSecrets().rocketmq.learnerSecretKey,
    ]) {
      expect(r.stdout + r.stderr).not.toContain(secret);
    }
  });

  it('secrets are kept private (mode 0600)', () => {
    expect(statSync(path.join(SANDBOX_DIR, 'secrets.json')).mode & 0o777).toBe(0o600);
  });

  it('ports held by the running sandbox, for a second state folder: one clear line naming it, exit code 2', async () => {
    const r = await runCli(['sandbox', 'up'], { env: testEnv({ MQ_TUTOR_SANDBOX_DIR: freshConfigDir() }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Port \d+ is held by another mq-tutor sandbox, whose state folder is /m);
    expect(r.stderr).toContain(`MQ_TUTOR_SANDBOX_DIR=${SANDBOX_DIR} mq-tutor sandbox down`);
  });

  it('without Java, up says so in one line and exits 2', async () => {
    const r = await runCli(['sandbox', 'up'], {
      env: testEnv({ MQ_TUTOR_SANDBOX_DIR: freshConfigDir(), PATH: '/nonexistent' }),
    });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^Java was not found/);
  });

  it('down then up keeps the generated secrets and the CA', async () => {
    const before = {
      secrets: readFileSync(path.join(SANDBOX_DIR, 'secrets.json'), 'utf8'),
      ca: fingerprint(CA_FILE),
    };
    const down = await runCli(['sandbox', 'down'], { timeoutMs: 120_000 });
    expect(down.code).toBe(0);
    expect((await runCli(['sandbox', 'status'])).stdout).toMatch(/Kafka: stopped[\s\S]*RocketMQ: stopped/);
    const up = await runCli(['sandbox', 'up'], { timeoutMs: 240_000 });
    expect(up.code, up.stderr).toBe(0);
    expect(readFileSync(path.join(SANDBOX_DIR, 'secrets.json'), 'utf8')).toBe(before.secrets);
    expect(fingerprint(CA_FILE)).toBe(before.ca);
    const again = kcatProduce('SASL_SSL', 'tutorial-topic', 'after restart');
    expect(again.status, again.stderr).toBe(0);
  }, 400_000);
});
