import type { Probe } from '../../src/doctor/types.js';

/** Probe lists as the doctor records them, healthy, for the verdict tests to break one hop at a time. */

const S = 'ckafka-x.example:9095';

export function kafkaHealthy(): Probe[] {
  return [
    { kind: 'params', target: '', status: 'ok', facts: { missing: [] } },
    {
      kind: 'username',
      target: 'ckafka-x#alice',
      status: 'ok',
      facts: { user: 'ckafka-x#alice', instanceId: 'ckafka-x' },
    },
    {
      kind: 'dns',
      target: 'ckafka-x.example',
      status: 'ok',
      ms: 3,
      facts: { host: 'ckafka-x.example', addresses: ['203.0.113.7'], private: [] },
    },
    { kind: 'tcp', target: S, status: 'ok', ms: 20, facts: { server: S, address: '203.0.113.7' } },
    { kind: 'speaks', target: S, status: 'ok', ms: 40, facts: { server: S, spoken: 'tls', expected: 'tls' } },
    {
      kind: 'tls',
      target: S,
      status: 'ok',
      ms: 35,
      facts: {
        server: S,
        verified: true,
        subject: 'CN=ckafka',
        issuer: 'CN=Tencent CA',
        validTo: '2030-01-01T00:00:00.000Z',
        altNames: 'DNS:*.example',
        caFile: '/ca/CARoot.pem',
        caSubjects: ['CN=Tencent CA'],
      },
    },
    {
      kind: 'mechanisms',
      target: S,
      status: 'ok',
      ms: 5,
      facts: { server: S, mechanisms: ['PLAIN'], wanted: 'PLAIN' },
    },
    { kind: 'login', target: S, status: 'ok', ms: 8, facts: { server: S, user: 'ckafka-x#alice' } },
    {
      kind: 'metadata',
      target: S,
      status: 'ok',
      ms: 6,
      facts: { server: S, brokers: [{ nodeId: 1, address: S }] },
    },
    { kind: 'advertised', target: S, status: 'ok', ms: 30, facts: { nodeId: 1, address: S } },
    ...(['describe', 'write', 'read'] as const).map(
      (op): Probe => ({
        kind: 'topic',
        target: 'orders',
        status: 'ok',
        ms: 4,
        facts: { topic: 'orders', op, outcome: 'allowed', code: 'NONE', partitions: 3 },
      }),
    ),
    ...(['describe', 'read'] as const).map(
      (op): Probe => ({
        kind: 'group',
        target: 'orders-group',
        status: 'ok',
        ms: 4,
        facts: { group: 'orders-group', op, outcome: 'allowed', code: 'NONE', state: 'Empty' },
      }),
    ),
  ];
}

const N = 'rmq-x.example:9876';
const B = '203.0.113.9:10911';

export function rocketmqHealthy(): Probe[] {
  const permission = (resource: 'topic' | 'group', name: string, action: 'publish' | 'subscribe'): Probe => ({
    kind: 'permission',
    target: name,
    status: 'ok',
    ms: 2,
    facts: { resource, name, action, outcome: 'allowed', via: 'remoting', code: 'RESPONSE_29' },
  });
  return [
    { kind: 'params', target: '', status: 'ok', facts: { missing: [] } },
    {
      kind: 'dns',
      target: 'rmq-x.example',
      status: 'ok',
      ms: 2,
      facts: { host: 'rmq-x.example', addresses: ['203.0.113.8'], private: [] },
    },
    { kind: 'tcp', target: N, status: 'ok', ms: 10, facts: { server: N, address: '203.0.113.8' } },
    {
      kind: 'speaks',
      target: N,
      status: 'ok',
      ms: 5,
      facts: { server: N, spoken: 'remoting', expected: 'remoting' },
    },
    {
      kind: 'route',
      target: 'orders',
      status: 'ok',
      ms: 5,
      facts: { topic: 'orders', nameServer: N, brokers: [{ name: 'broker-a', addresses: [B] }] },
    },
    { kind: 'broker', target: B, status: 'ok', ms: 9, facts: { name: 'broker-a', address: B } },
    {
      kind: 'keys',
      target: B,
      status: 'ok',
      ms: 3,
      facts: { order: 'given', accepted: true, via: 'remoting' },
    },
    permission('topic', 'orders', 'publish'),
    permission('topic', 'orders', 'subscribe'),
    permission('group', 'orders-group', 'subscribe'),
  ];
}

/** The list with every probe of `kind` (that `which` selects) replaced by `by`, or removed. */
export function replaced(
  probes: Probe[],
  kind: Probe['kind'],
  by: Probe[] | ((p: Probe) => Probe),
  which: (p: Probe) => boolean = () => true,
): Probe[] {
  const out: Probe[] = [];
  let done = false;
  for (const p of probes) {
    if (p.kind !== kind || !which(p)) out.push(p);
    else if (typeof by === 'function') out.push(by(p));
    else if (!done) {
      out.push(...by);
      done = true;
    }
  }
  return out;
}

/** The probes up to (not including) the first of `kind`: what a doctor that stopped there recorded. */
export function until(probes: Probe[], kind: Probe['kind']): Probe[] {
  const at = probes.findIndex((p) => p.kind === kind);
  return at < 0 ? probes : probes.slice(0, at);
}
