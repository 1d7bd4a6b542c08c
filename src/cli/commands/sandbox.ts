import { type Lang, type MessageKey, t } from '../../i18n/index.js';
import { ProfileStore } from '../../profile/store.js';
import { sandboxCorners } from '../../sandbox/corners.js';
import { KAFKA } from '../../sandbox/kafka/config.js';
import { exportLines, SANDBOX_BROKERS } from '../../sandbox/params.js';
import { SandboxPrerequisiteError } from '../../sandbox/prerequisites.js';
import { ROCKETMQ } from '../../sandbox/rocketmq/config.js';
import {
  type SandboxProgress,
  sandboxConnection,
  sandboxDown,
  sandboxStatus,
  sandboxUp,
} from '../../sandbox/sandbox.js';
import { allSecretValues } from '../../sandbox/state.js';
import { EXIT, type ExitCode } from '../../session/exit-codes.js';
import { sandboxErrorText } from '../../session/sandbox-errors.js';
import { listeningOf } from '../../util/listening.js';
import { maskSecret } from '../../util/secrets.js';
import { type Output, stderrLine } from '../output.js';

const NAMES = { kafka: 'Kafka', rocketmq: 'RocketMQ' } as const;

function progressLine(lang: Lang, p: SandboxProgress): string {
  const version = p.broker === 'kafka' ? KAFKA.version : ROCKETMQ.version;
  return t(lang, `sandbox.phase.${p.broker}.${p.phase}` as MessageKey, { version });
}

export async function up(lang: Lang, output: Output, signal?: AbortSignal): Promise<ExitCode> {
  try {
    const result = await sandboxUp({ signal, onProgress: (p) => stderrLine(progressLine(lang, p)) });
    for (const broker of SANDBOX_BROKERS) {
      const r = result[broker];
      output.line(
        t(lang, r.alreadyRunning ? 'sandbox.up.alreadyRunning' : 'sandbox.up.started', {
          broker: NAMES[broker],
          pid: r.pid,
        }),
      );
    }
    output.line(
      t(lang, 'sandbox.up.done', { seconds: (result.durationMs / 1000).toFixed(1), dir: result.stateDir }),
    );
    createSandboxProfile();
    printParams(lang, output);
    output.line(t(lang, 'sandbox.params.next'));
    output.line(t(lang, 'sandbox.params.nameServer'));
    return EXIT.ok;
  } catch (error) {
    const text = sandboxErrorText(lang, error);
    if (text === undefined) throw error;
    stderrLine(text);
    return error instanceof SandboxPrerequisiteError ? EXIT.usage : EXIT.stepFailed;
  }
}

/**
 * The `sandbox` profile: it holds no connection values of its own (those come from the sandbox
 * itself whenever the profile is used, so a choice such as SASL_PLAINTEXT gets the matching port),
 * only what the learner changes in it.
 */
function createSandboxProfile(): void {
  new ProfileStore().touch('sandbox');
}

function printParams(lang: Lang, output: Output): void {
  const connection = sandboxConnection();
  if (!connection) return;
  const secrets = new Set(allSecretValues(connection.secrets));
  output.line(t(lang, 'sandbox.params.heading'));
  for (const [broker, sets] of Object.entries(connection.sets)) {
    for (const [i, bag] of (sets ?? []).entries()) {
      const [choice, chosen] = Object.entries(bag)[0] ?? ['', ''];
      const or = i > 0 ? ` (${t(lang, 'sandbox.params.or', { set: `--set ${choice}=${chosen}` })})` : '';
      output.line(`  ${NAMES[broker as keyof typeof NAMES]}${or}:`);
      for (const [key, value] of Object.entries(bag))
        output.line(`    ${key} = ${secrets.has(value) ? maskSecret(value) : value}`);
    }
  }
}

