import type { KeysProbe, PermissionProbe, Probe } from '../types.js';
import { ev, finding, firstOf, ofKind, type Rule } from './finding.js';
import { hops, inconclusive, missingParams, nothingReachable, someServersDown } from './network.js';
import { type Verdict, verdictOf } from './verdict.js';

const protocolMismatch: Rule = (probes) => {
  const speaks = ofKind(probes, 'speaks');
  if (speaks.length === 0 || speaks.some((s) => s.status === 'ok')) return undefined;
  const s = speaks[0];
  if (!s) return undefined;
  const { server, spoken, expected } = s.facts;
  const evidence = [ev(`speaks.${spoken}`, { server })];
  if (expected === 'grpc' && spoken === 'remoting')
    return finding('RMQ_NAMESERVER_FOR_GRPC', { server }, evidence);
  if (expected === 'remoting' && spoken === 'grpc')
    return finding('RMQ_GRPC_FOR_REMOTING', { server }, evidence);
  return finding('RMQ_NOT_ROCKETMQ', { server, spoken }, evidence);
};

const route: Rule = (probes) => {
  const r = firstOf(probes, 'route');
  if (!r || r.status === 'ok') return undefined;
  const { topic, nameServer, fullName, registeredBrokers, code } = r.facts;
  const evidence = [ev('routeMissing', { topic, nameServer, code })];
  if (code !== 'TOPIC_NOT_EXIST' && code !== 'TOPIC_NOT_FOUND') return undefined;
  if (registeredBrokers === 0) {
    evidence.push(ev('noBrokers', { nameServer }));
    return finding('RMQ_NO_BROKERS', { topic, nameServer }, evidence);
  }
  if (fullName) {
    evidence.push(ev('fullNameKnown', { topic, fullName }));
    return finding('RMQ_TOPIC_FULL_NAME', { topic, fullName }, evidence);
  }
  return finding('RMQ_TOPIC_MISSING', { topic, nameServer }, evidence);
};

const brokerUnreachable: Rule = (probes) => {
  const brokers = ofKind(probes, 'broker');
  const dead = brokers.filter((b) => b.status !== 'ok');
  const first = dead[0];
  if (!first) return undefined;
  const r = firstOf(probes, 'route');
  return finding(
    'RMQ_BROKER_UNREACHABLE',
    { address: first.facts.address, broker: first.facts.name, code: first.facts.code, topic: r?.facts.topic },
    [
      ev('routeLists', {
        topic: r?.facts.topic,
        nameServer: r?.facts.nameServer,
        brokers: (r?.facts.brokers ?? []).map((b) => `${b.name} ${b.addresses.join(' ')}`).join(', '),
      }),
      ...dead.map((b) =>
        ev('brokerFailed', { broker: b.facts.name, address: b.facts.address, code: b.facts.code }),
      ),
    ],
  );
};

const keyEvidence = (k: KeysProbe) =>
  ev(k.facts.accepted ? `keys.accepted.${k.facts.order}` : `keys.refused.${k.facts.order}`, {
    target: k.target,
    why: k.facts.code,
  });

const keys: Rule = (probes) => {
  const all = ofKind(probes, 'keys');
  const given = all.find((k) => k.facts.order === 'given');
  if (given?.status !== 'problem') return undefined;
  const swapped = all.find((k) => k.facts.order === 'swapped');
  const evidence = all.map(keyEvidence);
  if (swapped?.facts.accepted) return finding('RMQ_KEYS_SWAPPED', { target: given.target }, evidence);
  return finding('RMQ_KEYS_WRONG', { target: given.target, why: given.facts.code }, evidence);
};

const permissionEvidence = (list: PermissionProbe[]) =>
  list.map((p) =>
    ev(`permission.${p.facts.outcome}`, {
      resource: p.facts.resource,
      name: p.facts.name,
      action: p.facts.action,
      code: p.facts.code,
    }),
  );

const topic: Rule = (probes) => {
  const list = ofKind(probes, 'permission').filter((p) => p.facts.resource === 'topic');
  const missing = list.find((p) => p.facts.outcome === 'missing');
  if (missing)
    return finding(
      'RMQ_TOPIC_MISSING',
      { topic: missing.facts.name, nameServer: firstOf(probes, 'route')?.facts.nameServer },
      permissionEvidence(list),
    );
  const denied = list.filter((p) => p.facts.outcome === 'denied');
  const first = denied[0];
  if (!first) return undefined;
  return finding(
    'RMQ_TOPIC_DENIED',
    { topic: first.facts.name, actions: denied.map((d) => d.facts.action).join(', ') },
    permissionEvidence(list),
  );
};

const group: Rule = (probes) => {
  const list = ofKind(probes, 'permission').filter((p) => p.facts.resource === 'group');
  const g = list.find((p) => p.facts.outcome === 'missing' || p.facts.outcome === 'denied');
  if (!g) return undefined;
  const evidence = permissionEvidence(list);
  if (g.facts.outcome === 'denied') return finding('RMQ_GROUP_DENIED', { group: g.facts.name }, evidence);
  if (g.facts.fullName) {
    evidence.push(ev('fullNameKnown', { topic: g.facts.name, fullName: g.facts.fullName }));
    return finding('RMQ_GROUP_FULL_NAME', { group: g.facts.name, fullName: g.facts.fullName }, evidence);
  }
  return finding('RMQ_GROUP_MISSING', { group: g.facts.name }, evidence);
};

/** Most likely first: the keys before the names, as every request after the route is signed. */
export const ROCKETMQ_RULES: readonly Rule[] = [
  missingParams,
  nothingReachable,
  protocolMismatch,
  keys,
  route,
  brokerUnreachable,
  topic,
  group,
  someServersDown,
  inconclusive,
];

export function rocketmqVerdict(probes: readonly Probe[]): Verdict {
  return verdictOf(probes, ROCKETMQ_RULES, hops);
}
