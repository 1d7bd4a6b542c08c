import { statSync } from 'node:fs';
import { isSecretParam as isSecretDef } from '../engine/secrets.js';
import type { Tutorial } from '../engine/types.js';
import { maskSecret } from '../util/secrets.js';
import type { ProgressEntry, TutorialState } from './schema.js';

/** `2025-03-01T08:09:10.123Z` as local time `2025-03-01 16:09:10`, as people read it. */
export function localTime(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** A file's permission bits as `0600`, or '' when it is missing. */
export function fileMode(file: string): string {
  try {
    return `0${(statSync(file).mode & 0o777).toString(8)}`;
  } catch {
    return '';
  }
}

export function isSecretParam(tutorial: Tutorial | undefined, key: string): boolean {
  return isSecretDef(tutorial?.params[key]);
}

/** The saved parameters with any secret masked, in the tutorial's own order. */
export function maskedParams(
  tutorial: Tutorial | undefined,
  params: Record<string, string>,
  savedSecrets: Record<string, string> = {},
): [string, string][] {
  const all: Record<string, string> = { ...params, ...savedSecrets };
  const order = tutorial ? Object.keys(tutorial.params) : [];
  const keys = [...order.filter((k) => k in all), ...Object.keys(all).filter((k) => !order.includes(k))];
  // A value from the secrets file is a secret even when the tutorial's definition is not at hand.
  const secret = (k: string) => isSecretParam(tutorial, k) || k in savedSecrets;
  return keys.map((k) => [k, secret(k) ? maskSecret(all[k]) : (all[k] ?? '')]);
}

/** Steps that passed (or passed with a warning), counted in the tutorial's steps. */
export function passedSteps(tutorial: Tutorial | undefined, state: TutorialState): number {
  const ids = tutorial ? tutorial.steps.map((s) => s.id) : Object.keys(state.progress);
  return ids.filter((id) => {
    const status = state.progress[id]?.status;
    return status === 'passed' || status === 'warned';
  }).length;
}

/** Progress entries in step order (the tutorial's first, then any the tutorial no longer has). */
export function orderedProgress(
  tutorial: Tutorial | undefined,
  state: TutorialState,
): [string, ProgressEntry][] {
  const order = tutorial ? tutorial.steps.map((s) => s.id) : [];
  const ids = [
    ...order.filter((id) => id in state.progress),
    ...Object.keys(state.progress).filter((id) => !order.includes(id)),
  ];
  return ids.map((id) => [id, state.progress[id] as ProgressEntry]);
}
