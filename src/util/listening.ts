import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

export interface ListeningSocket {
  /** The address it is bound to: `127.0.0.1`, `::1`, or `*` for every interface. */
  address: string;
  port: number;
  inode: string;
}

/** /proc/net writes addresses as host-order 32-bit words in hex; this gives the address's bytes. */
function addressBytes(hex: string): number[] {
  const bytes: number[] = [];
  for (let w = 0; w < hex.length; w += 8) {
    const word = hex.slice(w, w + 8).match(/../g) ?? [];
    bytes.push(...word.reverse().map((b) => Number.parseInt(b, 16)));
  }
  return bytes;
}

function addressText(hex: string): string {
  const b = addressBytes(hex);
  if (b.every((x) => x === 0)) return '*';
  if (b.length === 4) return b.join('.');
  const mapped = b.slice(0, 10).every((x) => x === 0) && b[10] === 0xff && b[11] === 0xff;
  if (mapped) return b.slice(12).join('.');
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((((b[i] ?? 0) << 8) | (b[i + 1] ?? 0)).toString(16));
  return groups.join(':').replace(/(^|:)0(:0)+(:|$)/, '::');
}

/** TCP sockets in LISTEN state on this machine (Linux /proc; empty elsewhere). */
export function listeningSockets(): ListeningSocket[] {
  const out: ListeningSocket[] = [];
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 10 || cols[3] !== '0A') continue;
      const [addrHex = '', portHex = '0'] = (cols[1] ?? '').split(':');
      out.push({ address: addressText(addrHex), port: Number.parseInt(portHex, 16), inode: cols[9] ?? '' });
    }
  }
  return out;
}

/** The socket inodes a process holds open. */
export function socketInodes(pid: number): Set<string> {
  const inodes = new Set<string>();
  try {
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m?.[1]) inodes.add(m[1]);
      } catch {
        /* closed meanwhile */
      }
    }
  } catch {
    /* gone, or not ours to read */
  }
  return inodes;
}

/** What a process listens on, each port with the address it is bound to. */
export function listeningOf(pid: number): ListeningSocket[] {
  const inodes = socketInodes(pid);
  return listeningSockets().filter((s) => inodes.has(s.inode));
}

/** The process listening on a port, when this machine lets us see it. */
export function listenerPid(port: number): number | undefined {
  const inodes = new Set(
    listeningSockets()
      .filter((s) => s.port === port)
      .map((s) => s.inode),
  );
  if (inodes.size === 0) return undefined;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    for (const inode of socketInodes(Number(entry))) if (inodes.has(inode)) return Number(entry);
  }
  return undefined;
}
