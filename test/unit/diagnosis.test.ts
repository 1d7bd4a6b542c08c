import { describe, expect, it } from 'vitest';
import { CaFileError } from '../../src/actions/cert/pem.js';
import { PlaintextToTlsPortError } from '../../src/actions/kafka/explain.js';
import { ProbeError } from '../../src/actions/network/probe.js';
import { diagnose } from '../../src/diagnosis/diagnose.js';
import { localizeDiagnosis } from '../../src/diagnosis/localize.js';

/** Errors shaped like the ones kafkajs and rocketmq-client-nodejs were seen to throw against the sandbox. */
function wrap(name: string, message: string, cause?: object, extra: object = {}) {
  const e = Object.assign(new Error(message), { name }, extra);
  if (cause) Object.defineProperty(e, 'cause', { value: cause, enumerable: false });
  return e;
}

const kafka = (values: Record<string, string> = {}) => ({
  action: 'kafka.produce',
  values: {
    bootstrapServers: 'localhost:19095',
    securityProtocol: 'SASL_SSL',
    username: 'i#u',
    topic: 't',
    groupId: 'g',
    ...values,
  },
  timedOut: false,
  timeoutSeconds: 30,
});
const rocketmq = (action = 'rocketmq.produce', values: Record<string, string> = {}) => ({
  action,
  values: { endpoints: '127.0.0.1:8081', topic: 't', group: 'g', ...values },
  timedOut: false,
  timeoutSeconds: 30,
});

describe('kafka errors map to diagnoses', () => {
  it.each([
    ['SASL_AUTH_FAILED', wrap('KafkaJSSASLAuthenticationError', 'SASL PLAIN authentication failed')],
    [
      'UNKNOWN_HOST',
      wrap(
        'KafkaJSNumberOfRetriesExceeded',
        'x',
        wrap('KafkaJSConnectionError', 'Connection error: getaddrinfo ENOTFOUND h', undefined, {
          code: 'ENOTFOUND',
        }),
      ),
    ],
    [
      'CONNECTION_REFUSED',
      wrap(
        'KafkaJSNumberOfRetriesExceeded',
        'x',
        wrap('KafkaJSConnectionError', 'connect ECONNREFUSED 127.0.0.1:1', undefined, {
          code: 'ECONNREFUSED',
        }),
      ),
    ],
    [
      'CONNECTION_TIMEOUT',
      wrap('KafkaJSNumberOfRetriesExceeded', 'x', wrap('KafkaJSConnectionError', 'Connection timeout')),
    ],
    [
      'TLS_UNTRUSTED_CA',
      wrap('KafkaJSConnectionError', 'self-signed certificate in certificate chain', undefined, {
        code: 'SELF_SIGNED_CERT_IN_CHAIN',
      }),
    ],
    [
      'TLS_HOSTNAME_MISMATCH',
      wrap('Error', "Hostname/IP does not match certificate's altnames", undefined, {
        code: 'ERR_TLS_CERT_ALTNAME_INVALID',
      }),
    ],
    [
      'TLS_TO_PLAINTEXT_PORT',
      wrap(
        'KafkaJSConnectionError',
        'Client network socket disconnected before secure TLS connection was established',
        undefined,
        { code: 'ECONNRESET' },
      ),
    ],
    ['PLAINTEXT_TO_TLS_PORT', new PlaintextToTlsPortError('localhost:19095')],
    [
      'TOPIC_AUTHORIZATION_FAILED',
      wrap(
        'KafkaJSNonRetriableError',
        'x',
        wrap('KafkaJSProtocolError', 'Not authorized', undefined, { type: 'TOPIC_AUTHORIZATION_FAILED' }),
      ),
    ],
    [
      'GROUP_AUTHORIZATION_FAILED',
      wrap('KafkaJSGroupCoordinatorNotFound', 'Failed to find group coordinator'),
    ],
    [
      'UNKNOWN_TOPIC',
      wrap('KafkaJSProtocolError', 'This server does not host this topic-partition', undefined, {
        type: 'UNKNOWN_TOPIC_OR_PARTITION',
      }),
    ],
    ['BROKER_UNAVAILABLE', wrap('KafkaJSConnectionClosedError', 'Closed connection')],
  ])('%s', (code, error) => {
    expect(diagnose(error, kafka()).code).toBe(code);
  });

  it('a connection closed on SASL_PLAINTEXT is a dead broker unless TLS answered the probe', () => {
    expect(
      diagnose(
        wrap('KafkaJSConnectionClosedError', 'Closed connection'),
        kafka({ securityProtocol: 'SASL_PLAINTEXT' }),
      ).code,
    ).toBe('BROKER_UNAVAILABLE');
  });
});

