import { describe, expect, it } from 'vitest';
import type { Probe, Verdict } from '../../src/doctor/types.js';
import { VERDICT_CODES } from '../../src/doctor/verdict/codes.js';
import { kafkaVerdict as kafkaRules } from '../../src/doctor/verdict/kafka.js';
import { rocketmqVerdict as rocketmqRules } from '../../src/doctor/verdict/rocketmq.js';
import { evidenceText, fixText, probeText, verdictSentence } from '../../src/doctor/words.js';
import { LANGS } from '../../src/i18n/index.js';
import { kafkaHealthy, replaced, rocketmqHealthy, until } from './doctor-fixtures.js';

// Every verdict these tests produce is also put into words, in both languages, with each of its
// probes: a slot left unfilled or a catalogue key missing fails here, not in front of a user.
const given = new Set<string>();
const rendered = new Set<string>();
const UNFILLED = /\{\w+\}|undefined/;

function inWords(v: Verdict, probes: readonly Probe[]): Verdict {
  given.add(v.code);
  for (const lang of LANGS) {
    const texts = [
      ...(v.code === 'HEALTHY' ? [] : [verdictSentence(lang, v), fixText(lang, v)]),
      ...v.evidence.map((e) => evidenceText(lang, e)),
      ...v.also.map((a) => verdictSentence(lang, a)),
    ];
    for (const p of probes) {
      texts.push(probeText(lang, p));
      rendered.add(`${p.kind}.${p.status}`);
    }
    for (const text of texts) expect(text, `${v.code} (${lang})`).not.toMatch(UNFILLED);
  }
  return v;
}

const kafkaVerdict = (probes: Probe[]) => inWords(kafkaRules(probes), probes);
const rocketmqVerdict = (probes: Probe[]) => inWords(rocketmqRules(probes), probes);

/** The verdict is worked out from the probes alone: each fault here is one hop broken in a healthy list. */

const S = 'ckafka-x.example:9095';

