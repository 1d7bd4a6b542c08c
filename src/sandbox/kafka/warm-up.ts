import { readFileSync } from 'node:fs';
import tls from 'node:tls';

const HANDSHAKES = 60;
const AT_ONCE = 4;
const EACH_MS = 5000;

function handshake(port: number, ca: Buffer, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const socket = tls.connect({
      host: '127.0.0.1',
      port,
      ca,
      checkServerIdentity: () => undefined,
      ...(signal ? { signal } : {}),
    });
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve();
    };
    const timer = setTimeout(done, EACH_MS);
    socket.once('secureConnect', done);
    socket.once('error', done);
  });
}

/**
 * A broker just started runs its TLS code interpreted: a handshake took 260 ms at first and about
 * 40 ms for the next ones, against 15 ms once warm, and a room of thirty learners arriving at that
 * moment queued behind one another on the broker's network threads. Sixty handshakes (about a
 * second) bring later ones to 8-10 ms; the rest of the broker's request path stays cold, so this
 * shortens a first room's wait but does not by itself carry one through a starved machine.
 * Failures are ignored: readiness was decided before, this only saves time later.
 */
export async function warmTlsListener(port: number, caPath: string, signal?: AbortSignal): Promise<void> {
  const ca = readFileSync(caPath);
  for (let i = 0; i < HANDSHAKES && !signal?.aborted; i += AT_ONCE)
    await Promise.all(Array.from({ length: AT_ONCE }, () => handshake(port, ca, signal)));
}
