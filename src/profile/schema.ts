import type { StepResult } from '../engine/types.js';

export interface ProgressEntry {
  status: StepResult['status'];
  at: string;
  durationMs: number;
  details?: Record<string, unknown>;
  diagnosis?: StepResult['diagnosis'];
  skipReason?: StepResult['skipReason'];
}

export interface LastRun {
  runId: string;
  startedAt: string;
  /** Absent while the run is going on, or when it was cut off (kill, crash, closed terminal). */
  finishedAt?: string;
  interrupted?: boolean;
  lang: string;
  mode: string;
  /** The tutorial's folder, when it came from outside the package (`mq-tutor run <folder>`). */
  tutorialDir?: string;
  environment: Record<string, string>;
  /** The values the run used, secrets left out (they appear in `paramSources` only). */
  params?: Record<string, string>;
  /** Where each value came from: set, env, profile, sandbox or default. */
  paramSources?: Record<string, string>;
}

export interface TutorialState {
  params: Record<string, string>;
  progress: Record<string, ProgressEntry>;
  lastRun?: LastRun;
}

export interface ProfileData {
  version: 1;
  tutorials: Record<string, TutorialState>;
}

export function emptyProfile(): ProfileData {
  return { version: 1, tutorials: {} };
}

const stringMap = { type: 'object', additionalProperties: { type: 'string' } } as const;

/** JSON Schema of a profile file, checked by conf on every read and write. */
export const PROFILE_SCHEMA = {
  version: { type: 'number', const: 1 },
  tutorials: {
    type: 'object',
    additionalProperties: {
      type: 'object',
      required: ['params', 'progress'],
      properties: {
        params: stringMap,
        progress: {
          type: 'object',
          additionalProperties: {
            type: 'object',
            required: ['status', 'at', 'durationMs'],
            properties: {
              status: { enum: ['passed', 'failed', 'skipped', 'warned'] },
              at: { type: 'string' },
              durationMs: { type: 'number' },
              details: { type: 'object' },
              diagnosis: { type: 'object' },
              skipReason: { type: 'string' },
            },
          },
        },
        lastRun: {
          type: 'object',
          required: ['runId', 'startedAt'],
          properties: {
            runId: { type: 'string' },
            startedAt: { type: 'string' },
            finishedAt: { type: 'string' },
            interrupted: { type: 'boolean' },
            lang: { type: 'string' },
            mode: { type: 'string' },
            tutorialDir: { type: 'string' },
            environment: stringMap,
            params: stringMap,
            paramSources: stringMap,
          },
        },
      },
    },
  },
} as const;

export const SECRETS_SCHEMA = {
  tutorials: { type: 'object', additionalProperties: stringMap },
} as const;
