import type net from 'node:net';
import tls from 'node:tls';
import type { DnsProbe, TcpProbe, TlsProbe } from '../types.js';
import { ConnectError, type DoctorNet, openSocket } from './connector.js';
import { privateRangeOf } from './private-range.js';

export const DNS_MS = 2500;
export const TCP_MS = 3000;
export const TLS_MS = 2500;

const since = (t0: number) => Math.round(performance.now() - t0);

/** Resolves within `timeoutMs` whatever the resolver does. */
export async function dnsProbe(deps: DoctorNet, host: string, timeoutMs = DNS_MS): Promise<DnsProbe> {
  const t0 = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const addresses = await Promise.race([
      deps.resolve(host),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(Object.assign(new Error('timeout'), { code: 'ETIMEOUT' })),
          timeoutMs,
        );
      }),
    ]);
    const priv = addresses.filter((a) => privateRangeOf(a) !== undefined);
    return {
      kind: 'dns',
      target: host,
      status: addresses.length > 0 ? 'ok' : 'problem',
      ms: since(t0),
      facts: { host, addresses, private: priv, ...(addresses.length === 0 ? { code: 'ENODATA' } : {}) },
    };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'ENOTFOUND';
    return {
      kind: 'dns',
      target: host,
      status: 'problem',
      ms: since(t0),
      facts: { host, addresses: [], private: [], code },
    };
  } finally {
    clearTimeout(timer);
  }
}

/** One TCP connection opened and closed again. */
export async function tcpProbe(
  deps: DoctorNet,
  server: string,
  address: string,
  port: number,
  signal?: AbortSignal,
): Promise<TcpProbe> {
  const t0 = performance.now();
  try {
    const socket = await openSocket(deps, address, port, TCP_MS, signal);
    socket.destroy();
    return { kind: 'tcp', target: server, status: 'ok', ms: since(t0), facts: { server, address } };
  } catch (error) {
    const code = error instanceof ConnectError ? error.code : 'ECONNRESET';
    return {
      kind: 'tcp',
      target: server,
      status: 'problem',
      ms: since(t0),
      facts: { server, address, code },
    };
  }
}

const nameOf = (entries: Record<string, unknown> | undefined) =>
  Object.entries(entries ?? {})
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : String(v)}`)
    .join(', ');

export interface TlsOptions {
  /** The host the client was given: the name checked, and sent as SNI unless it is an IP. */
  host: string;
  /** PEM of the CA file; undefined to only find out whether the port speaks TLS. */
  ca?: string;
  caFile: string;
  caSubjects: string[];
  checkHostname: boolean;
  signal?: AbortSignal;
}

/**
 * A TLS handshake on a connected socket that does not stop at an untrusted certificate, so that
 * one handshake says both whether the port speaks TLS at all and whether the CA file vouches for
 * what it presents. Resolves without a probe when no TLS handshake completes. The caller sends
 * nothing secret unless `facts.verified`.
 */
export function tlsHandshake(
  raw: net.Socket,
  server: string,
  options: TlsOptions,
): Promise<{ probe: TlsProbe; socket: tls.TLSSocket } | undefined> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const socket = tls.connect({
      socket: raw,
      rejectUnauthorized: false,
      ...(options.ca ? { ca: options.ca } : {}),
      servername: /^[\d.]+$|:/.test(options.host) ? undefined : options.host,
    });
    const fail = () => {
      clearTimeout(timer);
      socket.removeAllListeners();
      socket.on('error', () => {});
      socket.destroy();
      resolve(undefined);
    };
    const timer = setTimeout(fail, TLS_MS);
    socket.once('error', fail);
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      socket.on('error', () => {});
      const peer = socket.getPeerCertificate(false);
      let code = options.ca ? (socket.authorizationError as unknown as string | undefined) : undefined;
      if (!code && options.ca && options.checkHostname) {
        const mismatch = tls.checkServerIdentity(options.host, peer);
        if (mismatch) code = (mismatch as NodeJS.ErrnoException).code ?? 'ERR_TLS_CERT_ALTNAME_INVALID';
      }
      const verified = options.ca !== undefined && !code;
      resolve({
        socket,
        probe: {
          kind: 'tls',
          target: server,
          status: options.ca === undefined || verified ? 'ok' : 'problem',
          ms: since(t0),
          facts: {
            server,
            verified,
            ...(code ? { code } : {}),
            subject: nameOf(peer.subject as unknown as Record<string, unknown>),
            issuer: nameOf(peer.issuer as unknown as Record<string, unknown>),
            validTo: peer.valid_to ? new Date(peer.valid_to).toISOString() : '',
            altNames: peer.subjectaltname ?? '',
            caFile: options.caFile,
            caSubjects: options.caSubjects,
          },
        },
      });
    });
  });
}

/** A new connection and a TLS handshake on it (see tlsHandshake). */
export async function tlsProbe(
  deps: DoctorNet,
  server: string,
  address: string,
  port: number,
  options: TlsOptions,
): Promise<{ probe: TlsProbe; socket: tls.TLSSocket } | undefined> {
  let raw: net.Socket;
  try {
    raw = await openSocket(deps, address, port, TCP_MS, options.signal);
  } catch {
    return undefined;
  }
  return tlsHandshake(raw, server, options);
}
