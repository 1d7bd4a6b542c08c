import type { Localized } from '../i18n/index.js';

/** What a step of a learner's run reported: it began, or how it ended. */
export type StepStatus = 'started' | 'passed' | 'warned' | 'failed' | 'skipped';

export const STEP_STATUSES: readonly StepStatus[] = ['started', 'passed', 'warned', 'failed', 'skipped'];

/**
 * One message on the room's progress topic: a learner joined, or one of their steps started or
 * ended. The publisher puts no secret and no parameter value in it; nothing here needs one.
 */
export type ProgressEvent = JoinedEvent | StepEvent;

export interface JoinedEvent {
  v: 1;
  kind: 'joined';
  room: string;
  learner: string;
  group: string;
  /** ISO time on the learner's machine. */
  at: string;
  version: string;
  tutorial: string;
}

export interface StepEvent {
  v: 1;
  kind: 'step';
  room: string;
  learner: string;
  tutorial: string;
  /** One run of the tutorial; a later run of the same learner replaces an earlier one. */
  run: string;
  step: string;
  status: StepStatus;
  /** The diagnosis code when the step failed. */
  code?: string;
  durationMs?: number;
  at: string;
  version: string;
}

/** The room as `workshop init` wrote it, as far as the board needs it. */
export interface Room {
  id: string;
  name: string;
  tutorial: string;
  steps: { id: string; title: Localized }[];
  /** How many learners are expected: seats nobody has taken yet count as not started. */
  learners?: number;
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/**
 * A message read from the topic, checked. Anything that is not a well-formed progress event gives
 * undefined (the board skips it). Only the known fields are copied, so whatever else a message
 * carries never reaches a screen.
 */
export function parseProgressEvent(value: unknown): ProgressEvent | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const m = value as Record<string, unknown>;
  if (m.v !== 1 || !isText(m.room) || !isText(m.learner) || !isText(m.tutorial)) return undefined;
  if (!isText(m.at) || Number.isNaN(Date.parse(m.at)) || typeof m.version !== 'string') return undefined;
  const base = { v: 1 as const, room: m.room, learner: m.learner, tutorial: m.tutorial, at: m.at };
  if (m.kind === 'joined') {
    if (typeof m.group !== 'string') return undefined;
    return { ...base, kind: 'joined', group: m.group, version: m.version };
  }
  if (m.kind !== 'step' || !isText(m.run) || !isText(m.step)) return undefined;
  if (!STEP_STATUSES.includes(m.status as StepStatus)) return undefined;
  const event: StepEvent = {
    ...base,
    kind: 'step',
    run: m.run,
    step: m.step,
    status: m.status as StepStatus,
    version: m.version,
  };
  if (isText(m.code)) event.code = m.code;
  if (typeof m.durationMs === 'number' && Number.isFinite(m.durationMs) && m.durationMs >= 0)
    event.durationMs = m.durationMs;
  return event;
}
