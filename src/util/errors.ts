/** The error and the errors it wraps (kafkajs's originalError, the standard cause), outermost first. */
export function errorChain(error: unknown): Record<string, unknown>[] {
  const chain: Record<string, unknown>[] = [];
  let current: unknown = error;
  while (current && typeof current === 'object' && chain.length < 8) {
    const record = current as Record<string, unknown>;
    if (chain.includes(record)) break;
    chain.push(record);
    current = record.originalError ?? record.cause;
  }
  return chain;
}
