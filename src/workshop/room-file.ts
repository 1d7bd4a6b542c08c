import { createHash } from 'node:crypto';
import type { Localized } from '../i18n/index.js';
import type { Room } from './progress.js';

/**
 * How each learner gets a consumer group no one else in the room has: Kafka creates groups on first
 * use, so the name is derived from the room and the learner; a RocketMQ group must exist before it is
 * used, so the room lists groups made beforehand and the order of claims on the broker hands them out.
 */
export type GroupPlan = { kind: 'derived'; prefix: string } | { kind: 'pool'; names: string[] };

/** What `workshop init` writes and `join`, `watch` and `status` read. */
export interface RoomFile {
  v: 1;
  id: string;
  name: string;
  /** A built-in tutorial's id. */
  tutorial: string;
  broker: 'kafka' | 'rocketmq';
  createdAt: string;
  /** Seats expected; the board counts those nobody took as not started. */
  learners: number;
  /** Made on the instructor's sandbox: a learner on the same machine takes its secrets from there. */
  sandbox: boolean;
  /** The tutorial's connection parameters; secrets only when `secretsIncluded`. */
  params: Record<string, string>;
  secretsIncluded: boolean;
  progress: {
    /** One topic (Kafka) or one topic (RocketMQ) that carries the room's claims and progress. */
    topic: string;
    /** RocketMQ: the group the room's history is read in (reads commit nothing). */
    readGroup?: string;
    /** RocketMQ: the name server the progress channel goes through, whatever route the tutorial takes. */
    nameServer?: string;
  };
  groups: GroupPlan;
  steps: { id: string; title: Localized }[];
}

export class RoomFileError extends Error {
  constructor(readonly problem: string) {
    super(`not a room file: ${problem}`);
  }
}

const ROOM_ID = /^[a-z0-9][a-z0-9-]{2,39}$/;
const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isTextRecord = (v: unknown): v is Record<string, string> =>
  typeof v === 'object' && v !== null && Object.values(v).every((x) => typeof x === 'string');

/** A room id from a title: readable, short, and unique enough for one instance's topics and groups. */
export function roomIdFor(name: string, random: string): string {
  const base = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 24)
    .replace(/-+$/, '');
  return `${base || 'room'}-${random
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 6)}`;
}

/**
 * A learner's name as it goes into a group name and decides who is who: ASCII letters and digits
 * kept, lower case; a name with none of them (e.g. 张三) gets a short hash of itself instead.
 */
export function learnerSlug(name: string): string {
  const ascii = name
    .trim()
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32)
    .replace(/-+$/, '');
  if (ascii) return ascii;
  return `l-${createHash('sha256').update(name.trim()).digest('hex').slice(0, 8)}`;
}

/** A learner's name must be something others can read on the board: 1 to 40 visible characters. */
export function learnerNameProblem(name: string): 'empty' | 'too-long' | 'control' | undefined {
  const trimmed = name.trim();
  if (trimmed.length === 0) return 'empty';
  if ([...trimmed].length > 40) return 'too-long';
  if (/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(trimmed)) return 'control';
  return undefined;
}

export function derivedGroup(prefix: string, slug: string): string {
  return `${prefix}${slug}`;
}

/** The board's view of the room. */
export function boardRoom(room: RoomFile): Room {
  return {
    id: room.id,
    name: room.name,
    tutorial: room.tutorial,
    steps: room.steps,
    learners: room.learners,
  };
}

/** A room file as read from disk, checked field by field; anything else is a RoomFileError. */
export function parseRoomFile(text: string): RoomFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new RoomFileError('not JSON');
  }
  if (typeof raw !== 'object' || raw === null) throw new RoomFileError('not an object');
  const r = raw as Record<string, unknown>;
  if (r.v !== 1) throw new RoomFileError('unknown version');
  if (!isText(r.id) || !ROOM_ID.test(r.id)) throw new RoomFileError('id');
  if (!isText(r.name) || !isText(r.tutorial) || !isText(r.createdAt)) throw new RoomFileError('name');
  if (r.broker !== 'kafka' && r.broker !== 'rocketmq') throw new RoomFileError('broker');
  if (typeof r.learners !== 'number' || !Number.isInteger(r.learners) || r.learners < 1)
    throw new RoomFileError('learners');
  if (!isTextRecord(r.params)) throw new RoomFileError('params');
  const progress = r.progress as RoomFile['progress'] | undefined;
  if (!progress || !isText(progress.topic)) throw new RoomFileError('progress');
  const groups = r.groups as GroupPlan | undefined;
  const groupsOk =
    (groups?.kind === 'derived' && isText(groups.prefix)) ||
    (groups?.kind === 'pool' && Array.isArray(groups.names) && groups.names.every(isText));
  if (!groupsOk) throw new RoomFileError('groups');
  const steps = r.steps as RoomFile['steps'] | undefined;
  if (!Array.isArray(steps) || steps.length === 0 || !steps.every((s) => isText(s?.id)))
    throw new RoomFileError('steps');
  return {
    v: 1,
    id: r.id,
    name: r.name,
    tutorial: r.tutorial,
    broker: r.broker,
    createdAt: r.createdAt,
    learners: r.learners,
    sandbox: r.sandbox === true,
    params: r.params,
    secretsIncluded: r.secretsIncluded === true,
    progress: {
      topic: progress.topic,
      ...(isText(progress.readGroup) ? { readGroup: progress.readGroup } : {}),
      ...(isText(progress.nameServer) ? { nameServer: progress.nameServer } : {}),
    },
    groups: groups as GroupPlan,
    steps: steps.map((s) => ({
      id: s.id,
      title: { en: String(s.title?.en ?? s.id), zh: String(s.title?.zh ?? s.id) },
    })),
  };
}