describe('Kafka verdicts', () => {
  it('healthy: nothing wrong, and the evidence is every hop with its latency', () => {
    const v = kafkaVerdict(kafkaHealthy());
    expect(v.code).toBe('HEALTHY');
    expect(v.evidence.map((e) => e.key)).toContain('doctor.evidence.hop.tls');
    expect(v.evidence.find((e) => e.key === 'doctor.evidence.hop.tcp')?.values).toMatchObject({ ms: 20 });
    expect(v.also).toEqual([]);
  });

  it('a private address that does not answer: PRIVATE_ADDRESS, not a neighbour (NO_ANSWER)', () => {
    const probes = replaced(
      until(kafkaHealthy(), 'speaks'),
      'dns',
      (p) =>
        ({
          ...p,
          facts: { host: 'ckafka-x.example', addresses: ['10.0.3.4'], private: ['10.0.3.4'] },
        }) as Probe,
    ).map((p) =>
      p.kind === 'tcp'
        ? ({ ...p, status: 'problem', facts: { server: S, address: '10.0.3.4', code: 'ETIMEDOUT' } } as Probe)
        : p,
    );
    const v = kafkaVerdict(probes);
    expect(v.code).toBe('PRIVATE_ADDRESS');
    expect(v.values).toMatchObject({ address: '10.0.3.4', range: '10.0.0.0/8', server: S });
  });

  it('a public address that does not answer is NO_ANSWER; a refused one is PORT_CLOSED; no name is UNKNOWN_HOST', () => {
    const tcp = (code: string) =>
      replaced(
        until(kafkaHealthy(), 'speaks'),
        'tcp',
        (p) => ({ ...p, status: 'problem', facts: { server: S, address: '203.0.113.7', code } }) as Probe,
      );
    expect(kafkaVerdict(tcp('ETIMEDOUT')).code).toBe('NO_ANSWER');
    expect(kafkaVerdict(tcp('ECONNREFUSED')).code).toBe('PORT_CLOSED');
    expect(kafkaVerdict(tcp('ENETUNREACH')).code).toBe('NETWORK_UNREACHABLE');
    const dns = replaced(
      until(kafkaHealthy(), 'tcp'),
      'dns',
      (p) =>
        ({
          ...p,
          status: 'problem',
          facts: { host: 'x', addresses: [], private: [], code: 'ENOTFOUND' },
        }) as Probe,
    );
    expect(kafkaVerdict(dns).code).toBe('UNKNOWN_HOST');
  });

  it('what the port speaks against the security protocol: each way round, and neither', () => {
    const speaks = (spoken: string, expected: string) =>
      replaced(
        until(kafkaHealthy(), 'tls'),
        'speaks',
        (p) => ({ ...p, status: 'problem', facts: { server: S, spoken, expected } }) as Probe,
      );
    expect(kafkaVerdict(speaks('tls', 'kafka')).code).toBe('TLS_PORT_AS_PLAINTEXT');
    expect(kafkaVerdict(speaks('kafka', 'tls')).code).toBe('PLAINTEXT_PORT_AS_TLS');
    expect(kafkaVerdict(speaks('http1', 'kafka'))).toMatchObject({
      code: 'NOT_KAFKA',
      values: { spoken: 'http1' },
    });
  });

  it('a chain the CA file does not verify: CA_MISMATCH, with the issuer and what the CA file holds', () => {
    const probes = replaced(
      until(kafkaHealthy(), 'login'),
      'tls',
      (p) =>
        ({
          ...p,
          status: 'problem',
          facts: {
            ...(p.facts as object),
            verified: false,
            code: 'SELF_SIGNED_CERT_IN_CHAIN',
            caSubjects: ['CN=Other CA'],
          },
        }) as Probe,
    );
    probes.push({
      kind: 'login',
      target: S,
      status: 'skipped',
      facts: { server: S, user: 'ckafka-x#alice', notSentBecause: 'untrusted' },
    });
    const v = kafkaVerdict(probes);
    expect(v).toMatchObject({
      code: 'CA_MISMATCH',
      values: { issuer: 'CN=Tencent CA', file: '/ca/CARoot.pem' },
    });
    expect(v.evidence.map((e) => e.key)).toEqual([
      'doctor.evidence.tlsPresented',
      'doctor.evidence.caFileHolds',
      'doctor.evidence.tlsCode',
    ]);
  });

  it('an expired certificate and a name mismatch are named as such', () => {
    const tls = (code: string) =>
      replaced(
        until(kafkaHealthy(), 'login'),
        'tls',
        (p) =>
          ({ ...p, status: 'problem', facts: { ...(p.facts as object), verified: false, code } }) as Probe,
      );
    expect(kafkaVerdict(tls('CERT_HAS_EXPIRED')).code).toBe('CERT_EXPIRED');
    expect(kafkaVerdict(tls('ERR_TLS_CERT_ALTNAME_INVALID')).code).toBe('HOSTNAME_MISMATCH');
  });

  it('a refused login: USERNAME_NO_INSTANCE when the user name has no #, else LOGIN_REFUSED (the password)', () => {
    const refused = (user: string, instanceId?: string) => [
      ...replaced(until(kafkaHealthy(), 'login'), 'username', [
        {
          kind: 'username',
          target: user,
          status: instanceId ? 'ok' : 'problem',
          facts: { user, ...(instanceId ? { instanceId } : {}) },
        },
      ]),
      {
        kind: 'login',
        target: S,
        status: 'problem',
        ms: 3,
        facts: { server: S, user, code: 'SASL_AUTHENTICATION_FAILED' },
      } as Probe,
    ];
    expect(kafkaVerdict(refused('alice')).code).toBe('USERNAME_NO_INSTANCE');
    expect(kafkaVerdict(refused('ckafka-x#alice', 'ckafka-x')).code).toBe('LOGIN_REFUSED');
  });

  it('a user name without # that the broker accepts is no problem (an open-source Kafka)', () => {
    const probes = replaced(kafkaHealthy(), 'username', [
      { kind: 'username', target: 'alice', status: 'problem', facts: { user: 'alice' } },
    ]);
    expect(kafkaVerdict(probes).code).toBe('HEALTHY');
  });

  it('the bootstrap works but an advertised broker does not: ADVERTISED_UNREACHABLE', () => {
    const probes = replaced(kafkaHealthy(), 'advertised', [
      {
        kind: 'advertised',
        target: '10.1.1.1:9092',
        status: 'problem',
        ms: 3000,
        facts: { nodeId: 7, address: '10.1.1.1:9092', code: 'ETIMEDOUT' },
      },
    ]);
    expect(kafkaVerdict(probes)).toMatchObject({
      code: 'ADVERTISED_UNREACHABLE',
      values: { address: '10.1.1.1:9092', bootstrap: S },
    });
  });

  it('a missing topic is TOPIC_MISSING even though the write was refused too; a refused one is TOPIC_DENIED with the operations', () => {
    const topic = (outcomes: Record<string, string>) =>
      replaced(kafkaHealthy(), 'topic', (p) => {
        const op = (p.facts as { op: string }).op;
        const outcome = outcomes[op] ?? 'allowed';
        return {
          ...p,
          status: outcome === 'allowed' ? 'ok' : 'problem',
          facts: { ...(p.facts as object), outcome },
        } as Probe;
      });
    expect(kafkaVerdict(topic({ describe: 'missing', write: 'denied', read: 'denied' })).code).toBe(
      'TOPIC_MISSING',
    );
    const denied = kafkaVerdict(topic({ write: 'denied' }));
    expect(denied).toMatchObject({
      code: 'TOPIC_DENIED',
      values: { topic: 'orders', ops: 'write', user: 'ckafka-x#alice' },
    });
  });

  it('a refused group is GROUP_DENIED, and a topic problem found as well is listed under also', () => {
    const groupDenied = replaced(
      kafkaHealthy(),
      'group',
      (p) => ({ ...p, status: 'problem', facts: { ...(p.facts as object), outcome: 'denied' } }) as Probe,
    );
    expect(kafkaVerdict(groupDenied)).toMatchObject({
      code: 'GROUP_DENIED',
      values: { group: 'orders-group', ops: 'describe, read' },
    });
    const probes = groupDenied.map((p) =>
      p.kind === 'topic' && p.facts.op === 'read'
        ? ({ ...p, status: 'problem', facts: { ...p.facts, outcome: 'denied' } } as Probe)
        : p,
    );
    const v = kafkaVerdict(probes);
    expect(v.code).toBe('TOPIC_DENIED');
    expect(v.also.map((a) => a.code)).toEqual(['GROUP_DENIED']);
  });

  it('a missing parameter comes first; a dead server among live ones is SOME_SERVERS_DOWN; an unanswered probe is INCONCLUSIVE', () => {
    const missing = replaced(kafkaHealthy(), 'params', [
      { kind: 'params', target: '', status: 'problem', facts: { missing: ['password'] } },
    ]);
    expect(kafkaVerdict(missing)).toMatchObject({ code: 'MISSING_PARAM', values: { params: 'password' } });
    const dead: Probe = {
      kind: 'tcp',
      target: 'b:9095',
      status: 'problem',
      ms: 3000,
      facts: { server: 'b:9095', address: '203.0.113.8', code: 'ETIMEDOUT' },
    };
    expect(kafkaVerdict([...kafkaHealthy(), dead])).toMatchObject({
      code: 'SOME_SERVERS_DOWN',
      values: { servers: 'b:9095' },
    });
    const late: Probe = { kind: 'deadline', target: '', status: 'problem', facts: { limitMs: 9000 } };
    expect(kafkaVerdict([...kafkaHealthy(), late]).code).toBe('INCONCLUSIVE');
  });
});

