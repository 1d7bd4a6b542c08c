import type { Probe, SpeaksProbe, TlsProbe } from '../types.js';
import { ev, finding, firstOf, ofKind, type Rule } from './finding.js';
import { hops, inconclusive, missingParams, nothingReachable, someServersDown } from './network.js';
import { type Verdict, verdictOf } from './verdict.js';

/** The servers whose port speaks what the user's security protocol expects. */
const fitting = (probes: readonly Probe[]) => ofKind(probes, 'speaks').filter((s) => s.status === 'ok');

const portMismatch: Rule = (probes) => {
  const speaks = ofKind(probes, 'speaks');
  if (speaks.length === 0 || fitting(probes).length > 0) return undefined;
  const s = speaks[0] as SpeaksProbe;
  const { server, spoken, expected } = s.facts;
  const evidence = [ev(`speaks.${spoken}`, { server })];
  const mechanisms = firstOf(probes, 'mechanisms');
  if (mechanisms)
    evidence.push(ev('mechanisms', { server, mechanisms: mechanisms.facts.mechanisms.join(', ') }));
  if (expected === 'kafka' && spoken === 'tls') return finding('TLS_PORT_AS_PLAINTEXT', { server }, evidence);
  if (expected === 'tls' && spoken === 'kafka') return finding('PLAINTEXT_PORT_AS_TLS', { server }, evidence);
  return finding('NOT_KAFKA', { server, spoken }, evidence);
};

const UNTRUSTED = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
]);

const caFileUnusable: Rule = (probes) => {
  const bad = ofKind(probes, 'tls').find((t) => t.facts.caProblem);
  if (!bad || fitting(probes).length === 0) return undefined;
  const values = { file: bad.facts.caFile, problem: bad.facts.caProblem };
  return finding('CA_FILE_UNUSABLE', values, [ev(`caFile.${bad.facts.caProblem}`, values)]);
};

function tlsEvidence(t: TlsProbe) {
  return [
    ev('tlsPresented', { server: t.facts.server, subject: t.facts.subject, issuer: t.facts.issuer }),
    ev('caFileHolds', { file: t.facts.caFile, subjects: t.facts.caSubjects.join('; ') }),
    ev('tlsCode', { code: t.facts.code }),
  ];
}

const certificate: Rule = (probes) => {
  const servers = new Set(fitting(probes).map((s) => s.target));
  const t = ofKind(probes, 'tls').find(
    (p) => servers.has(p.target) && p.status === 'problem' && !p.facts.caProblem,
  );
  if (!t) return undefined;
  const code = t.facts.code ?? '';
  const values = {
    server: t.facts.server,
    issuer: t.facts.issuer,
    file: t.facts.caFile,
    validTo: t.facts.validTo,
    altNames: t.facts.altNames,
  };
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID')
    return finding('CERT_EXPIRED', values, tlsEvidence(t));
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return finding('HOSTNAME_MISMATCH', values, tlsEvidence(t));
  return finding(UNTRUSTED.has(code) ? 'CA_MISMATCH' : 'TLS_REFUSED', values, tlsEvidence(t));
};

const mechanism: Rule = (probes) => {
  const m = ofKind(probes, 'mechanisms').find((p) => p.status === 'problem');
  if (!m) return undefined;
  const values = {
    server: m.facts.server,
    wanted: m.facts.wanted,
    offered: m.facts.mechanisms.join(', ') || '—',
  };
  return finding('MECHANISM_NOT_OFFERED', values, [
    ev('mechanisms', { server: m.facts.server, mechanisms: values.offered }),
  ]);
};

