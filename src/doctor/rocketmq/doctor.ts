import { hostPort } from '../../actions/rocketmq/endpoints.js';
import { detectProtocol } from '../../remoting/detect.js';
import type { HostPort } from '../../util/addresses.js';
import type { DoctorNet } from '../net/connector.js';
import { dnsProbe, tcpProbe } from '../net/probes.js';
import type { Probe, SpeaksProbe, Spoken } from '../types.js';
import { grpcProbes } from './grpc.js';
import type { RocketmqDoctorInput } from './input.js';
import { remotingProbes } from './remoting.js';

const SPOKEN: Record<string, Spoken> = {
  remoting: 'remoting',
  http2: 'grpc',
  tls: 'tls',
  http1: 'http1',
  silent: 'silent',
};

/** One address: its name, a TCP connection, and what it speaks (a remoting frame or HTTP/2). */
async function address(
  input: RocketmqDoctorInput,
  a: HostPort,
  deps: DoctorNet,
  signal: AbortSignal,
): Promise<{ probes: Probe[]; spoken?: Spoken; resolved?: HostPort }> {
  const server = hostPort(a);
  const dns = await dnsProbe(deps, a.host);
  const ip = dns.facts.addresses[0];
  if (dns.status !== 'ok' || !ip) return { probes: [dns] };
  const tcp = await tcpProbe(deps, server, ip, a.port, signal);
  if (tcp.status !== 'ok') return { probes: [dns, tcp] };
  const t0 = performance.now();
  const detected = await detectProtocol(ip, a.port, { signal });
  const spoken = SPOKEN[detected.protocol] ?? 'other';
  const expected: Spoken =
    input.protocol === 'grpc' ? 'grpc' : input.protocol === 'remoting' ? 'remoting' : spoken;
  const fits = input.protocol === 'auto' ? spoken === 'remoting' || spoken === 'grpc' : spoken === expected;
  const speaks: SpeaksProbe = {
    kind: 'speaks',
    target: server,
    status: fits ? 'ok' : 'problem',
    ms: Math.round(performance.now() - t0),
    facts: { server, spoken, expected: input.protocol === 'auto' ? (fits ? spoken : 'remoting') : expected },
  };
  return { probes: [dns, tcp, speaks], spoken, resolved: { host: ip, port: a.port } };
}

/**
 * Every RocketMQ probe: each address, then the route its answer decides (as the tutorial's
 * `auto` does, or the protocol the user chose): the name server's route and its brokers over
 * remoting, or what a gRPC proxy answers.
 */
export async function rocketmqProbes(
  input: RocketmqDoctorInput,
  deps: DoctorNet,
  signal: AbortSignal,
  probes: Probe[] = [],
): Promise<{ probes: Probe[]; route?: 'remoting' | 'grpc' }> {
  const { accessKey, secretKey } = input.remoting.credentials;
  const missing = (
    [
      ['endpoints', input.addresses.length > 0],
      ['accessKey', accessKey],
      ['secretKey', secretKey],
    ] as const
  )
    .filter(([, given]) => !given)
    .map(([name]) => name);
  probes.push({
    kind: 'params',
    target: '',
    status: missing.length > 0 ? 'problem' : 'ok',
    facts: { missing },
  });
  const results = await Promise.all(input.addresses.map((a) => address(input, a, deps, signal)));
  for (const r of results) probes.push(...r.probes);
  const remoting = input.addresses.filter((_, i) => results[i]?.spoken === 'remoting');
  const grpc = input.addresses.filter((_, i) => results[i]?.spoken === 'grpc');
  const route =
    input.protocol === 'remoting'
      ? remoting.length > 0
        ? 'remoting'
        : undefined
      : input.protocol === 'grpc'
        ? grpc.length > 0
          ? 'grpc'
          : undefined
        : remoting.length > 0
          ? 'remoting'
          : grpc.length > 0
            ? 'grpc'
            : undefined;
  if (!route) return { probes };
  if (route === 'remoting') probes.push(...(await remotingProbes(input, remoting, deps, signal)));
  else probes.push(...(await grpcProbes(input, hostPort(grpc[0] as HostPort))));
  return { probes, route };
}
