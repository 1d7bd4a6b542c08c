import { isSecretKey, SECRET_KEYS } from '../../engine/secrets.js';
import { type Lang, type MessageKey, t } from '../../i18n/index.js';
import { ProfileStore } from '../../profile/store.js';
import { BrokerStartError } from '../../sandbox/errors.js';
import { KeytoolError } from '../../sandbox/kafka/certs.js';
import { KAFKA } from '../../sandbox/kafka/config.js';
import { MavenError } from '../../sandbox/maven.js';
import { exportLines } from '../../sandbox/params.js';
import { SandboxPrerequisiteError } from '../../sandbox/prerequisites.js';
import { ROCKETMQ } from '../../sandbox/rocketmq/config.js';
import {
  type SandboxProgress,
  sandboxConnection,
  sandboxDown,
  sandboxStatus,
  sandboxUp,
} from '../../sandbox/sandbox.js';
import { maskSecret } from '../../util/secrets.js';
import { EXIT, type ExitCode } from '../exit-codes.js';

const NAMES = { kafka: 'Kafka', rocketmq: 'RocketMQ' } as const;

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

const defaultIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

function progressLine(lang: Lang, p: SandboxProgress): string {
  const version = p.broker === 'kafka' ? KAFKA.version : ROCKETMQ.version;
  return t(lang, `sandbox.phase.${p.broker}.${p.phase}` as MessageKey, { version });
}

/** Puts a sandbox failure into one or a few plain lines; returns undefined when it is not one of ours. */
export function sandboxErrorText(lang: Lang, error: unknown): string | undefined {
  if (error instanceof SandboxPrerequisiteError) {
    return t(lang, `sandbox.error.${error.reason}` as MessageKey, error.detail);
  }
  if (error instanceof MavenError) return t(lang, 'sandbox.error.maven', { detail: error.output });
  if (error instanceof KeytoolError) return t(lang, 'sandbox.error.keytool', { detail: error.output.trim() });
  if (error instanceof BrokerStartError) {
    return t(lang, 'sandbox.error.start', {
      broker: error.broker,
      log: error.logFile,
      detail: error.logTail,
    });
  }
  return undefined;
}

export async function up(lang: Lang, io: Io = defaultIo, signal?: AbortSignal): Promise<ExitCode> {
  try {
    const result = await sandboxUp({ signal, onProgress: (p) => io.err(progressLine(lang, p)) });
    for (const broker of ['kafka', 'rocketmq'] as const) {
      const r = result[broker];
      io.out(
        t(lang, r.alreadyRunning ? 'sandbox.up.alreadyRunning' : 'sandbox.up.started', {
          broker: NAMES[broker],
          pid: r.pid,
        }),
      );
    }
    io.out(
      t(lang, 'sandbox.up.done', { seconds: (result.durationMs / 1000).toFixed(1), dir: result.stateDir }),
    );
    recordSandboxProfile();
    printParams(lang, io);
    io.out(t(lang, 'sandbox.params.next'));
    return EXIT.ok;
  } catch (error) {
    const text = sandboxErrorText(lang, error);
    if (text === undefined) throw error;
    io.err(text);
    return error instanceof SandboxPrerequisiteError ? EXIT.usage : EXIT.stepFailed;
  }
}

/**
 * The `sandbox` profile holds the sandbox's connection parameters (secrets stay in the sandbox's own
 * state folder). Values the user has changed in that profile are left as they are.
 */
function recordSandboxProfile(): void {
  const connection = sandboxConnection();
  if (!connection) return;
  const store = new ProfileStore();
  for (const [tutorial, bag] of Object.entries(connection.params)) {
    const saved = store.peek('sandbox', tutorial)?.params ?? {};
    const missing = Object.entries(bag).filter(([key]) => !isSecretKey(key) && saved[key] === undefined);
    if (missing.length > 0) store.saveParams('sandbox', tutorial, Object.fromEntries(missing));
  }
}

function printParams(lang: Lang, io: Io): void {
  const connection = sandboxConnection();
  if (!connection) return;
  io.out(t(lang, 'sandbox.params.heading'));
  for (const [tutorial, bag] of Object.entries(connection.params)) {
    io.out(`  ${tutorial}:`);
    for (const [key, value] of Object.entries(bag)) {
      io.out(`    ${key} = ${SECRET_KEYS.has(key) ? maskSecret(value) : value}`);
    }
  }
}

export async function down(lang: Lang, io: Io = defaultIo): Promise<ExitCode> {
  const result = await sandboxDown();
  for (const broker of ['rocketmq', 'kafka'] as const) {
    io.out(
      t(lang, result[broker] ? 'sandbox.down.stopped' : 'sandbox.down.notRunning', { broker: NAMES[broker] }),
    );
  }
  io.out(t(lang, 'sandbox.down.dataKept', { dir: sandboxStatus().stateDir }));
  return EXIT.ok;
}

export function status(lang: Lang, io: Io = defaultIo): ExitCode {
  const s = sandboxStatus();
  for (const b of s.brokers) {
    const ports = b.ports.map((p) => `${p.name} 127.0.0.1:${p.port}`).join(', ');
    io.out(
      b.running
        ? t(lang, 'sandbox.status.running', { broker: NAMES[b.broker], pid: b.pid, ports })
        : t(lang, 'sandbox.status.stopped', { broker: NAMES[b.broker], ports }),
    );
  }
  io.out(t(lang, 'sandbox.status.dir', { dir: s.stateDir }));
  return EXIT.ok;
}

export function env(lang: Lang, io: Io = defaultIo): ExitCode {
  const connection = sandboxConnection();
  if (!connection) {
    io.err(t(lang, 'sandbox.env.notReady'));
    return EXIT.usage;
  }
  for (const line of exportLines(connection.params)) io.out(line);
  return EXIT.ok;
}

export async function sandboxCommand(args: string[], lang: Lang, signal?: AbortSignal): Promise<ExitCode> {
  switch (args[0]) {
    case 'up':
      return up(lang, defaultIo, signal);
    case 'down':
      return down(lang);
    case 'status':
      return status(lang);
    case 'env':
      return env(lang);
    default:
      defaultIo.err(t(lang, 'sandbox.usage'));
      return EXIT.usage;
  }
}
