import { type HostPort, parseAddressList } from '../../util/addresses.js';

/** The addresses of the `endpoints` parameter (validated before any step runs), scheme and spaces gone. */
export function endpointList(value: string | undefined): HostPort[] {
  const parsed = parseAddressList(value ?? '');
  return parsed.ok ? parsed.addresses : [];
}

export function hostPort(a: HostPort): string {
  return a.host.includes(':') ? `[${a.host}]:${a.port}` : `${a.host}:${a.port}`;
}

/** `host:port;host:port`, as the clients take a list. */
export function endpointText(value: string | undefined): string {
  return endpointList(value).map(hostPort).join(';');
}
