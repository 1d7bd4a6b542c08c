import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from './paths.js';

let cached: string | undefined;

/** mq-tutor's own version, from its package.json. */
export function packageVersion(): string {
  if (cached === undefined) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8'));
      cached = String((pkg as { version?: string }).version ?? '');
    } catch {
      cached = '';
    }
  }
  return cached;
}
