import { javaStringHashCode } from './java-hash.js';

export const SUB_ALL = '*';

/** SubscriptionData as brokers read it from a heartbeat (FilterAPI.buildSubscriptionData). */
export interface Subscription {
  topic: string;
  subString: string;
  tagsSet: string[];
  codeSet: number[];
  expressionType: 'TAG';
  subVersion: number;
  classFilterMode: false;
}

/**
 * A tag expression (`*`, `TagA`, `TagA || TagB`) as the Java client reads it: split on `||`, each tag
 * trimmed, empty ones dropped; the broker filters by the tags' Java hash codes.
 */
export function buildSubscription(
  topic: string,
  expression: string | undefined,
  subVersion = Date.now(),
): Subscription {
  const base = { topic, expressionType: 'TAG' as const, subVersion, classFilterMode: false as const };
  const text = expression?.trim() ?? '';
  if (text === '' || text === SUB_ALL) return { ...base, subString: SUB_ALL, tagsSet: [], codeSet: [] };
  const tags = [
    ...new Set(
      text
        .split('||')
        .map((t) => t.trim())
        .filter((t) => t.length > 0),
    ),
  ];
  return {
    ...base,
    subString: expression ?? '',
    tagsSet: tags,
    codeSet: [...new Set(tags.map(javaStringHashCode))],
  };
}

/** Whether a message with `tag` passes the subscription; the client checks this after the broker's hash filter. */
export function matchesSubscription(subscription: Subscription, tag: string | undefined): boolean {
  if (subscription.tagsSet.length === 0) return true;
  return tag !== undefined && subscription.tagsSet.includes(tag);
}
