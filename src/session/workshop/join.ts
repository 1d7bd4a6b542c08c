import { randomBytes } from 'node:crypto';
import type { ProgressChannel } from '../../actions/progress/channel.js';
import type { DiagnosisCode } from '../../diagnosis/catalog.js';
import { envVarName } from '../../engine/params.js';
import { secretParamIds } from '../../engine/secrets.js';
import { type Lang, t } from '../../i18n/index.js';
import { packageVersion } from '../../util/version.js';
import { sleep } from '../../util/wait.js';
import { type ClaimEvent, parseClaim, type Seat, seatOf } from '../../workshop/claims.js';
import { derivedGroup, learnerNameProblem, learnerSlug, type RoomFile } from '../../workshop/room-file.js';
import { SessionError } from '../errors.js';
import { openStore } from '../open.js';
import { openTutorial } from '../tutorials.js';
import { channelFailure, channelFailureText } from './channel-words.js';
import { ProgressPublisher } from './publisher.js';
import { roomChannel, roomSecrets } from './room-channel.js';
import { readRoom } from './room-io.js';
import { readSeat, saveSeat } from './seat.js';

export interface JoinRequest {
  file: string;
  name: string;
  lang: Lang;
  signal: AbortSignal;
  env: NodeJS.ProcessEnv;
  /** Asks the learner for a secret the room lacks; undefined when no one can be asked (no terminal). */
  askSecret?: (param: string) => Promise<string | undefined>;
  /** Told once, in words, when progress cannot be published: the tutorial goes on. */
  onPublishFailure: (text: string) => void;
  /** The room's topic; the broker's own unless a test gives another. */
  openChannel?: typeof roomChannel;
  /** How long the claim may take to come back (CLAIM_SEEN_MS unless a test is short of time). */
  claimWaitMs?: number;
}

export interface Joined {
  room: RoomFile;
  learner: string;
  group: string;
  /** The learner's own profile for this room. */
  profile: string;
  /** The room's parameters and the learner's group, as given values of the session. */
  set: Record<string, string>;
  /** The environment, with the secrets the room or the sandbox supplied where it had none. */
  env: NodeJS.ProcessEnv;
  publisher: ProgressPublisher;
}

/**
 * How long a claim may take to come back. A room of thirty starting at once on a small machine was
 * seen to need more than 15 s; an answer in a second is the usual case.
 */
const CLAIM_SEEN_MS = 45_000;

/** The parameter of a tutorial that names the consumer group (and the producer group, for RocketMQ). */
function groupParams(room: RoomFile): string[] {
  return room.broker === 'kafka' ? ['groupId'] : ['group', 'producerGroup'];
}

/**
 * What the room's topic may answer for a moment and not the next: a busy broker, a late answer, a
 * dropped connection, something unexpected. The claim is written and read once more after these;
 * a refusal (keys, permissions, a missing topic) or an unknown address is said at once.
 */
const PASSING = new Set<DiagnosisCode>([
  'UNEXPECTED',
  'RMQ_BROKER_BUSY',
  'RMQ_TIMEOUT',
  'CONNECTION_DROPPED',
  'CONNECTION_TIMEOUT',
]);
const CLAIM_TRIES = 2;
const CLAIM_PAUSE_MS = 1000;

/** The claim written to the room and read back; written again (harmless: the first one counts) after a passing failure. */
async function claimSeat(
  channel: ProgressChannel,
  event: ClaimEvent,
  room: RoomFile,
  signal: AbortSignal,
  waitMs: number,
): Promise<Seat> {
  for (let attempt = 1; ; attempt++) {
    try {
      await channel.publish(event, signal);
      return await waitForSeat(channel, room, event.claim, signal, waitMs);
    } catch (error) {
      const passing = PASSING.has(channelFailure(error, room, 'en').diagnosis);
      if (attempt >= CLAIM_TRIES || signal.aborted || !passing) throw error;
      await sleep(CLAIM_PAUSE_MS, signal);
    }
  }
}

/** Reads the room until our claim comes back, and says where it stands. */
async function waitForSeat(
  channel: ProgressChannel,
  room: RoomFile,
  claim: string,
  signal: AbortSignal,
  waitMs: number,
): Promise<Seat> {
  const reading = new AbortController();
  const stop = () => reading.abort();
  signal.addEventListener('abort', stop, { once: true });
  const timer = setTimeout(stop, waitMs);
  const claims: ClaimEvent[] = [];
  const seats = room.groups.kind === 'pool' ? room.groups.names.length : undefined;
  try {
    for await (const message of channel.follow(reading.signal)) {
      const c = parseClaim(message);
      if (!c) continue;
      claims.push(c);
      const seat = seatOf(claims, room.id, claim, seats);
      if (seat.kind !== 'unseen') return seat;
    }
    return { kind: 'unseen' };
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', stop);
    reading.abort();
  }
}

