import { randomBytes } from 'node:crypto';
import { endpointList } from '../../actions/rocketmq/endpoints.js';
import { speaksAt } from '../../actions/rocketmq/route.js';
import { envVarName } from '../../engine/params.js';
import { secretParamIds } from '../../engine/secrets.js';
import type { Tutorial } from '../../engine/types.js';
import { type Lang, render, t } from '../../i18n/index.js';
import { fullName, normalize } from '../../naming/tdmq.js';
import { provisionKafkaRoom } from '../../sandbox/kafka/room.js';
import { sandboxNameServerFor } from '../../sandbox/params.js';
import { provisionRocketmqRoom } from '../../sandbox/rocketmq/room.js';
import { sandboxConnection } from '../../sandbox/sandbox.js';
import { parseAddressList } from '../../util/addresses.js';
import { type GroupPlan, type RoomFile, roomIdFor } from '../../workshop/room-file.js';
import { SessionError } from '../errors.js';
import { openSession } from '../open.js';
import { writeRoom } from './room-io.js';

export interface InitRequest {
  tutorial: string;
  sandbox: boolean;
  profile?: string;
  set: readonly string[];
  out: string;
  learners: number;
  name?: string;
  includeSecrets: boolean;
  /** RocketMQ: the name server for the room's progress when the tutorial's endpoint is gRPC. */
  nameServer?: string;
  lang: Lang;
  signal: AbortSignal;
  env?: NodeJS.ProcessEnv;
  onSandboxStarting?: (broker: string) => void;
}

export interface InitResult {
  room: RoomFile;
  /** Lines to print: what was written, and what the instructor does next. */
  lines: string[];
}

const GROUP_PARAMS = new Set(['groupId', 'group', 'producerGroup']);
const pad = (n: number) => String(n).padStart(2, '0');

/** The cluster's name server, for the room's progress (which always goes over remoting). */
async function progressNameServer(
  request: InitRequest,
  values: Record<string, string>,
  sandbox: boolean,
): Promise<string> {
  if (request.nameServer) {
    const parsed = parseAddressList(request.nameServer);
    if (!parsed.ok)
      throw new SessionError('ROOM_PARAMS', 'room.init.needNameServer', { endpoints: request.nameServer });
    return parsed.addresses.map((a) => `${a.host}:${a.port}`).join(';');
  }
  const endpoints = values.endpoints ?? '';
  const fromSandbox = sandbox ? sandboxNameServerFor(endpoints) : undefined;
  if (fromSandbox) return fromSandbox;
  const addresses = endpointList(endpoints);
  const first = addresses[0];
  if (values.protocol === 'remoting' && first) return addresses.map((a) => `${a.host}:${a.port}`).join(';');
  if (first && (await speaksAt(first, request.signal).catch(() => 'neither')) === 'remoting')
    return addresses.map((a) => `${a.host}:${a.port}`).join(';');
  throw new SessionError('ROOM_PARAMS', 'room.init.needNameServer', { endpoints });
}

function rocketmqNames(id: string, values: Record<string, string>, learners: number) {
  const { namespace } = normalize(values.namespace ?? '', values.topic ?? '');
  const givenFull = (values.topic ?? '').includes('%');
  // As the tutorial takes them (full when the topic was given full), and as the broker knows them.
  const asGiven = (name: string) => (givenFull ? fullName(namespace, name) : name);
  const pool = Array.from({ length: learners }, (_, i) => `tutorial-${id}-${pad(i + 1)}`);
  return {
    pool: pool.map(asGiven),
    poolOnBroker: pool.map((n) => fullName(namespace, n)),
    topic: fullName(namespace, `tutorial-progress-${id}`),
    readGroup: fullName(namespace, `tutorial-${id}-progress`),
  };
}

/** What the instructor creates in a cloud instance's console, in the order to do it. */
function consoleLines(room: RoomFile, lang: Lang, file: string): string[] {
  const lines = [t(lang, 'room.init.consoleHeading', { file })];
  if (room.groups.kind === 'derived') {
    lines.push(`  ${t(lang, 'room.init.kafka.topic', { topic: room.progress.topic })}`);
    lines.push(
      `  ${t(lang, 'room.init.kafka.acl', {
        user: room.params.username ?? '',
        topic: room.progress.topic,
        tutorialTopic: room.params.topic ?? '',
        prefix: room.groups.prefix,
      })}`,
    );
  } else {
    const names = room.groups.names;
    lines.push(`  ${t(lang, 'room.init.rocketmq.topic', { topic: room.progress.topic })}`);
    lines.push(
      `  ${t(lang, 'room.init.rocketmq.groups', {
        first: names[0] ?? '',
        last: names.at(-1) ?? '',
        count: names.length,
        readGroup: room.progress.readGroup ?? '',
      })}`,
    );
    lines.push(
      `  ${t(lang, 'room.init.rocketmq.acl', { topic: room.progress.topic, tutorialTopic: room.params.topic ?? '' })}`,
    );
  }
  return lines;
}

