import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mqadmin } from '../../src/sandbox/rocketmq/admin.js';
import { type CliResult, jsonLines, runCli, stepLine } from '../helpers/cli.js';
import { SANDBOX_DIR, testEnv } from '../helpers/env.js';
import { type BlackHole, blackHole, expectDiagnosed } from '../helpers/faults.js';
import { emptyNameServer, registerUnreachableBroker } from '../helpers/rocketmq-corners.js';
import { sandboxSecrets, secretValues } from '../helpers/sandbox.js';
import { needsSharedSandbox } from '../helpers/shared-sandbox.js';

needsSharedSandbox();

const NAMESPACE = 'rocketmq-sandbox|tutorial';
const FULL_TOPIC = `${NAMESPACE}%tutorial-topic`;
const FULL_GROUP = `${NAMESPACE}%tutorial-group`;
const NS = ['-n', '127.0.0.1:9876'];

const run = (args: string[], env = testEnv()) =>
  runCli(['run', 'rocketmq', '--sandbox', '--json', ...args], { env });
const remoting = (args: string[], env?: NodeJS.ProcessEnv) =>
  run(['--set', 'protocol=remoting', ...args], env);

function learner() {
  const s = sandboxSecrets().rocketmq;
  return { accessKey: s.learnerAccessKey, secretKey: s.learnerSecretKey };
}

function expectAllPassed(r: CliResult): void {
  expect(r.code, r.stdout + r.stderr).toBe(0);
  const lines = jsonLines(r.stdout);
  for (const step of ['prepare-env', 'check-network', 'produce', 'consume', 'verify'])
    expect(stepLine(lines, step).status, `${step}: ${r.stdout}`).toBe('passed');
  for (const secret of secretValues()) expect(r.stdout + r.stderr).not.toContain(secret);
}

interface RemotingProduce {
  route: string;
  status: string;
  messageId: string;
  topic: string;
  producerGroup: string;
  broker: string;
  queue: number;
  offset: number;
  tag: string;
  keys: string;
  marker: string;
}