/**
 * `mq-tutor join`: the room file read, the learner's name checked and claimed on the room's topic
 * (the first claim of a name wins it; the order of claims hands out a RocketMQ room's groups), the
 * learner's group chosen, and what the run needs to start: the profile, the given values, the
 * secrets, and the publisher of the learner's progress.
 */
export async function joinRoom(request: JoinRequest): Promise<Joined> {
  const { lang, signal, env } = request;
  const room = readRoom(request.file);
  const name = request.name.trim();
  const problem = learnerNameProblem(name);
  if (problem)
    throw new SessionError('LEARNER_NAME', 'room.name.bad', { name }, undefined, {
      problem: [`room.name.${problem}`, {}],
    });
  const slug = learnerSlug(name);
  const tutorial = openTutorial(room.tutorial, env);
  const secrets = roomSecrets(room, tutorial, env);
  for (const id of secretParamIds(tutorial)) {
    if (secrets[id]) continue;
    const typed = await request.askSecret?.(id);
    if (!typed)
      throw new SessionError('ROOM_SECRET', 'room.needSecret', {
        param: id,
        env: envVarName(id),
        file: request.file,
        name,
      });
    secrets[id] = typed;
  }
  const channel = (request.openChannel ?? roomChannel)(room, { ...room.params, ...secrets });
  const waitMs = request.claimWaitMs ?? CLAIM_SEEN_MS;
  const store = openStore(env, { writable: true });
  const saved = readSeat(store, room.id, slug);
  const claim = saved?.claim ?? randomBytes(8).toString('hex');
  const version = packageVersion();
  const at = () => new Date().toISOString();
  // Said once, whichever message fails first: the claim or a later step's progress.
  let told = false;
  const tell = (text: string) => {
    if (told) return;
    told = true;
    request.onPublishFailure(text);
  };
  let group: string;
  try {
    const claimEvent: ClaimEvent = {
      v: 1,
      kind: 'claim',
      room: room.id,
      learner: name,
      slug,
      claim,
      at: at(),
      version,
    };
    const seat = await claimSeat(channel, claimEvent, room, signal, waitMs);
    signal.throwIfAborted();
    if (seat.kind === 'taken')
      throw new SessionError('NAME_TAKEN', 'room.name.taken', { name, room: room.name, by: seat.by });
    if (seat.kind === 'full')
      throw new SessionError('ROOM_FULL', 'room.full', { room: room.name, seats: seat.seats });
    const seconds = Math.round(waitMs / 1000);
    if (room.groups.kind === 'derived') {
      // A Kafka learner's group is theirs by name: the tutorial need not wait for a slow room.
      if (seat.kind === 'unseen') tell(t(lang, 'room.claimLate', { seconds }));
      group = derivedGroup(room.groups.prefix, slug);
    } else if (seat.kind === 'seat') group = room.groups.names[seat.index] as string;
    else throw new SessionError('ROOM_CHANNEL', 'room.claimUnseen', { seconds });
  } catch (error) {
    if (error instanceof SessionError || signal.aborted) {
      await channel.close();
      throw error;
    }
    // The room cannot be read or written. A Kafka learner's group is theirs by name, so the
    // tutorial can go on unseen by the board; a RocketMQ learner needs the room to get a group.
    const failure = channelFailure(error, room, lang, Object.values(secrets));
    const reason = failure.reason;
    if (room.groups.kind === 'pool' && !saved) {
      await channel.close();
      throw new SessionError('ROOM_CHANNEL', 'room.channelFailed', {
        topic: room.progress.topic,
        reason,
        diagnosis: failure.diagnosis,
        cause: failure.cause,
      });
    }
    tell(reason);
    group = saved?.group ?? derivedGroup((room.groups as { prefix: string }).prefix, slug);
  }
  saveSeat(store, room.id, slug, { claim, group });
  const publisher = new ProgressPublisher({
    channel,
    room: room.id,
    learner: name,
    tutorial: room.tutorial,
    onFirstFailure: (error) => tell(channelFailureText(error, room, lang)),
  });
  publisher.send({
    v: 1,
    kind: 'joined',
    room: room.id,
    learner: name,
    group,
    at: at(),
    version,
    tutorial: room.tutorial,
  });

  const set: Record<string, string> = {};
  const secretIds = new Set(secretParamIds(tutorial));
  for (const [key, value] of Object.entries(room.params))
    if (!secretIds.has(key) && key in tutorial.params) set[key] = value;
  for (const key of groupParams(room)) if (key in tutorial.params) set[key] = group;
  const withSecrets: NodeJS.ProcessEnv = { ...env };
  for (const [id, value] of Object.entries(secrets)) withSecrets[envVarName(id)] ??= value;
  return {
    room,
    learner: name,
    group,
    profile: `${room.id.slice(0, 30)}-${slug.slice(0, 32)}`,
    set,
    env: withSecrets,
    publisher,
  };
}