function checkedValues(tutorial: Tutorial, session: Awaited<ReturnType<typeof openSession>>, lang: Lang) {
  const secrets = new Set(secretParamIds(tutorial));
  const problems = tutorial.steps
    .flatMap((step) => session.problemsFor(step))
    .filter((p, i, all) => !secrets.has(p.param) && all.findIndex((q) => q.param === p.param) === i);
  if (problems.length > 0)
    throw new SessionError(
      'ROOM_PARAMS',
      'room.init.params',
      {},
      [
        t(lang, 'room.init.params'),
        ...problems.map((p) => `  - ${p.param}: ${render(lang, p.message)}`),
      ].join('\n'),
    );
  return { ...session.values };
}

/**
 * `mq-tutor workshop init`: the room's parameters resolved as a run of the tutorial would resolve
 * them (profile, --set, MQ_TUTOR_*, the sandbox), checked, and written to the room file with the
 * progress topic and the learners' groups; on the sandbox those are created too.
 */
export async function initRoom(request: InitRequest): Promise<InitResult> {
  const env = request.env ?? process.env;
  const session = await openSession({
    tutorial: request.tutorial,
    ...(request.profile ? { profile: request.profile } : {}),
    sandbox: request.sandbox,
    set: request.set,
    saveSecrets: false,
    mode: 'yes',
    lang: request.lang,
    signal: request.signal,
    env,
    ...(request.onSandboxStarting ? { onSandboxStarting: request.onSandboxStarting } : {}),
  });
  let values: Record<string, string>;
  const tutorial = session.tutorial;
  try {
    values = checkedValues(tutorial, session, request.lang);
  } finally {
    session.release();
  }
  const sandbox = request.sandbox || session.profile === 'sandbox';
  const broker = tutorial.broker === 'rocketmq' ? 'rocketmq' : 'kafka';
  const name = request.name?.trim() || `${tutorial.id} ${new Date().toISOString().slice(0, 10)}`;
  const id = roomIdFor(name, randomBytes(3).toString('hex'));
  const secrets = new Set(secretParamIds(tutorial));
  const params = Object.fromEntries(
    Object.entries(values).filter(
      ([key, value]) =>
        value !== '' && !GROUP_PARAMS.has(key) && (request.includeSecrets || !secrets.has(key)),
    ),
  );
  let groups: GroupPlan;
  let progress: RoomFile['progress'];
  let poolOnBroker: string[] = [];
  if (broker === 'kafka') {
    groups = { kind: 'derived', prefix: `tutorial-${id}-` };
    progress = { topic: `tutorial-progress-${id}` };
  } else {
    const names = rocketmqNames(id, values, request.learners);
    groups = { kind: 'pool', names: names.pool };
    poolOnBroker = names.poolOnBroker;
    progress = {
      topic: names.topic,
      readGroup: names.readGroup,
      nameServer: await progressNameServer(request, values, sandbox),
    };
  }
  const room: RoomFile = {
    v: 1,
    id,
    name,
    tutorial: tutorial.id,
    broker,
    createdAt: new Date().toISOString(),
    learners: request.learners,
    sandbox,
    params,
    secretsIncluded: request.includeSecrets,
    progress,
    groups,
    steps: tutorial.steps.map((s) => ({ id: s.id, title: s.title })),
  };
  const lines = [
    t(request.lang, 'room.init.room', { name, id, tutorial: tutorial.id, learners: request.learners }),
  ];
  if (sandbox) {
    if (broker === 'kafka') await provisionKafkaRoom(progress.topic);
    else {
      const stateDir = sandboxConnection(env)?.stateDir ?? '';
      await provisionRocketmqRoom(
        stateDir,
        { topic: progress.topic, groups: [...poolOnBroker, progress.readGroup ?? ''] },
        request.signal,
      );
    }
    lines.push(t(request.lang, 'room.init.provisioned', { topic: progress.topic }));
  }
  writeRoom(request.out, room);
  lines.push(t(request.lang, 'room.init.written', { file: request.out }));
  const envs = [...secrets].map(envVarName).join(', ');
  lines.push(
    request.includeSecrets
      ? t(request.lang, 'room.init.secretsWarning')
      : t(request.lang, sandbox ? 'room.init.sandboxSecrets' : 'room.init.noSecrets', { envs }),
  );
  if (!sandbox) lines.push('', ...consoleLines(room, request.lang, request.out));
  lines.push('', t(request.lang, 'room.init.learnersRun', { file: request.out }));
  lines.push(t(request.lang, 'room.init.watch', { file: request.out }));
  return { room, lines };
}
