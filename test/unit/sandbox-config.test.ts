import { describe, expect, it } from 'vitest';
import { receiptPosition } from '../../src/actions/rocketmq/grpc-consume.js';
import { tagToSend } from '../../src/actions/rocketmq/message.js';
import { envVarName } from '../../src/engine/params.js';
import { parseConsumeStats } from '../../src/remoting/broker-admin.js';
import { kafkaServerProperties } from '../../src/sandbox/kafka/config.js';
import { exportLines } from '../../src/sandbox/params.js';
import { brokerConf, proxyJson } from '../../src/sandbox/rocketmq/config.js';

describe('sandbox Kafka configuration', () => {
  const props = kafkaServerProperties({
    dataDir: '/d',
    keystoreFile: '/k.p12',
    keystorePassword: 'kp',
    learnerPassword: 'lp',
    untrustedKeystoreFile: '/u.p12',
  });

  it('listens on loopback only and advertises localhost for the SASL listeners', () => {
    const listeners = /^listeners=(.*)$/m.exec(props)?.[1] ?? '';
    for (const l of listeners.split(',')) expect(l).toMatch(/\/\/127\.0\.0\.1:\d+$/);
    expect(props).toMatch(
      /advertised\.listeners=.*SASL_PLAINTEXT:\/\/localhost:19094,SASL_SSL:\/\/localhost:19095/,
    );
  });

  it('quotes the CKafka-style user name, whose # is not a word character for JAAS', () => {
    expect(props).toContain('"user_ckafka-sandbox#learner"="lp"');
    expect(props).toMatch(
      /authorizer\.class\.name=org\.apache\.kafka\.metadata\.authorizer\.StandardAuthorizer/,
    );
    expect(props).toMatch(/allow\.everyone\.if\.no\.acl\.found=false/);
  });
});

describe('sandbox RocketMQ configuration', () => {
  it('turns authentication on in the broker (the store) and in the proxy (the gRPC check)', () => {
    const broker = brokerConf('/s', { adminAccessKey: 'a', adminSecretKey: 'b' });
    expect(broker).toMatch(/^authenticationEnabled=true$/m);
    expect(broker).toMatch(/^bindAddress=127\.0\.0\.1$/m);
    const proxy = JSON.parse(proxyJson()) as Record<string, unknown>;
    expect(proxy).toMatchObject({
      proxyMode: 'local',
      grpcServerPort: 8081,
      authenticationEnabled: true,
      authorizationEnabled: true,
    });
  });

  it('reads the broker’s consume stats (fastjson with object keys) and a receipt handle’s position', () => {
    const body =
      '{"consumeTps":0.03,"offsetTable":{{"brokerName":"broker-a","queueId":0,"topic":"tutorial-topic"}:{"brokerOffset":28,"consumerOffset":27,"lastTimestamp":1,"pullOffset":28},' +
      '{"brokerName":"broker-a","queueId":1,"topic":"tutorial-topic"}:{"brokerOffset":43,"consumerOffset":43,"lastTimestamp":1,"pullOffset":43}}}';
    expect(parseConsumeStats(body).queues).toEqual([
      {
        topic: 'tutorial-topic',
        brokerName: 'broker-a',
        queueId: 0,
        brokerOffset: 28,
        consumerOffset: 27,
        lastTimestamp: 1,
      },
      {
        topic: 'tutorial-topic',
        brokerName: 'broker-a',
        queueId: 1,
        brokerOffset: 43,
        consumerOffset: 43,
        lastTimestamp: 1,
      },
    ]);
    expect(receiptPosition('27 1795264560124 20000 4 0 broker-a 0 27 315509')).toEqual({
      broker: 'broker-a',
      queue: 0,
      offset: 27,
    });
    expect(receiptPosition('garbage')).toBeUndefined();
  });
});

describe('sandbox env lines', () => {
  it('names variables in upper snake case and quotes values for the shell', () => {
    expect(envVarName('bootstrapServers')).toBe('MQ_TUTOR_BOOTSTRAP_SERVERS');
    const lines = exportLines([
      { username: "a#b'c", topic: 't' },
      { topic: 'other', endpoints: 'e' },
    ]);
    expect(lines).toEqual([
      "export MQ_TUTOR_USERNAME='a#b'\\''c'",
      "export MQ_TUTOR_TOPIC='t'",
      "export MQ_TUTOR_ENDPOINTS='e'",
    ]);
  });
});

describe('rocketmq produce tag', () => {
  it('sends the first plain tag of an expression', () => {
    expect(tagToSend('TagB||TagC')).toBe('TagB');
    expect(tagToSend('*')).toBe('TagA');
    expect(tagToSend('')).toBe('TagA');
    expect(tagToSend('orders')).toBe('orders');
  });
});