describe('RocketMQ verdicts', () => {
  it('healthy: nothing wrong', () => {
    expect(rocketmqVerdict(rocketmqHealthy()).code).toBe('HEALTHY');
  });

  it('a name server given for gRPC, and a gRPC proxy given for remoting', () => {
    const speaks = (spoken: string, expected: string) =>
      replaced(
        until(rocketmqHealthy(), 'route'),
        'speaks',
        (p) => ({ ...p, status: 'problem', facts: { ...(p.facts as object), spoken, expected } }) as Probe,
      );
    expect(rocketmqVerdict(speaks('remoting', 'grpc')).code).toBe('RMQ_NAMESERVER_FOR_GRPC');
    expect(rocketmqVerdict(speaks('grpc', 'remoting')).code).toBe('RMQ_GRPC_FOR_REMOTING');
    expect(rocketmqVerdict(speaks('kafka', 'remoting')).code).toBe('RMQ_NOT_ROCKETMQ');
  });

  it('keys refused as given and accepted swapped: RMQ_KEYS_SWAPPED; refused both ways: RMQ_KEYS_WRONG', () => {
    const keys = (swappedAccepted: boolean) => [
      ...replaced(until(rocketmqHealthy(), 'permission'), 'keys', [
        {
          kind: 'keys',
          target: 'b',
          status: 'problem',
          facts: { order: 'given', accepted: false, via: 'remoting', code: 'ACCESS_KEY_UNKNOWN' },
        },
        {
          kind: 'keys',
          target: 'b',
          status: swappedAccepted ? 'ok' : 'problem',
          facts: { order: 'swapped', accepted: swappedAccepted, via: 'remoting', code: 'ACCESS_KEY_UNKNOWN' },
        },
      ]),
    ];
    expect(rocketmqVerdict(keys(true)).code).toBe('RMQ_KEYS_SWAPPED');
    expect(rocketmqVerdict(keys(false))).toMatchObject({
      code: 'RMQ_KEYS_WRONG',
      values: { why: 'ACCESS_KEY_UNKNOWN' },
    });
  });

  it('no route: no brokers at all, a full name known, or simply missing', () => {
    const route = (facts: Record<string, unknown>) =>
      replaced(
        until(rocketmqHealthy(), 'broker'),
        'route',
        (p) =>
          ({
            ...p,
            status: 'problem',
            facts: { ...(p.facts as object), brokers: [], code: 'TOPIC_NOT_EXIST', ...facts },
          }) as unknown as Probe,
      );
    expect(rocketmqVerdict(route({ registeredBrokers: 0 })).code).toBe('RMQ_NO_BROKERS');
    expect(rocketmqVerdict(route({ registeredBrokers: 1, fullName: 'c|ns%orders' }))).toMatchObject({
      code: 'RMQ_TOPIC_FULL_NAME',
      values: { fullName: 'c|ns%orders' },
    });
    expect(rocketmqVerdict(route({ registeredBrokers: 1 })).code).toBe('RMQ_TOPIC_MISSING');
  });

  it('a broker in the route that cannot be reached: RMQ_BROKER_UNREACHABLE with its address', () => {
    const probes = replaced(
      until(rocketmqHealthy(), 'keys'),
      'broker',
      (p) => ({ ...p, status: 'problem', facts: { ...(p.facts as object), code: 'ECONNREFUSED' } }) as Probe,
    );
    expect(rocketmqVerdict(probes)).toMatchObject({
      code: 'RMQ_BROKER_UNREACHABLE',
      values: { address: '203.0.113.9:10911', broker: 'broker-a' },
    });
  });

  it('permissions each on their own: the topic refused, the group refused, the group missing or known by its full name', () => {
    const perm = (resource: string, outcome: string, extra: Record<string, unknown> = {}) =>
      replaced(
        rocketmqHealthy(),
        'permission',
        (p) => ({ ...p, status: 'problem', facts: { ...(p.facts as object), outcome, ...extra } }) as Probe,
        (p) => p.kind === 'permission' && p.facts.resource === resource,
      );
    expect(rocketmqVerdict(perm('topic', 'denied'))).toMatchObject({
      code: 'RMQ_TOPIC_DENIED',
      values: { actions: 'publish, subscribe' },
    });
    expect(rocketmqVerdict(perm('group', 'denied')).code).toBe('RMQ_GROUP_DENIED');
    expect(rocketmqVerdict(perm('group', 'missing')).code).toBe('RMQ_GROUP_MISSING');
    expect(rocketmqVerdict(perm('group', 'missing', { fullName: 'c|ns%g' })).code).toBe(
      'RMQ_GROUP_FULL_NAME',
    );
  });
});

