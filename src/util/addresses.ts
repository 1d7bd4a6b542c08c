import net from 'node:net';

export interface HostPort {
  host: string;
  port: number;
}

export type AddressProblem =
  | { kind: 'empty' }
  | { kind: 'no-port'; entry: string }
  | { kind: 'bad-port'; entry: string; port: string }
  | { kind: 'bad-host'; entry: string; host: string }
  | { kind: 'path-after-port'; entry: string; path: string }
  | { kind: 'unsupported-scheme'; entry: string; scheme: string };

export type ParsedAddresses = { ok: true; addresses: HostPort[] } | { ok: false; problem: AddressProblem };

const HOSTNAME =
  /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;

/**
 * An address list as consoles print it (a name server, a gRPC proxy): `host:port`, with or without `http://` or `https://`
 * (TDMQ shows an http URL for its name server; the scheme means nothing to the remoting protocol),
 * several joined by `;` (RocketMQ's separator) or `,`, spaces anywhere around them, IPv6 in brackets.
 */
export function parseAddressList(input: string): ParsedAddresses {
  const entries = input
    .split(/[;,]/)
    .map((e) => e.trim())
    .filter((e) => e.length > 0);
  if (entries.length === 0) return { ok: false, problem: { kind: 'empty' } };
  const addresses: HostPort[] = [];
  for (const entry of entries) {
    const parsed = parseEntry(entry);
    if ('kind' in parsed) return { ok: false, problem: parsed };
    addresses.push(parsed);
  }
  return { ok: true, addresses };
}

function parseEntry(entry: string): HostPort | AddressProblem {
  let rest = entry;
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(rest);
  if (scheme) {
    if (!/^https?$/i.test(scheme[1]!)) return { kind: 'unsupported-scheme', entry, scheme: scheme[1]! };
    rest = rest.slice(scheme[0].length);
  }
  const slash = rest.indexOf('/');
  let path = '';
  if (slash >= 0) {
    path = rest.slice(slash);
    rest = rest.slice(0, slash);
  }
  let host: string;
  let port: string | undefined;
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0) return { kind: 'bad-host', entry, host: rest };
    host = rest.slice(1, close);
    const after = rest.slice(close + 1);
    if (after.length > 0 && !after.startsWith(':')) return { kind: 'bad-host', entry, host: rest };
    port = after.length > 0 ? after.slice(1) : undefined;
    if (!net.isIPv6(host)) return { kind: 'bad-host', entry, host };
  } else {
    const colons = rest.split(':').length - 1;
    if (colons > 1) return { kind: 'bad-host', entry, host: rest };
    const colon = rest.indexOf(':');
    host = colon >= 0 ? rest.slice(0, colon) : rest;
    port = colon >= 0 ? rest.slice(colon + 1) : undefined;
    if (!net.isIPv4(host) && (!HOSTNAME.test(host) || /^[\d.]+$/.test(host)))
      return { kind: 'bad-host', entry, host };
  }
  if (port === undefined || port === '') return { kind: 'no-port', entry };
  if (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535)
    return { kind: 'bad-port', entry, port };
  if (path !== '' && path !== '/') return { kind: 'path-after-port', entry, path };
  return { host, port: Number(port) };
}
