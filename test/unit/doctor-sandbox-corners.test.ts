import { describe, expect, it } from 'vitest';
import { KAFKA, KAFKA_PORTS, kafkaServerProperties } from '../../src/sandbox/kafka/config.js';
import { ROCKETMQ } from '../../src/sandbox/rocketmq/config.js';

describe('the sandbox’s broken corners', () => {
  const props = kafkaServerProperties({
    dataDir: '/d',
    keystoreFile: '/k.p12',
    keystorePassword: 'kp',
    learnerPassword: 'lp',
    untrustedKeystoreFile: '/u.p12',
  });
  const line = (key: string) => new RegExp(`^${key.replace(/\./g, '\\.')}=(.*)$`, 'm').exec(props)?.[1] ?? '';

  it('Kafka: a SASL_PLAINTEXT listener on loopback that advertises another loopback address', () => {
    expect(line('listeners')).toContain(`MISADVERTISED://127.0.0.1:${KAFKA.misadvertisedPort}`);
    expect(line('advertised.listeners')).toContain(`MISADVERTISED://127.0.0.2:${KAFKA.misadvertisedPort}`);
    expect(line('listener.security.protocol.map')).toContain('MISADVERTISED:SASL_PLAINTEXT');
    expect(line('listener.name.misadvertised.plain.sasl.jaas.config')).toContain(
      '"user_ckafka-sandbox#learner"="lp"',
    );
  });

  it('Kafka: a SASL_SSL listener on loopback with a keystore of its own', () => {
    expect(line('listeners')).toContain(`UNTRUSTED://127.0.0.1:${KAFKA.untrustedPort}`);
    expect(line('listener.security.protocol.map')).toContain('UNTRUSTED:SASL_SSL');
    expect(line('listener.name.untrusted.ssl.keystore.location')).toBe('/u.p12');
    // The usual listeners keep the sandbox CA's keystore.
    expect(line('ssl.keystore.location')).toBe('/k.p12');
    expect(KAFKA_PORTS).toEqual(expect.arrayContaining([KAFKA.misadvertisedPort, KAFKA.untrustedPort]));
  });

  it('RocketMQ: the dead route is a learner topic, handed out at a loopback address nothing serves', () => {
    expect(ROCKETMQ.deadRouteTopic.startsWith(ROCKETMQ.learnerPrefix)).toBe(true);
    expect(ROCKETMQ.deadRouteAddress).toMatch(/^127\.0\.0\.2:\d+$/);
  });
});