const loginRefused: Rule = (probes) => {
  const login = ofKind(probes, 'login').find((p) => p.status === 'problem');
  if (!login) return undefined;
  const mechanisms = firstOf(probes, 'mechanisms');
  const evidence = [
    ev('loginRefused', {
      user: login.facts.user,
      server: login.facts.server,
      detail: login.facts.detail ?? login.facts.code,
    }),
  ];
  if (mechanisms)
    evidence.push(
      ev('mechanisms', {
        server: mechanisms.facts.server,
        mechanisms: mechanisms.facts.mechanisms.join(', '),
      }),
    );
  const username = firstOf(probes, 'username');
  if (username?.status === 'problem') {
    evidence.unshift(ev('usernameNoInstance', { user: username.facts.user }));
    return finding(
      'USERNAME_NO_INSTANCE',
      { user: username.facts.user, server: login.facts.server },
      evidence,
    );
  }
  evidence.unshift(ev('usernameForm', { user: login.facts.user, instance: username?.facts.instanceId }));
  return finding('LOGIN_REFUSED', { user: login.facts.user, server: login.facts.server }, evidence);
};

const advertisedUnreachable: Rule = (probes) => {
  const metadata = firstOf(probes, 'metadata');
  const dead = ofKind(probes, 'advertised').filter((p) => p.status === 'problem');
  const first = dead[0];
  if (!metadata || !first) return undefined;
  const login = ofKind(probes, 'login').find((p) => p.status === 'ok');
  return finding(
    'ADVERTISED_UNREACHABLE',
    { address: first.facts.address, bootstrap: metadata.facts.server, code: first.facts.code },
    [
      ev('bootstrapWorked', { server: metadata.facts.server, ms: login?.ms }),
      ev('advertises', {
        server: metadata.facts.server,
        brokers: metadata.facts.brokers.map((b) => `${b.nodeId}=${b.address}`).join(', '),
      }),
      ...dead.map((d) => ev('advertisedFailed', { address: d.facts.address, code: d.facts.code })),
    ],
  );
};

const topicEvidence = (probes: readonly Probe[]) =>
  ofKind(probes, 'topic').map((t) =>
    ev(`topic.${t.facts.outcome}`, { topic: t.facts.topic, op: t.facts.op, code: t.facts.code }),
  );

const topicMissing: Rule = (probes) => {
  const describe = ofKind(probes, 'topic').find(
    (t) => t.facts.op === 'describe' && t.facts.outcome === 'missing',
  );
  if (!describe) return undefined;
  return finding('TOPIC_MISSING', { topic: describe.facts.topic }, topicEvidence(probes));
};

const topicDenied: Rule = (probes) => {
  const denied = ofKind(probes, 'topic').filter((t) => t.facts.outcome === 'denied');
  const first = denied[0];
  if (!first) return undefined;
  const user = firstOf(probes, 'login')?.facts.user ?? '';
  return finding(
    'TOPIC_DENIED',
    { topic: first.facts.topic, user, ops: denied.map((d) => d.facts.op).join(', ') },
    topicEvidence(probes),
  );
};

const groupDenied: Rule = (probes) => {
  const groups = ofKind(probes, 'group');
  const denied = groups.filter((g) => g.facts.outcome === 'denied');
  const first = denied[0];
  if (!first) return undefined;
  const user = firstOf(probes, 'login')?.facts.user ?? '';
  return finding(
    'GROUP_DENIED',
    { group: first.facts.group, user, ops: denied.map((d) => d.facts.op).join(', ') },
    groups.map((g) =>
      ev(`group.${g.facts.outcome}`, { group: g.facts.group, op: g.facts.op, code: g.facts.code }),
    ),
  );
};

/** Most likely first: the earliest hop on a client's way that fails, each rule naming one cause. */
export const KAFKA_RULES: readonly Rule[] = [
  missingParams,
  nothingReachable,
  portMismatch,
  caFileUnusable,
  certificate,
  mechanism,
  loginRefused,
  advertisedUnreachable,
  topicMissing,
  topicDenied,
  groupDenied,
  someServersDown,
  inconclusive,
];

export function kafkaVerdict(probes: readonly Probe[]): Verdict {
  return verdictOf(probes, KAFKA_RULES, hops);
}
