import { describe, expect, it } from 'vitest';
import { tagToSend } from '../../src/actions/rocketmq/produce.js';
import { kafkaServerProperties } from '../../src/sandbox/kafka/config.js';
import { envName, exportLines } from '../../src/sandbox/params.js';
import { parseConsumerProgress, parseQueryByKey } from '../../src/sandbox/rocketmq/admin.js';
import { brokerConf, proxyJson } from '../../src/sandbox/rocketmq/config.js';

describe('sandbox Kafka configuration', () => {
  const props = kafkaServerProperties({
    dataDir: '/d',
    keystoreFile: '/k.p12',
    keystorePassword: 'kp',
    learnerPassword: 'lp',
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

  it('reads mqadmin tables', () => {
    const progress = [
      '#Topic  #Broker Name  #QID  #Broker Offset  #Consumer Offset  #Diff  #Inflight  #LastTime',
      'tutorial-topic  broker-a  0  4  4  0  0  2026-11-21 12:09:03',
      'tutorial-topic  broker-a  1  5  3  2  0  N/A',
    ].join('\n');
    expect(parseConsumerProgress(progress, 'tutorial-topic')).toEqual([
      { broker: 'broker-a', queue: 0, brokerOffset: 4, consumerOffset: 4, diff: 0 },
      { broker: 'broker-a', queue: 1, brokerOffset: 5, consumerOffset: 3, diff: 2 },
    ]);
    const byKey = '#Message ID  #QID  #Offset\n0102FC000000011F7B0B13240600000000  1  4\n';
    expect(parseQueryByKey(byKey)).toEqual([
      { messageId: '0102FC000000011F7B0B13240600000000', queue: 1, offset: 4 },
    ]);
  });
});

describe('sandbox env lines', () => {
  it('names variables in upper snake case and quotes values for the shell', () => {
    expect(envName('bootstrapServers')).toBe('MQ_TUTOR_BOOTSTRAP_SERVERS');
    const lines = exportLines({
      ckafka: { username: "a#b'c", topic: 't' },
      rocketmq: { topic: 'other', endpoints: 'e' },
    });
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