describe('every verdict', () => {
  it('the TLS and SASL corners not met above: an unusable CA file, another TLS refusal, no PLAIN', () => {
    const caFile: Probe = {
      kind: 'tls',
      target: '/ca/x.pem',
      status: 'problem',
      facts: {
        server: '',
        verified: false,
        subject: '',
        issuer: '',
        validTo: '',
        altNames: '',
        caFile: '/ca/x.pem',
        caSubjects: [],
        caProblem: 'not-pem',
      },
    };
    expect(kafkaVerdict([...until(kafkaHealthy(), 'tls'), caFile]).code).toBe('CA_FILE_UNUSABLE');
    const other = replaced(
      until(kafkaHealthy(), 'login'),
      'tls',
      (p) =>
        ({
          ...p,
          status: 'problem',
          facts: { ...(p.facts as object), verified: false, code: 'ERR_SOMETHING' },
        }) as Probe,
    );
    expect(kafkaVerdict(other).code).toBe('TLS_REFUSED');
    const mechanisms = replaced(
      until(kafkaHealthy(), 'login'),
      'mechanisms',
      (p) =>
        ({
          ...p,
          status: 'problem',
          facts: { server: S, mechanisms: ['SCRAM-SHA-512'], wanted: 'PLAIN' },
        }) as Probe,
    );
    expect(kafkaVerdict(mechanisms)).toMatchObject({
      code: 'MECHANISM_NOT_OFFERED',
      values: { offered: 'SCRAM-SHA-512' },
    });
  });

  it('each verdict code was given by some test above, and each probe kind was put into words', () => {
    expect(VERDICT_CODES.filter((c) => !given.has(c))).toEqual([]);
    const kinds = [
      'params',
      'deadline',
      'dns',
      'tcp',
      'speaks',
      'tls',
      'mechanisms',
      'login',
      'username',
      'metadata',
      'advertised',
      'topic',
      'group',
      'route',
      'broker',
      'keys',
      'permission',
    ];
    expect(kinds.filter((k) => ![...rendered].some((r) => r.startsWith(`${k}.`)))).toEqual([]);
  });
});
