import { lookup } from 'node:dns/promises';
import net from 'node:net';

/**
 * How the doctor reaches the network: name resolution and TCP connections. Every probe goes
 * through these two, so a test can answer for a host (a private address) and decide where its
 * connections go, and no packet leaves for an address the test does not own.
 */
export interface DoctorNet {
  resolve(host: string): Promise<string[]>;
  /** A socket that is connecting to address:port (net.connect's contract). */
  connect(address: string, port: number): net.Socket;
}

export const systemNet: DoctorNet = {
  async resolve(host) {
    if (net.isIP(host)) return [host];
    return (await lookup(host, { all: true })).map((a) => a.address);
  },
  connect: (address, port) => net.connect({ host: address, port }),
};

/** A connection failure with Node's code (ECONNREFUSED, ETIMEDOUT, ...). */
export class ConnectError extends Error {
  constructor(
    readonly code: string,
    readonly address: string,
    readonly port: number,
  ) {
    super(`connection to ${address}:${port} failed: ${code}`);
    this.name = 'ConnectError';
  }
}

/** A connected socket within `timeoutMs`, or a ConnectError. */
export function openSocket(
  deps: DoctorNet,
  address: string,
  port: number,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new ConnectError('ABORTED', address, port));
    const socket = deps.connect(address, port);
    const fail = (code: string) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.removeAllListeners();
      socket.on('error', () => {});
      socket.destroy();
      reject(new ConnectError(code, address, port));
    };
    const onAbort = () => fail('ABORTED');
    const timer = setTimeout(() => fail('ETIMEDOUT'), timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('error', (error: NodeJS.ErrnoException) => fail(error.code ?? 'ECONNRESET'));
    socket.once('connect', () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.removeAllListeners();
      resolve(socket);
    });
  });
}
