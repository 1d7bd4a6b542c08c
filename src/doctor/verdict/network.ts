import { privateRangeOf } from '../net/private-range.js';
import type { DnsProbe, Probe, TcpProbe } from '../types.js';
import { ev, type Finding, finding, firstOf, ofKind, type Rule } from './finding.js';

/** Parameters the probes could not do without. */
export const missingParams: Rule = (probes) => {
  const params = firstOf(probes, 'params');
  if (!params || params.facts.missing.length === 0) return undefined;
  const list = params.facts.missing.join(', ');
  return finding('MISSING_PARAM', { params: list }, [ev('missing', { params: list })]);
};

interface ServerPath {
  server: string;
  dns?: DnsProbe;
  tcp?: TcpProbe;
}

/** Each address the user gave, with its DNS and TCP probes (DNS probes are by host, TCP by server). */
function paths(probes: readonly Probe[]): ServerPath[] {
  const dns = ofKind(probes, 'dns');
  const tcp = ofKind(probes, 'tcp');
  const servers = [
    ...new Set([
      ...tcp.map((t) => t.facts.server),
      ...probes.filter((p) => p.kind === 'speaks').map((p) => p.target),
    ]),
  ];
  const out: ServerPath[] = servers.map((server) => ({
    server,
    tcp: tcp.find((t) => t.facts.server === server),
    dns: dns.find((d) => server.startsWith(`${d.facts.host}:`) || server.startsWith(`[${d.facts.host}]:`)),
  }));
  for (const d of dns)
    if (d.status !== 'ok' && !out.some((p) => p.dns === d)) out.push({ server: d.facts.host, dns: d });
  return out;
}

function pathFinding(p: ServerPath): Finding | undefined {
  const { dns, tcp } = p;
  if (dns && dns.status !== 'ok')
    return finding('UNKNOWN_HOST', { host: dns.facts.host, code: dns.facts.code }, [
      ev('dnsFailed', { host: dns.facts.host, code: dns.facts.code }),
    ]);
  if (!tcp || tcp.status === 'ok') return undefined;
  const { address, code } = tcp.facts;
  const tcpEvidence = ev('tcpFailed', { server: p.server, address, code });
  const range = privateRangeOf(address);
  if (range)
    return finding('PRIVATE_ADDRESS', { server: p.server, host: dns?.facts.host, address, range }, [
      ev('dnsPrivate', { host: dns?.facts.host ?? address, address, range }),
      tcpEvidence,
    ]);
  if (code === 'ECONNREFUSED') return finding('PORT_CLOSED', { server: p.server, address }, [tcpEvidence]);
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH')
    return finding('NETWORK_UNREACHABLE', { server: p.server, address, code }, [tcpEvidence]);
  return finding('NO_ANSWER', { server: p.server, address, code }, [tcpEvidence]);
}

/** No address given can be reached: why, for the first one (the client tries them in order). */
export const nothingReachable: Rule = (probes) => {
  const all = paths(probes);
  if (all.length === 0 || all.some((p) => p.tcp?.status === 'ok')) return undefined;
  for (const p of all) {
    const f = pathFinding(p);
    if (f) return f;
  }
  return undefined;
};

/** Some addresses serve and some do not: the client gets by, but a server of the list is dead or wrong. */
export const someServersDown: Rule = (probes) => {
  const speaks = ofKind(probes, 'speaks');
  const serves = (p: ServerPath) =>
    p.tcp?.status === 'ok' && speaks.find((s) => s.target === p.server)?.status !== 'problem';
  const all = paths(probes);
  const alive = all.filter(serves);
  const dead = all.filter((p) => !serves(p));
  if (alive.length === 0 || dead.length === 0) return undefined;
  const servers = dead.map((p) => p.server).join(', ');
  const evidence = dead.flatMap((p) => {
    const spoken = speaks.find((s) => s.target === p.server);
    return spoken?.status === 'problem'
      ? [ev(`speaks.${spoken.facts.spoken}`, { server: p.server })]
      : (pathFinding(p)?.evidence ?? []);
  });
  return finding('SOME_SERVERS_DOWN', { servers, using: alive.map((p) => p.server).join(', ') }, [
    ...evidence,
    ev('tcpOk', { server: alive[0]?.server, ms: alive[0]?.tcp?.ms }),
  ]);
};

/** Anything that did not conclude (an answer that never came) and that no other rule explains. */
export const inconclusive: Rule = (probes) => {
  // A user name's form matters only if the login fails, which loginRefused says.
  const open = probes.filter((p) => p.status === 'problem' && p.kind !== 'username');
  if (open.length === 0) return undefined;
  const what = open.map((p) => `${p.kind} ${p.target}`.trim()).join(', ');
  return finding(
    'INCONCLUSIVE',
    { what },
    open.map((p) => ev('unsettled', { kind: p.kind, target: p.target, code: codeOf(p) })),
  );
};

function codeOf(p: Probe): string {
  const facts = p.facts as { code?: string };
  return facts.code ?? '';
}

/** Every hop that answered, with its latency: the evidence of a healthy connection. */
export function hops(probes: readonly Probe[]) {
  return probes
    .filter((p) => p.status === 'ok' && p.ms !== undefined && p.kind !== 'params' && p.kind !== 'username')
    .map((p) => {
      const facts = p.facts as { op?: string; action?: string; order?: string };
      return ev(`hop.${p.kind}`, {
        target: p.target,
        ms: p.ms,
        op: facts.op,
        action: facts.action,
        order: facts.order,
      });
    });
}
