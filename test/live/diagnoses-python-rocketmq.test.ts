import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonLines, runCli, stepLine } from '../helpers/cli.js';
import { testEnv } from '../helpers/env.js';
import { type OwnGroup, ownRocketmqGroup } from '../helpers/faults.js';
import { python } from '../helpers/python.js';
import { sandboxSecrets, secretValues } from '../helpers/sandbox.js';

/**
 * Cross-check with Apache's RocketMQ 5 gRPC client for Python (rocketmq-python-client, in the test
 * virtualenv): it receives the message our produce step sent, and our consume step receives one it
 * sent. Both use the learner's keys, passed in the environment and never printed.
 */

const CONNECT = `
import json, os, sys, time
from rocketmq import ClientConfiguration, Credentials, FilterExpression, Message, Producer, SimpleConsumer
from rocketmq.v5.exception.client_exception import InternalErrorException
config = ClientConfiguration('127.0.0.1:8081', Credentials(os.environ['AK'], os.environ['SK']), request_timeout=10)
`;

const RECEIVE = `${CONNECT}
consumer = SimpleConsumer(config, os.environ['GROUP'], {'tutorial-topic': FilterExpression('*')}, await_duration=3)
consumer.startup()
try:
    deadline, found = time.time() + 20, None
    while found is None and time.time() < deadline:
        try:
            batch = consumer.receive(16, 15)
        except InternalErrorException as e:
            # The client's startup does not wait for the proxy to take its settings; until then a
            # receive is refused ("settings" is null). Ask again in a moment.
            if 'settings' not in str(e):
                raise
            time.sleep(0.5)
            continue
        for m in batch:
            consumer.ack(m)
            if m.message_id == os.environ['MESSAGE_ID']:
                found = m
    if found is None:
        sys.exit('the message did not arrive')
    print(json.dumps({'messageId': found.message_id, 'topic': found.topic, 'tag': found.tag,
                      'keys': sorted(found.keys), 'body': found.body.decode('utf-8')}))
finally:
    consumer.shutdown()
`;

const SEND = `${CONNECT}
producer = Producer(config, ('tutorial-topic',))
producer.startup()
try:
    message = Message()
    message.topic = 'tutorial-topic'
    message.body = os.environ['BODY'].encode('utf-8')
    message.tag = 'TagA'
    message.keys = 'from-python'
    print(json.dumps({'messageId': producer.send(message).message_id}))
finally:
    producer.shutdown()
`;

function runPython(code: string, env: Record<string, string>): Record<string, unknown> {
  const keys = sandboxSecrets().rocketmq;
  // The client logs to ~/logs; a HOME of its own keeps that out of the user's.
  const home = mkdtempSync(path.join(os.tmpdir(), 'mqt-pyhome-'));
  const r = python(
    code,
    { AK: keys.learnerAccessKey, SK: keys.learnerSecretKey, HOME: home, ...env },
    60_000,
  );
  for (const secret of secretValues()) expect(r.stdout + r.stderr).not.toContain(secret);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}');
}

describe('cross-check with rocketmq-python-client', () => {
  let own: OwnGroup;
  let env: NodeJS.ProcessEnv;
  let produced: { messageId: string; tag: string; keys: string; body: string; marker: string };

  beforeAll(async () => {
    own = await ownRocketmqGroup();
    env = testEnv();
    // Produce alone: consume, in a group that does not exist, then stops at once.
    const r = await runCli(
      [
        'run',
        'rocketmq',
        '--sandbox',
        '--json',
        '--step',
        'produce',
        '--set',
        'group=tutorial-no-such-group',
      ],
      { env },
    );
    expect(stepLine(jsonLines(r.stdout), 'produce').status, r.stdout).toBe('passed');
    produced = stepLine(jsonLines(r.stdout), 'produce').details as typeof produced;
  }, 90_000);
  afterAll(() => own.remove(), 60_000);

  it('the Python client receives the message our produce sent: same id, tag, keys and body', () => {
    const seen = runPython(RECEIVE, { GROUP: own.group, MESSAGE_ID: produced.messageId });
    expect(seen).toEqual({
      messageId: produced.messageId,
      topic: 'tutorial-topic',
      tag: produced.tag,
      keys: produced.keys.split(',').sort(),
      body: produced.body,
    });
  });

  it('our consume step receives a message the Python client sent', async () => {
    // It carries this profile's marker, which is what the consume step looks for; the message our
    // produce sent was already taken in this group by the Python consumer above.
    const body = JSON.stringify({ marker: produced.marker, from: 'rocketmq-python-client' });
    const sent = runPython(SEND, { BODY: body });
    const r = await runCli(
      ['run', 'rocketmq', '--sandbox', '--json', '--step', 'consume', '--set', `group=${own.group}`],
      {
        env,
      },
    );
    const consume = stepLine(jsonLines(r.stdout), 'consume');
    expect(consume.status, r.stdout).toBe('passed');
    expect(consume.details).toMatchObject({
      messageId: sent.messageId,
      tag: 'TagA',
      keys: 'from-python',
      body,
    });
    // And verify is right to object: the message consumed is not the one produce sent.
    expect(stepLine(jsonLines(r.stdout), 'verify').diagnosis?.code).toBe('RMQ_VERIFY_MISMATCH');
    for (const secret of secretValues()) expect(r.stdout + r.stderr).not.toContain(secret);
  });
});
