import type { Evidence, Probe, Verdict } from '../types.js';
import type { Rule } from './finding.js';

export type { Verdict } from '../types.js';

/**
 * The first rule that finds something is the verdict; the ones after it that also find something
 * are listed as what else is wrong. With none, the connection is healthy, and the evidence is
 * every hop with its latency.
 */
export function verdictOf(
  probes: readonly Probe[],
  rules: readonly Rule[],
  healthyEvidence: (probes: readonly Probe[]) => Evidence[],
): Verdict {
  const found = rules.map((rule) => rule(probes)).filter((f) => f !== undefined);
  const [first, ...rest] = found;
  if (!first) return { code: 'HEALTHY', values: {}, evidence: healthyEvidence(probes), also: [] };
  const also = rest
    .filter((f) => f.code !== first.code && f.code !== 'INCONCLUSIVE')
    .map((f) => ({ code: f.code, values: f.values }));
  return { code: first.code, values: first.values, evidence: first.evidence, also };
}
