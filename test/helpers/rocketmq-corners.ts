import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { RemotingConnection } from '../../src/remoting/connection.js';
import { registerBroker, registeredBrokers } from '../../src/remoting/nameserver.js';
import { classpathFile, homeDir, rocketmqDir } from '../../src/sandbox/rocketmq/admin.js';
import { jvmFlags, namesrvProperties, ROCKETMQ } from '../../src/sandbox/rocketmq/config.js';
import { SANDBOX_DIR } from './env.js';

export interface FakeBroker {
  brokerName: string;
  close(): void;
}

/**
 * Registers with the sandbox's real name server a broker that is not there: it "holds" `topic` at
 * `address` (a port on loopback that never answers), as a cloud name server hands out a broker
 * address that is private to the cluster's network. Only that topic's route is affected; the name
 * server forgets the broker as soon as `close()` drops the connection.
 */
export async function registerUnreachableBroker(topic: string, address: string): Promise<FakeBroker> {
  const brokerName = `broker-unreachable-${process.pid}`;
  const connection = await RemotingConnection.open('127.0.0.1', ROCKETMQ.namesrvPort);
  try {
    await registerBroker(connection, {
      brokerName,
      clusterName: 'UnreachableCluster',
      address,
      topics: [topic],
    });
  } catch (error) {
    connection.close();
    throw error;
  }
  return { brokerName, close: () => connection.close() };
}

export interface EmptyNameServer {
  address: string;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A real RocketMQ name server (the sandbox's jars) with no broker registered: it routes nothing. */
export async function emptyNameServer(): Promise<EmptyNameServer> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mqt-namesrv-'));
  const properties = path.join(dir, 'namesrv.properties');
  writeFileSync(properties, namesrvProperties(path.join(dir, 'data'), port));
  const classpath = readFileSync(classpathFile(SANDBOX_DIR), 'utf8').trim();
  const logback = path.join(rocketmqDir(SANDBOX_DIR), 'logback.xml');
  const child: ChildProcess = spawn(
    'java',
    [
      '-Xms64m',
      '-Xmx128m',
      ...jvmFlags(homeDir(SANDBOX_DIR), path.join(dir, 'logs'), logback, 'namesrv'),
      '-cp',
      classpath,
      'org.apache.rocketmq.namesrv.NamesrvStartup',
      '-c',
      properties,
    ],
    { cwd: dir, stdio: 'ignore', env: { ...process.env, ROCKETMQ_HOME: homeDir(SANDBOX_DIR) } },
  );
  const address = `127.0.0.1:${port}`;
  const close = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await registeredBrokers({ nameServers: address, connectTimeoutMs: 500, timeoutMs: 1000 });
      return { address, close };
    } catch (error) {
      if (Date.now() > deadline || child.exitCode !== null) {
        await close();
        throw new Error(`the empty name server did not start: ${String(error)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
