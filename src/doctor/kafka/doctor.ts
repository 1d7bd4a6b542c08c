import { readFileSync } from 'node:fs';
import type net from 'node:net';
import { parseCaPem } from '../../actions/cert/pem.js';
import { type DoctorNet, openSocket } from '../net/connector.js';
import { dnsProbe, TCP_MS, type TlsOptions, tcpProbe, tlsHandshake, tlsProbe } from '../net/probes.js';
import type {
  AdvertisedProbe,
  Allowed,
  GroupProbe,
  MechanismsProbe,
  Probe,
  Spoken,
  TlsProbe,
  TopicProbe,
} from '../types.js';
import { type KafkaDoctorInput, splitServer } from './input.js';
import {
  AclOperation,
  allows,
  describeGroup,
  emptyProduce,
  fetchPastEnd,
  findGroupCoordinator,
  KafkaError,
  kafkaErrorName,
  metadata,
} from './requests.js';
import { handshake, type KafkaSession, login, openSession, REQUEST_MS } from './session.js';
import { KafkaWire } from './wire.js';

const since = (t0: number) => Math.round(performance.now() - t0);

interface CaFile {
  pem?: string;
  subjects: string[];
  problem?: 'unreadable' | 'not-pem';
}

function readCa(file: string): CaFile {
  if (!file) return { subjects: [] };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { subjects: [], problem: 'unreadable' };
  }
  try {
    const { pem, certificates } = parseCaPem(text, file);
    return { pem, subjects: certificates.map((c) => c.subject) };
  } catch {
    return { subjects: [], problem: 'not-pem' };
  }
}

interface Context {
  input: KafkaDoctorInput;
  deps: DoctorNet;
  signal: AbortSignal;
  ca: CaFile;
  probes: Probe[];
}

function tlsOptions(ctx: Context, host: string, verify: boolean): TlsOptions {
  return {
    host,
    ...(verify && ctx.ca.pem ? { ca: ctx.ca.pem } : {}),
    caFile: ctx.input.caFile,
    caSubjects: ctx.ca.subjects,
    checkHostname: ctx.input.checkHostname,
    signal: ctx.signal,
  };
}

/** TLS as the tutorial's client has it, for a connection that will carry the password. */
function secureFor(ctx: Context, host: string, server: string) {
  if (ctx.input.securityProtocol !== 'SASL_SSL') return undefined;
  return async (raw: net.Socket) => {
    const r = await tlsHandshake(raw, server, tlsOptions(ctx, host, true));
    if (r?.probe.facts.verified) return r.socket;
    r?.socket.destroy();
    return undefined;
  };
}

/**
 * One bootstrap server: its name, a TCP connection, what the port speaks (a TLS handshake and a
 * plaintext SASL handshake, side by side), the mechanisms it offers, and a login over the transport
 * the user chose. The password goes only over plaintext when the user chose plaintext, and over
 * TLS only when the CA file vouched for the certificate.
 */