describe('the document’s route: the name server, remoting, the producer group', () => {
  it('endpoints as the console prints a 4.x address (http://host:9876) passes every step; verify carries the committed offset', async () => {
    const r = await run(['--set', 'endpoints=http://127.0.0.1:9876']);
    expectAllPassed(r);
    const lines = jsonLines(r.stdout);
    expect(stepLine(lines, 'check-network').details).toMatchObject({ route: 'remoting' });
    const produced = stepLine(lines, 'produce').details as unknown as RemotingProduce;
    expect(produced).toMatchObject({ route: 'remoting', status: 'SEND_OK', producerGroup: 'tutorial-group' });
    const verify = stepLine(lines, 'verify').details as {
      route: string;
      group: {
        committedOffset: number;
        consumedByGroup: boolean;
        storedAt: { queue: number; offset: number };
      };
    };
    expect(verify.route).toBe('remoting');
    expect(verify.group.storedAt).toMatchObject({ queue: produced.queue, offset: produced.offset });
    expect(verify.group.committedOffset).toBeGreaterThan(produced.offset);
    expect(verify.group.consumedByGroup).toBe(true);
  });

  it('the full-named topic and group of a TDMQ 4.x namespace pass every step over the name server', async () => {
    const r = await remoting([]);
    expectAllPassed(r);
    const lines = jsonLines(r.stdout);
    expect(stepLine(lines, 'produce').details).toMatchObject({
      route: 'remoting',
      topic: FULL_TOPIC,
      producerGroup: FULL_GROUP,
      tag: 'TagA',
      keys: 'tutorial-key',
    });
    expect(stepLine(lines, 'consume').details).toMatchObject({
      topic: FULL_TOPIC,
      group: FULL_GROUP,
      tag: 'TagA',
    });
    const verify = stepLine(lines, 'verify').details as { group: { committedOffset: number } };
    expect(verify.group.committedOffset).toBeGreaterThan(
      (stepLine(lines, 'produce').details as { offset: number }).offset,
    );
  });

  it('the short name with the namespace apart builds the same full name', async () => {
    const r = await remoting([
      '--set',
      'namespace=rocketmq-sandbox|tutorial',
      '--set',
      'topic=tutorial-topic',
      '--set',
      'group=tutorial-group',
      '--set',
      'producerGroup=',
    ]);
    expectAllPassed(r);
    expect(stepLine(jsonLines(r.stdout), 'produce').details).toMatchObject({
      topic: FULL_TOPIC,
      producerGroup: FULL_GROUP,
    });
  });

  it('a ;-separated list as a console prints it, its first name server down, still gets through, and says so', async () => {
    const r = await run(['--set', 'endpoints=http://127.0.0.1:1;https://127.0.0.1:9876']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const lines = jsonLines(r.stdout);
    const network = stepLine(lines, 'check-network');
    expect(network.status).toBe('warned');
    expect(network.details).toMatchObject({ route: 'remoting', failed: [{ host: '127.0.0.1', port: 1 }] });
    for (const step of ['produce', 'consume', 'verify'])
      expect(['passed', 'warned']).toContain(stepLine(lines, step).status);
    expect(stepLine(lines, 'verify').details).toMatchObject({ group: { consumedByGroup: true } });
  });

  it('auto finds what each address speaks: remoting on the name server port, gRPC on the proxy port, each in under 2 s', async () => {
    for (const [endpoints, route] of [
      ['127.0.0.1:9876', 'remoting'],
      ['127.0.0.1:8081', 'grpc'],
    ] as const) {
      const r = await run(['--set', `endpoints=${endpoints}`, '--set', 'protocol=auto']);
      expectAllPassed(r);
      const network = stepLine(jsonLines(r.stdout), 'check-network');
      expect(network.details, endpoints).toMatchObject({ route });
      expect(network.durationMs, endpoints).toBeLessThan(2000);
      expect(stepLine(jsonLines(r.stdout), 'produce').details?.route ?? 'grpc').toBe(route);
    }
  });
});

describe('verify asks with the learner’s own keys', () => {
  it('when the role may not ask about the group, verify warns, says what it could not see and points to the console', async () => {
    const env = testEnv();
    expectAllPassed(await run(['--set', 'endpoints=127.0.0.1:9876'], env));
    // The same round trip, looked at for a group the role has no rights on.
    const r = await run(
      ['--step', 'verify', '--set', 'endpoints=127.0.0.1:9876', '--set', 'group=restricted-group'],
      env,
    );
    expect(r.code, r.stdout).toBe(0);
    const verify = stepLine(jsonLines(r.stdout), 'verify');
    expect(verify.status).toBe('warned');
    expect(verify.details).toMatchObject({ route: 'remoting', group: 'refused' });
    expect(verify.notes).toEqual([expect.stringContaining('Cluster Management > Group > restricted-group')]);
  });
});

describe('cross-check with RocketMQ’s own tools (mqadmin, with the learner’s keys, on the full-named topic)', () => {
  let env: NodeJS.ProcessEnv;
  let produced: RemotingProduce;

  beforeAll(async () => {
    env = testEnv();
    const r = await remoting([], env);
    expectAllPassed(r);
    produced = stepLine(jsonLines(r.stdout), 'produce').details as unknown as RemotingProduce;
  });

  it('mqadmin consumeMessage reads what our remoting produce sent, tag and keys included', async () => {
    const r = await mqadmin(
      SANDBOX_DIR,
      [
        'consumeMessage',
        ...NS,
        '-t',
        FULL_TOPIC,
        '-g',
        FULL_GROUP,
        '-b',
        produced.broker,
        '-i',
        String(produced.queue),
        '-o',
        String(produced.offset),
        '-c',
        '1',
      ],
      { credentials: learner() },
    );
    expect(r.output).toContain(`MSGID: ${produced.messageId}`);
    expect(r.output).toContain(produced.marker);
    expect(r.output).toMatch(/TAGS=TagA/);
    expect(r.output).toMatch(/KEYS=tutorial-key/);
  });

  it('mqadmin with wrong keys is refused, so the learner’s keys above were the ones that counted', async () => {
    const r = await mqadmin(
      SANDBOX_DIR,
      ['sendMessage', ...NS, '-t', FULL_TOPIC, '-p', 'refused', '-c', 'TagA'],
      { credentials: { accessKey: learner().accessKey, secretKey: 'not-the-secret' } },
    );
    expect(r.output).not.toMatch(/SEND_OK/);
  });

  it('our consume over the name server sees what mqadmin sendMessage sent with the learner’s keys', async () => {
    const body = `{"marker":"${produced.marker}","from":"mqadmin-${randomBytes(3).toString('hex')}"}`;
    const sent = await mqadmin(
      SANDBOX_DIR,
      ['sendMessage', ...NS, '-t', FULL_TOPIC, '-p', body, '-c', 'TagA', '-k', 'from-mqadmin'],
      { credentials: learner() },
    );
    expect(sent.output).toMatch(/SEND_OK/);
    const r = await remoting(['--step', 'consume'], env);
    const lines = jsonLines(r.stdout);
    expect(stepLine(lines, 'consume').status, r.stdout).toBe('passed');
    expect(stepLine(lines, 'consume').details).toMatchObject({
      body,
      keys: 'from-mqadmin',
      tag: 'TagA',
      topic: FULL_TOPIC,
    });
    // Verify is right to object: the message consumed is mqadmin's, not the one produce sent.
    expect(stepLine(lines, 'verify').diagnosis?.code).toBe('RMQ_VERIFY_MISMATCH');
  });
});

describe('the two routes meet on one broker', () => {
  // produce passes in a group the learner may not consume in; the run is then taken up at consume,
  // in the learner's group, over the other route: what one protocol sent, the other receives.
  async function across(first: string, second: string) {
    const env = testEnv();
    const sent = await run(['--set', `endpoints=${first}`, '--set', 'group=restricted-group'], env);
    const sentLines = jsonLines(sent.stdout);
    expect(stepLine(sentLines, 'produce').status, sent.stdout).toBe('passed');
    expect(stepLine(sentLines, 'consume').diagnosis?.code).toBe('RMQ_PERMISSION_DENIED');
    const received = await run(
      ['--step', 'consume', '--set', `endpoints=${second}`, '--set', 'group=tutorial-group'],
      env,
    );
    expect(received.code, received.stdout).toBe(0);
    const lines = jsonLines(received.stdout);
    const messageId = stepLine(sentLines, 'produce').details?.messageId;
    expect(stepLine(lines, 'consume').details).toMatchObject({ messageId });
    expect(stepLine(lines, 'verify').status).toBe('passed');
    return lines;
  }

  it('a message sent over gRPC is received over remoting, and verify asks the broker of it', async () => {
    const lines = await across('127.0.0.1:8081', 'http://127.0.0.1:9876');
    expect(stepLine(lines, 'consume').details).toMatchObject({ route: 'remoting' });
    expect(
      (stepLine(lines, 'verify').details as { group: { consumedByGroup: boolean } }).group.consumedByGroup,
    ).toBe(true);
  });

  it('a message sent over remoting is received over gRPC', async () => {
    const lines = await across('127.0.0.1:9876', '127.0.0.1:8081');
    expect(stepLine(lines, 'consume').details?.route).toBe('grpc');
  });
});

describe('remoting diagnoses, provoked for real, each within 15 s', () => {
  const within15s = async (r: Promise<CliResult>, step: string, code: string) => {
    const result = await r;
    expect(result.durationMs).toBeLessThan(15_000);
    return expectDiagnosed(result, step, code);
  };
  const withKeys = (accessKey: string, secretKey: string) =>
    testEnv({ MQ_TUTOR_ACCESS_KEY: accessKey, MQ_TUTOR_SECRET_KEY: secretKey });

  it('a wrong secret key: RMQ_AUTH_FAILED', async () => {
    await within15s(
      remoting([], withKeys(learner().accessKey, 'not-the-secret')),
      'produce',
      'RMQ_AUTH_FAILED',
    );
  });

  it('access key and secret key swapped: RMQ_KEYS_SWAPPED', async () => {
    const { accessKey, secretKey } = learner();
    await within15s(remoting([], withKeys(secretKey, accessKey)), 'produce', 'RMQ_KEYS_SWAPPED');
  });

  it('a topic that does not exist: RMQ_NO_ROUTE, naming the name server that answered', async () => {
    const line = await within15s(
      remoting(['--set', 'topic=tutorial-no-such-topic']),
      'produce',
      'RMQ_NO_ROUTE',
    );
    expect(line.diagnosis?.explanation).toContain('127.0.0.1:9876');
  });

  it('a topic that exists only under its full name, given short: RMQ_TOPIC_FULL_NAME with the full name', async () => {
    const line = await within15s(
      remoting(['--set', 'topic=tutorial-orders']),
      'produce',
      'RMQ_TOPIC_FULL_NAME',
    );
    expect(line.diagnosis?.fixes.join(' ')).toContain(`${NAMESPACE}%tutorial-orders`);
  });

  it('a group that does not exist: RMQ_GROUP_NOT_FOUND', async () => {
    await within15s(remoting(['--set', 'group=tutorial-no-such-group']), 'consume', 'RMQ_GROUP_NOT_FOUND');
  });

  it('a group that exists only under its full name, given short: RMQ_GROUP_FULL_NAME with the full name', async () => {
    const line = await within15s(
      remoting(['--set', 'group=tutorial-orders-group']),
      'consume',
      'RMQ_GROUP_FULL_NAME',
    );
    expect(line.diagnosis?.fixes.join(' ')).toContain(`${NAMESPACE}%tutorial-orders-group`);
  });

  it('a topic and a group that are not the role’s: RMQ_PERMISSION_DENIED naming each', async () => {
    const topic = await within15s(
      remoting(['--set', 'topic=restricted-topic']),
      'produce',
      'RMQ_PERMISSION_DENIED',
    );
    expect(topic.diagnosis?.explanation).toContain('Topic:restricted-topic');
    const group = await within15s(
      remoting(['--set', 'group=restricted-group']),
      'consume',
      'RMQ_PERMISSION_DENIED',
    );
    expect(group.diagnosis?.explanation).toContain('Group:restricted-group');
  });

  it('the gRPC port with protocol=remoting, and the name server with protocol=grpc', async () => {
    await within15s(
      remoting(['--set', 'endpoints=127.0.0.1:8081']),
      'check-network',
      'RMQ_GRPC_FOR_REMOTING',
    );
    await within15s(
      run(['--set', 'endpoints=127.0.0.1:9876', '--set', 'protocol=grpc']),
      'check-network',
      'RMQ_NAMESERVER_PORT',
    );
  });

  describe('a name server that knows no broker', () => {
    let empty: Awaited<ReturnType<typeof emptyNameServer>>;
    beforeAll(async () => {
      empty = await emptyNameServer();
    }, 60_000);
    afterAll(() => empty?.close());

    it('RMQ_NO_BROKERS, naming it', async () => {
      const line = await within15s(
        remoting(['--set', `endpoints=${empty.address}`]),
        'produce',
        'RMQ_NO_BROKERS',
      );
      expect(line.diagnosis?.explanation).toContain(empty.address);
    });
  });

  describe('a route to a broker this machine cannot reach, or that never answers', () => {
    let hole: BlackHole;
    let silent: net.Server;
    let silentPort: number;
    beforeAll(async () => {
      hole = await blackHole();
      silent = net.createServer(() => {});
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      silentPort = (silent.address() as net.AddressInfo).port;
    });
    afterAll(() => {
      hole?.close();
      silent?.close();
    });

    it('the name server answers, the broker it hands out does not: RMQ_BROKER_UNREACHABLE with that address', async () => {
      const topic = `tutorial-unreachable-${randomBytes(3).toString('hex')}`;
      const broker = await registerUnreachableBroker(topic, `127.0.0.1:${hole.port}`);
      try {
        const line = await within15s(
          remoting(['--set', `topic=${topic}`]),
          'produce',
          'RMQ_BROKER_UNREACHABLE',
        );
        expect(line.diagnosis?.explanation).toContain(`127.0.0.1:${hole.port}`);
      } finally {
        broker.close();
      }
    });

    it('a broker that accepts the connection and never answers: RMQ_TIMEOUT', async () => {
      const topic = `tutorial-silent-${randomBytes(3).toString('hex')}`;
      const broker = await registerUnreachableBroker(topic, `127.0.0.1:${silentPort}`);
      try {
        await within15s(remoting(['--set', `topic=${topic}`]), 'produce', 'RMQ_TIMEOUT');
      } finally {
        broker.close();
      }
    });

    it('a name server address that accepts and never answers: a timeout, said at the network step', async () => {
      const r = await remoting(['--set', `endpoints=127.0.0.1:${silentPort}`]);
      expect(r.durationMs).toBeLessThan(15_000);
      const line = stepLine(jsonLines(r.stdout), 'check-network');
      expect(line.status, r.stdout).toBe('failed');
      expect(line.diagnosis?.code).toBe('RMQ_SILENT_ENDPOINT');
    });
  });
});
