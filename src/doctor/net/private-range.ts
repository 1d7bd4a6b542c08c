import net from 'node:net';

/**
 * Address ranges that are private to a network (RFC 1918, shared address space, link-local, IPv6
 * unique-local and link-local): a cloud instance's VPC address is one of these, and cannot be
 * reached from outside its VPC. Loopback is not counted: it is this machine.
 */
const V4_RANGES: [string, number][] = [
  ['10.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['100.64.0.0', 10],
  ['169.254.0.0', 16],
];

function v4ToInt(address: string): number {
  return address.split('.').reduce((n, part) => (n << 8) + Number(part), 0) >>> 0;
}

function inV4Range(address: string, [base, bits]: [string, number]): boolean {
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return (v4ToInt(address) & mask) === (v4ToInt(base) & mask);
}

export function privateRangeOf(address: string): string | undefined {
  if (net.isIPv4(address)) {
    const hit = V4_RANGES.find((range) => inV4Range(address, range));
    return hit ? `${hit[0]}/${hit[1]}` : undefined;
  }
  if (net.isIPv6(address)) {
    const lower = address.toLowerCase();
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
    if (mapped?.[1]) return privateRangeOf(mapped[1]);
    if (/^f[cd][0-9a-f]{0,2}:/.test(lower)) return 'fc00::/7';
    if (/^fe[89ab][0-9a-f]?:/.test(lower)) return 'fe80::/10';
  }
  return undefined;
}

export function isPrivateAddress(address: string): boolean {
  return privateRangeOf(address) !== undefined;
}