async function bootstrap(ctx: Context, server: string): Promise<KafkaSession | undefined> {
  const { input, deps, probes } = ctx;
  const { host, port } = splitServer(server);
  const dns = await dnsProbe(deps, host);
  probes.push(dns);
  const address = dns.facts.addresses[0];
  if (dns.status !== 'ok' || !address) return undefined;
  const tcp = await tcpProbe(deps, server, address, port, ctx.signal);
  probes.push(tcp);
  if (tcp.status !== 'ok') return undefined;

  const wantTls = input.securityProtocol === 'SASL_SSL';
  const t0 = performance.now();
  const [tls, plain] = await Promise.all([
    tlsProbe(deps, server, address, port, tlsOptions(ctx, host, wantTls)),
    openSocket(deps, address, port, TCP_MS, ctx.signal).then(
      async (socket) => {
        const wire = new KafkaWire(socket, server);
        return { wire, outcome: await handshake(wire) };
      },
      () => undefined,
    ),
  ]);
  const spoken: Spoken = tls
    ? 'tls'
    : plain?.outcome.ok
      ? 'kafka'
      : plain && !plain.outcome.ok && plain.outcome.spoken !== 'closed'
        ? plain.outcome.spoken
        : 'other';
  const expected: Spoken = wantTls ? 'tls' : 'kafka';
  probes.push({
    kind: 'speaks',
    target: server,
    status: spoken === expected ? 'ok' : 'problem',
    ms: since(t0),
    facts: { server, spoken, expected },
  });
  if (tls) probes.push(tls.probe);

  // The mechanisms, heard on whichever transport the port speaks.
  let wire: KafkaWire | undefined;
  let mechanisms: MechanismsProbe | undefined;
  if (tls) {
    plain?.wire.close();
    wire = new KafkaWire(tls.socket, server);
    const t1 = performance.now();
    const shaken = await handshake(wire);
    if (shaken.ok) mechanisms = mechanismsProbe(ctx, server, shaken.mechanisms, since(t1));
  } else if (plain?.outcome.ok) {
    wire = plain.wire;
    mechanisms = mechanismsProbe(ctx, server, plain.outcome.mechanisms, 0);
  } else {
    plain?.wire.close();
  }
  if (mechanisms) probes.push(mechanisms);
  const usable =
    wire && spoken === expected && mechanisms?.status === 'ok' && input.username && input.password;
  if (!usable || !wire) {
    wire?.close();
    return undefined;
  }
  if (wantTls && !(tls?.probe as TlsProbe | undefined)?.facts.verified) {
    probes.push({
      kind: 'login',
      target: server,
      status: 'skipped',
      facts: { server, user: input.username, notSentBecause: 'untrusted' },
    });
    wire.close();
    return undefined;
  }
  const t2 = performance.now();
  const loggedIn = await login(wire, input);
  probes.push({
    kind: 'login',
    target: server,
    status: loggedIn.ok ? 'ok' : 'problem',
    ms: since(t2),
    facts: {
      server,
      user: input.username,
      ...(loggedIn.ok
        ? {}
        : { code: loggedIn.code, ...(loggedIn.detail ? { detail: loggedIn.detail } : {}) }),
    },
  });
  if (!loggedIn.ok) {
    wire.close();
    return undefined;
  }
  return { wire, server };
}

function mechanismsProbe(ctx: Context, server: string, offered: string[], ms: number): MechanismsProbe {
  const wanted = ctx.input.mechanism.toUpperCase();
  return {
    kind: 'mechanisms',
    target: server,
    status: offered.map((m) => m.toUpperCase()).includes(wanted) ? 'ok' : 'problem',
    ms,
    facts: { server, mechanisms: offered, wanted },
  };
}

const outcomeOf = (code: number, allowedCodes: number[]): Allowed => {
  if (allowedCodes.includes(code)) return 'allowed';
  if (code === KafkaError.TOPIC_AUTHORIZATION_FAILED || code === KafkaError.GROUP_AUTHORIZATION_FAILED)
    return 'denied';
  if (code === KafkaError.UNKNOWN_TOPIC_OR_PARTITION) return 'missing';
  return 'unknown';
};

async function tried<T>(ask: () => Promise<T>): Promise<T | 'TIMEOUT'> {
  try {
    return await ask();
  } catch {
    return 'TIMEOUT';
  }
}

/** Every broker the metadata advertises, reached as a client would reach it, by node id. */
async function advertised(
  ctx: Context,
  brokers: { nodeId: number; host: string; port: number }[],
): Promise<Map<number, KafkaSession>> {
  const sessions = new Map<number, KafkaSession>();
  await Promise.all(
    brokers.map(async (b) => {
      const server = `${b.host.includes(':') ? `[${b.host}]` : b.host}:${b.port}`;
      const t0 = performance.now();
      const dns = await ctx.deps.resolve(b.host).catch(() => [] as string[]);
      const address = dns[0];
      const result = address
        ? await openSession(
            ctx.deps,
            server,
            address,
            b.port,
            ctx.input,
            secureFor(ctx, b.host, server),
            ctx.signal,
          )
        : ({ failed: 'dns', code: 'ENOTFOUND' } as const);
      const probe: AdvertisedProbe = {
        kind: 'advertised',
        target: server,
        status: 'session' in result ? 'ok' : 'problem',
        ms: since(t0),
        facts: {
          nodeId: b.nodeId,
          address: server,
          ...('session' in result
            ? {}
            : {
                code:
                  result.failed === 'tcp' || result.failed === 'dns'
                    ? result.code
                    : `${result.failed}:${result.code}`,
              }),
        },
      };
      ctx.probes.push(probe);
      if ('session' in result) sessions.set(b.nodeId, result.session);
    }),
  );
  return sessions;
}

