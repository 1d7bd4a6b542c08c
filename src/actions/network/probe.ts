import { lookup } from 'node:dns/promises';
import net from 'node:net';

export interface ProbeResult {
  host: string;
  port: number;
  addresses: string[];
  address: string;
  dnsMs: number;
  tcpMs: number;
}

/** A network probe failure with the stage it failed in, for the diagnosis. */
export class ProbeError extends Error {
  constructor(
    readonly stage: 'dns' | 'tcp',
    readonly code: string,
    readonly host: string,
    readonly port: number,
    message: string,
  ) {
    super(message);
    this.name = 'ProbeError';
  }
}

export function splitHostPort(value: string): { host: string; port: number } {
  const at = value.lastIndexOf(':');
  const host = value.slice(0, at).replace(/^\[(.*)\]$/, '$1');
  return { host, port: Number(value.slice(at + 1)) };
}

/** Resolves the host, then opens (and closes) one TCP connection, timing both. */
export async function probe(target: string, timeoutMs: number, signal: AbortSignal): Promise<ProbeResult> {
  const { host, port } = splitHostPort(target);
  const t0 = performance.now();
  let addresses: string[];
  try {
    addresses = net.isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'ENOTFOUND';
    throw new ProbeError('dns', code, host, port, `cannot resolve ${host}: ${code}`);
  }
  const dnsMs = performance.now() - t0;
  signal.throwIfAborted();
  const address = addresses[0] ?? host;
  const t1 = performance.now();
  await new Promise<void>((resolve, reject) => {
    const socket = net.connect({ host: address, port });
    const fail = (code: string, message: string) => {
      socket.destroy();
      signal.removeEventListener('abort', onAbort);
      reject(new ProbeError('tcp', code, host, port, message));
    };
    const onAbort = () => fail('ABORTED', 'aborted');
    signal.addEventListener('abort', onAbort, { once: true });
    socket.setTimeout(timeoutMs, () =>
      fail('ETIMEDOUT', `no answer from ${host}:${port} within ${timeoutMs} ms`),
    );
    socket.once('error', (error: NodeJS.ErrnoException) => fail(error.code ?? 'ECONNRESET', error.message));
    socket.once('connect', () => {
      signal.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve();
    });
  });
  return { host, port, addresses, address, dnsMs, tcpMs: performance.now() - t1 };
}

/** Sends the HTTP/2 client preface and an empty SETTINGS frame; a gRPC server answers with SETTINGS. */
export function speaksHttp2(host: string, port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (yes: boolean) => {
      socket.destroy();
      resolve(yes);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('close', () => done(false));
    socket.once('connect', () => {
      const preface = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1');
      const settings = Buffer.from([0, 0, 0, 0x04, 0, 0, 0, 0, 0]);
      socket.write(Buffer.concat([preface, settings]));
    });
    socket.once('data', (data: Buffer) => done(data.length >= 9 && data[3] === 0x04));
  });
}
