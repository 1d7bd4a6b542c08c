import type { Evidence, Probe, ProbeKind, VerdictValues } from '../types.js';
import type { VerdictCode } from './codes.js';

/** What one rule concludes: a verdict code, the values its sentence and fix need, and what proved it. */
export interface Finding {
  code: VerdictCode;
  values: VerdictValues;
  evidence: Evidence[];
}

export type Rule = (probes: readonly Probe[]) => Finding | undefined;

export function ev(key: string, values: Record<string, string | number | undefined> = {}): Evidence {
  return {
    key: `doctor.evidence.${key}`,
    values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v ?? ''])),
  };
}

export function finding(
  code: VerdictCode,
  values: Record<string, string | number | undefined>,
  evidence: Evidence[],
): Finding {
  return {
    code,
    values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v ?? ''])),
    evidence,
  };
}

export function ofKind<K extends ProbeKind>(
  probes: readonly Probe[],
  kind: K,
): Extract<Probe, { kind: K }>[] {
  return probes.filter((p): p is Extract<Probe, { kind: K }> => p.kind === kind);
}

export function firstOf<K extends ProbeKind>(
  probes: readonly Probe[],
  kind: K,
): Extract<Probe, { kind: K }> | undefined {
  return ofKind(probes, kind)[0];
}
