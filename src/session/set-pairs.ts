import { SessionError } from './errors.js';

/** `--set key=value` pairs; the value may itself contain `=`. */
export function parseSetPairs(pairs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new SessionError('BAD_SET', 'cli.badValue', { detail: `--set ${pair}` });
    out[pair.slice(0, at).trim()] = pair.slice(at + 1);
  }
  return out;
}
