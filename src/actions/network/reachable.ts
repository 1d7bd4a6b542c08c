import { type Message, msg } from '../../i18n/index.js';
import type { ActionContext } from '../types.js';
import { type ProbeError, probe } from './probe.js';

export interface DeadServer {
  server: string;
  code: string;
}

export interface Reachable {
  /** The servers that accepted a connection, in list order. */
  servers: string[];
  dead: DeadServer[];
}

const PROBE_TIMEOUT_MS = 5000;
/** Once one server has answered, how long the others get before the step goes on without them. */
const STRAGGLER_MS = 1000;

/**
 * The servers of a list that accept a TCP connection, as a client library finds them by trying one
 * after another; the dead ones are named in the step's progress. A list of one is not probed: there
 * is nothing to choose, and the client's own error says more. Throws the first server's failure
 * when none answers.
 */
export async function reachableServers(servers: string[], ctx: ActionContext): Promise<Reachable> {
  if (servers.length <= 1) return { servers, dead: [] };
  const stop = new AbortController();
  const signal = AbortSignal.any([ctx.signal, stop.signal]);
  const outcomes: (true | ProbeError | undefined)[] = servers.map(() => undefined);
  let cutOff: NodeJS.Timeout | undefined;
  await new Promise<void>((resolve) => {
    let settled = 0;
    servers.forEach((server, i) => {
      probe(server, PROBE_TIMEOUT_MS, signal)
        .then(
          () => {
            outcomes[i] = true;
            cutOff ??= setTimeout(resolve, STRAGGLER_MS);
          },
          (error: ProbeError) => {
            outcomes[i] = error;
          },
        )
        .finally(() => {
          settled += 1;
          if (settled === servers.length) resolve();
        });
    });
  });
  clearTimeout(cutOff);
  stop.abort();
  ctx.signal.throwIfAborted();
  const alive = servers.filter((_, i) => outcomes[i] === true);
  if (alive.length === 0) throw outcomes.find((o) => o instanceof Error);
  const dead = servers.flatMap((server, i) => {
    const o = outcomes[i];
    if (o === true) return [];
    return [{ server, code: o?.code ?? 'ETIMEDOUT' }];
  });
  for (const d of dead)
    ctx.progress(msg('network.progress.skipped', { server: d.server, code: d.code, using: alive[0] }));
  return { servers: alive, dead };
}

/** The note a step that went on without some servers adds to its result. */
export function unreachableNote(reachable: Reachable, using = reachable.servers.join(', ')): Message[] {
  if (reachable.dead.length === 0) return [];
  const servers = reachable.dead.map((d) => `${d.server} (${d.code})`).join(', ');
  return [msg('network.note.unreachable', { servers, using })];
}
