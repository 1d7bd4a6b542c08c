import { existsSync } from 'node:fs';
import path from 'node:path';
import { RemotingConnection } from '../../remoting/connection.js';
import { registerBroker, topicRoute } from '../../remoting/nameserver.js';
import { packageRoot } from '../../util/paths.js';
import { sleep } from '../../util/wait.js';
import { type Daemon, daemon, runningPid, startDaemon, stopDaemon } from '../process.js';
import { rocketmqDir } from './admin.js';
import { ROCKETMQ } from './config.js';

const REREGISTER_MS = 30_000;

export function deadRouteDaemon(stateDir: string): Daemon {
  return daemon(rocketmqDir(stateDir), 'dead-route');
}

/** The bundled entry that holds the registration (built with the CLI). */
function holderScript(): string {
  return path.join(packageRoot(), 'dist', 'sandbox-dead-route.js');
}

/** The broker that is not there, holding the one topic whose route leads nowhere. */
const register = (connection: RemotingConnection) =>
  registerBroker(connection, {
    brokerName: ROCKETMQ.deadRouteBroker,
    clusterName: 'DeadRouteCluster',
    address: ROCKETMQ.deadRouteAddress,
    topics: [ROCKETMQ.deadRouteTopic],
  });

/**
 * Keeps the dead broker registered with the sandbox's name server until `signal` aborts: the name
 * server forgets a broker whose connection closes or that stops registering, so this holds the
 * connection, registers again every 30 s, and starts over when the name server restarts.
 */
export async function holdDeadRoute(signal: AbortSignal, port: number = ROCKETMQ.namesrvPort): Promise<void> {
  const aborted = new Promise<void>((resolve) =>
    signal.addEventListener('abort', () => resolve(), { once: true }),
  );
  while (!signal.aborted) {
    let connection: RemotingConnection | undefined;
    try {
      connection = await RemotingConnection.open('127.0.0.1', port, { connectTimeoutMs: 2000, signal });
      const open = connection;
      const closed = new Promise<void>((resolve) => open.onClose(() => resolve()));
      while (!signal.aborted && !open.closed) {
        await register(open);
        await Promise.race([sleep(REREGISTER_MS), closed, aborted]);
      }
    } catch {
      // The name server is away (restarting, or the sandbox going down): try again shortly.
    } finally {
      connection?.close();
    }
    if (!signal.aborted) await Promise.race([sleep(2000), aborted]);
  }
}

/** Whether the name server routes the dead-route topic now. */
async function routed(): Promise<boolean> {
  try {
    const { route } = await topicRoute(ROCKETMQ.deadRouteTopic, {
      nameServers: `127.0.0.1:${ROCKETMQ.namesrvPort}`,
      timeoutMs: 1000,
    });
    return route.brokers.some((b) => b.brokerName === ROCKETMQ.deadRouteBroker);
  } catch {
    return false;
  }
}

/**
 * Starts the holder unless it runs, and waits (briefly) for the route to appear. Without a built
 * CLI (tests run from the sources before a build) there is no holder to start, and the corner is
 * left out; `sandbox status` says so.
 */
export async function ensureDeadRoute(stateDir: string): Promise<number | undefined> {
  const d = deadRouteDaemon(stateDir);
  const running = runningPid(d);
  if (running !== undefined) return running;
  const script = holderScript();
  if (!existsSync(script)) return undefined;
  const pid = startDaemon(d, process.execPath, [script, String(ROCKETMQ.namesrvPort)], {
    cwd: rocketmqDir(stateDir),
    markerLast: true,
  });
  for (let i = 0; i < 20 && !(await routed()); i++) await sleep(250);
  return pid;
}

export async function stopDeadRoute(stateDir: string): Promise<boolean> {
  return stopDaemon(deadRouteDaemon(stateDir), 5000);
}

export function deadRoutePid(stateDir: string): number | undefined {
  return runningPid(deadRouteDaemon(stateDir));
}