describe('local checks map to diagnoses', () => {
  it.each([
    ['UNKNOWN_HOST', new ProbeError('dns', 'ENOTFOUND', 'h', 1, 'x')],
    ['CONNECTION_REFUSED', new ProbeError('tcp', 'ECONNREFUSED', 'h', 1, 'x')],
    ['CONNECTION_TIMEOUT', new ProbeError('tcp', 'ETIMEDOUT', 'h', 1, 'x')],
    ['CA_FILE_INVALID', new CaFileError('not-pem', '/x')],
    ['CA_FILE_UNREADABLE', new CaFileError('unreadable', '/x')],
  ])('%s', (code, error) => {
    expect(diagnose(error, { ...kafka(), action: 'network.kafka' }).code).toBe(code);
  });

  it('an error nobody recognises is UNEXPECTED, or STEP_TIMEOUT when the step ran out of time', () => {
    expect(diagnose(new Error('boom'), kafka()).code).toBe('UNEXPECTED');
    expect(diagnose(new Error('boom'), { ...kafka(), timedOut: true }).code).toBe('STEP_TIMEOUT');
  });
});

describe('rocketmq errors map to diagnoses', () => {
  const client = (code: number, message: string) =>
    wrap(
      'Error',
      'Startup the rocketmq client failed',
      wrap(
        'Error',
        'Failed to fetch topic routes',
        wrap('UnauthorizedException', message, undefined, { code }),
      ),
    );
  const grpc = (message: string) =>
    wrap('Error', 'Startup failed', wrap('Error', message, undefined, { code: 14, details: message }));

  it.each([
    ['RMQ_AUTH_FAILED', client(40100, 'check signature failed.'), 'rocketmq.produce'],
    ['RMQ_AUTH_FAILED', client(40100, 'User:nobody is not found.'), 'rocketmq.produce'],
    [
      'RMQ_PERMISSION_DENIED',
      client(40100, 'User:l has no permission to access Topic:restricted-topic'),
      'rocketmq.produce',
    ],
    [
      'RMQ_TOPIC_NOT_FOUND',
      client(40402, 'CODE: 17 DESC: No topic route info in name server for the topic'),
      'rocketmq.produce',
    ],
    ['RMQ_GROUP_NOT_FOUND', client(50001, 'subscription group [g] does not exist'), 'rocketmq.consume'],
    ['RMQ_BROKER_BUSY', client(42900, 'broker busy, start flow control for a while'), 'rocketmq.produce'],
    [
      'RMQ_MESSAGE_TYPE_MISMATCH',
      new TypeError('Current message type not match with topic accept message types'),
      'rocketmq.produce',
    ],
    [
      'CONNECTION_REFUSED',
      grpc('14 UNAVAILABLE: No connection established. Last error: connect ECONNREFUSED 127.0.0.1:1'),
      'rocketmq.produce',
    ],
    ['RMQ_NOT_GRPC', grpc('14 UNAVAILABLE: No connection established. Last error: null'), 'rocketmq.produce'],
  ])('%s', (code, error, action) => {
    expect(diagnose(error, rocketmq(action)).code).toBe(code);
  });

  it('gRPC that cannot reach a name server port says so', () => {
    const error = grpc('14 UNAVAILABLE: No connection established');
    expect(diagnose(error, rocketmq('rocketmq.produce', { endpoints: '127.0.0.1:9876' })).code).toBe(
      'RMQ_NAMESERVER_PORT',
    );
  });
});

describe('diagnoses in words', () => {
  it('fills the values into both languages, with fixes', () => {
    const d = diagnose(wrap('KafkaJSSASLAuthenticationError', 'x'), kafka({ username: 'ckafka-abc#alice' }));
    const en = localizeDiagnosis(d, 'en');
    const zh = localizeDiagnosis(d, 'zh');
    expect(en.explanation).toContain('ckafka-abc#alice');
    expect(zh.explanation).toContain('ckafka-abc#alice');
    expect(en.fixes.length).toBeGreaterThan(0);
    expect(zh.title).toMatch(/[\u4e00-\u9fff]/);
    expect(`${en.title}${en.explanation}${en.fixes.join('')}`).not.toMatch(/\{\w+\}/);
  });
});
