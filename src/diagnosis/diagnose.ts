import type { CodedDiagnosis } from './catalog.js';
import { errorChain } from './chain.js';
import { kafkaRules } from './rules/kafka.js';
import { localRules } from './rules/local.js';
import { netRules } from './rules/net.js';
import { remotingRules } from './rules/remoting.js';
import { rocketmqRules } from './rules/rocketmq.js';
import type { DiagnoseContext, Rule } from './rules/rule.js';

export type { DiagnoseContext } from './rules/rule.js';

/** Most specific first: a product's own error beats the network error it wraps. */
const RULES: readonly Rule[] = [
  ...localRules,
  ...remotingRules,
  ...kafkaRules,
  ...rocketmqRules,
  ...netRules,
];

function causeText(error: unknown): string {
  const chain = errorChain(error);
  return chain
    .map((e) => String(e.message ?? ''))
    .filter((m, i, all) => m && all.indexOf(m) === i)
    .join(' ← ')
    .slice(0, 500);
}

/** Turns an error from a live step into a diagnosis code and the values its text needs. */
export function diagnose(error: unknown, context: DiagnoseContext): CodedDiagnosis {
  const chain = errorChain(error);
  for (const rule of RULES) {
    const hit = rule(chain, context);
    if (hit) return { ...hit, cause: causeText(error) };
  }
  if (context.timedOut)
    return { code: 'STEP_TIMEOUT', values: { seconds: context.timeoutSeconds }, cause: causeText(error) };
  return { code: 'UNEXPECTED', cause: causeText(error) };
}