async function topicChecks(
  ctx: Context,
  boot: KafkaSession,
  sessions: Map<number, KafkaSession>,
): Promise<void> {
  const { topic } = ctx.input;
  const t0 = performance.now();
  const md = await tried(() => metadata(boot.wire, [topic], REQUEST_MS));
  const meta = md === 'TIMEOUT' ? undefined : md.topics[0];
  const describe: TopicProbe = {
    kind: 'topic',
    target: topic,
    status: meta?.errorCode === KafkaError.NONE ? 'ok' : 'problem',
    ms: since(t0),
    facts: {
      topic,
      op: 'describe',
      outcome: meta ? outcomeOf(meta.errorCode, [KafkaError.NONE]) : 'unknown',
      code: meta ? kafkaErrorName(meta.errorCode) : 'TIMEOUT',
      ...(meta?.errorCode === KafkaError.NONE ? { partitions: meta.partitions.length } : {}),
    },
  };
  ctx.probes.push(describe);
  // Write and read are asked of the leader of the first partition; without a leader (the topic
  // is not visible), of the bootstrap broker, which checks the permission before leadership.
  const first = meta?.partitions.slice().sort((a, b) => a.partition - b.partition)[0];
  const leader = (first && sessions.get(first.leader)) ?? boot;
  const partition = first?.partition ?? 0;
  const ops: ['write' | 'read', () => Promise<number>, number[]][] = [
    [
      'write',
      () => emptyProduce(leader.wire, topic, partition, REQUEST_MS),
      [KafkaError.INVALID_RECORD, KafkaError.CORRUPT_MESSAGE],
    ],
    [
      'read',
      () => fetchPastEnd(leader.wire, topic, partition, REQUEST_MS),
      [KafkaError.OFFSET_OUT_OF_RANGE, KafkaError.NONE],
    ],
  ];
  for (const [op, ask, allowedCodes] of ops) {
    const t1 = performance.now();
    const code = await tried(ask);
    const outcome = code === 'TIMEOUT' ? 'unknown' : outcomeOf(code, allowedCodes);
    ctx.probes.push({
      kind: 'topic',
      target: topic,
      status: outcome === 'allowed' ? 'ok' : 'problem',
      ms: since(t1),
      facts: { topic, op, outcome, code: code === 'TIMEOUT' ? code : kafkaErrorName(code) },
    });
  }
}