export async function down(lang: Lang, output: Output): Promise<ExitCode> {
  const result = await sandboxDown();
  for (const broker of ['rocketmq', 'kafka'] as const) {
    output.line(
      t(lang, result[broker] ? 'sandbox.down.stopped' : 'sandbox.down.notRunning', { broker: NAMES[broker] }),
    );
  }
  output.line(t(lang, 'sandbox.down.dataKept', { dir: sandboxStatus().stateDir }));
  return EXIT.ok;
}

/** Each port with the address it is really bound to (read from the system while running). */
export function status(lang: Lang, output: Output): ExitCode {
  const s = sandboxStatus();
  for (const b of s.brokers) {
    const named = new Map(b.ports.map((p) => [p.port, p.name]));
    if (!b.running) {
      const ports = b.ports.map((p) => `${p.name} 127.0.0.1:${p.port}`).join(', ');
      output.line(t(lang, 'sandbox.status.stopped', { broker: NAMES[b.broker], ports }));
      continue;
    }
    const sockets = b.pids.flatMap((pid) => listeningOf(pid));
    const name = (port: number) => named.get(port) ?? b.otherPortName;
    const ports =
      sockets.length > 0
        ? sockets
            .sort((x, y) => x.port - y.port)
            .map((sk) => `${name(sk.port)} ${sk.address}:${sk.port}`)
            .join(', ')
        : b.ports.map((p) => `${p.name} 127.0.0.1:${p.port}`).join(', ');
    output.line(t(lang, 'sandbox.status.running', { broker: NAMES[b.broker], pid: b.pid, ports }));
    const open = sockets.filter((sk) => sk.address === '*' || sk.address === '::');
    if (open.length > 0)
      output.line(
        t(lang, 'sandbox.status.allInterfaces', {
          ports: open.map((sk) => `${name(sk.port)} ${sk.port}`).join(', '),
          version: b.broker === 'kafka' ? KAFKA.version : ROCKETMQ.version,
        }),
      );
  }
  cornerLines(lang, s.stateDir, output);
  output.line(t(lang, 'sandbox.status.dir', { dir: s.stateDir }));
  return EXIT.ok;
}

function cornerLines(lang: Lang, stateDir: string, output: Output): void {
  output.line(t(lang, 'sandbox.corners.heading'));
  for (const c of sandboxCorners(stateDir)) {
    const [text, inactive] =
      c.corner === 'dead-route'
        ? [t(lang, 'sandbox.corners.deadRoute', c), 'sandbox.corners.inactive.rocketmq' as const]
        : [t(lang, `sandbox.corners.${c.corner}`, c), 'sandbox.corners.inactive.kafka' as const];
    output.line(`  - ${text}`);
    if (!c.active) output.line(`    ${t(lang, inactive)}`);
    else if (c.corner === 'dead-route' && c.pid !== undefined)
      output.line(`    ${t(lang, 'sandbox.corners.holder', { pid: c.pid })}`);
  }
}

export function env(lang: Lang, output: Output): ExitCode {
  const connection = sandboxConnection();
  const bags = SANDBOX_BROKERS.flatMap((broker) => connection?.sets[broker]?.slice(0, 1) ?? []);
  if (!connection || bags.length === 0) {
    stderrLine(t(lang, 'sandbox.env.notReady'));
    return EXIT.usage;
  }
  for (const line of exportLines(bags)) output.line(line);
  // A comment, so that `eval "$(mq-tutor sandbox env)"` still works.
  if (connection.sets.rocketmq) output.line(`# ${t(lang, 'sandbox.params.nameServer')}`);
  return EXIT.ok;
}

export async function sandboxCommand(
  args: string[],
  lang: Lang,
  signal: AbortSignal,
  output: Output,
): Promise<ExitCode> {
  switch (args[0]) {
    case 'up':
      return up(lang, output, signal);
    case 'down':
      return down(lang, output);
    case 'status':
      return status(lang, output);
    case 'env':
      return env(lang, output);
    default:
      stderrLine(t(lang, 'sandbox.usage'));
      return EXIT.usage;
  }
}