async function groupChecks(
  ctx: Context,
  boot: KafkaSession,
  sessions: Map<number, KafkaSession>,
): Promise<void> {
  const { group } = ctx.input;
  const t0 = performance.now();
  const found = await tried(() => findGroupCoordinator(boot.wire, group, REQUEST_MS));
  const code = found === 'TIMEOUT' ? 'TIMEOUT' : kafkaErrorName(found.errorCode);
  const describe: GroupProbe = {
    kind: 'group',
    target: group,
    status: found !== 'TIMEOUT' && found.errorCode === KafkaError.NONE ? 'ok' : 'problem',
    ms: since(t0),
    facts: {
      group,
      op: 'describe',
      outcome: found === 'TIMEOUT' ? 'unknown' : outcomeOf(found.errorCode, [KafkaError.NONE]),
      code,
    },
  };
  ctx.probes.push(describe);
  if (found === 'TIMEOUT' || found.errorCode !== KafkaError.NONE) return;
  const coordinator = sessions.get(found.coordinator.nodeId);
  if (!coordinator) {
    ctx.probes.push({
      kind: 'group',
      target: group,
      status: 'skipped',
      facts: { group, op: 'read', outcome: 'unknown', code: 'COORDINATOR_NOT_REACHED' },
    });
    return;
  }
  const t1 = performance.now();
  const described = await tried(() => describeGroup(coordinator.wire, group, REQUEST_MS));
  const outcome: Allowed =
    described === 'TIMEOUT'
      ? 'unknown'
      : described.errorCode === KafkaError.GROUP_AUTHORIZATION_FAILED
        ? 'denied'
        : described.errorCode !== KafkaError.NONE
          ? 'unknown'
          : allows(described.authorizedOperations, AclOperation.READ)
            ? 'allowed'
            : 'denied';
  ctx.probes.push({
    kind: 'group',
    target: group,
    status: outcome === 'allowed' ? 'ok' : 'problem',
    ms: since(t1),
    facts: {
      group,
      op: 'read',
      outcome,
      code: described === 'TIMEOUT' ? 'TIMEOUT' : kafkaErrorName(described.errorCode),
      ...(described !== 'TIMEOUT' && described.state ? { state: described.state } : {}),
    },
  });
}

/** Every Kafka probe, in the order a client meets the hops; none changes anything on the broker. */
export async function kafkaProbes(
  input: KafkaDoctorInput,
  deps: DoctorNet,
  signal: AbortSignal,
  probes: Probe[] = [],
): Promise<Probe[]> {
  const ctx: Context = { input, deps, signal, ca: readCa(input.caFile), probes };
  const missing = (
    [
      ['bootstrapServers', input.servers.length > 0],
      ['username', input.username],
      ['password', input.password],
      ['caFile', input.securityProtocol !== 'SASL_SSL' || input.caFile],
    ] as const
  )
    .filter(([, given]) => !given)
    .map(([name]) => name);
  ctx.probes.push({
    kind: 'params',
    target: '',
    status: missing.length > 0 ? 'problem' : 'ok',
    facts: { missing },
  });
  if (input.username) {
    const at = input.username.indexOf('#');
    ctx.probes.push({
      kind: 'username',
      target: input.username,
      status: at > 0 && at < input.username.length - 1 ? 'ok' : 'problem',
      facts: { user: input.username, ...(at > 0 ? { instanceId: input.username.slice(0, at) } : {}) },
    });
  }
  if (input.caFile && ctx.ca.problem)
    ctx.probes.push({
      kind: 'tls',
      target: input.caFile,
      status: 'problem',
      facts: {
        server: '',
        verified: false,
        subject: '',
        issuer: '',
        validTo: '',
        altNames: '',
        caFile: input.caFile,
        caSubjects: [],
        caProblem: ctx.ca.problem,
      },
    });
  const boots = await Promise.all(input.servers.map((server) => bootstrap(ctx, server)));
  const [boot, ...others] = boots.filter((b): b is KafkaSession => b !== undefined);
  for (const other of others) other.wire.close();
  if (!boot) return ctx.probes;
  let sessions = new Map<number, KafkaSession>();
  try {
    const t0 = performance.now();
    const md = await tried(() => metadata(boot.wire, [], REQUEST_MS));
    if (md === 'TIMEOUT') return ctx.probes;
    ctx.probes.push({
      kind: 'metadata',
      target: boot.server,
      status: md.brokers.length > 0 ? 'ok' : 'problem',
      ms: since(t0),
      facts: {
        server: boot.server,
        brokers: md.brokers.map((b) => ({ nodeId: b.nodeId, address: `${b.host}:${b.port}` })),
        ...(md.clusterId ? { clusterId: md.clusterId } : {}),
      },
    });
    sessions = await advertised(ctx, md.brokers);
    if (input.topic) await topicChecks(ctx, boot, sessions);
    if (input.group) await groupChecks(ctx, boot, sessions);
  } finally {
    boot.wire.close();
    for (const s of sessions.values()) s.wire.close();
  }
  return ctx.probes;
}
