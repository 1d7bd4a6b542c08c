import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { run } from '../util/exec.js';
import { writeFileAtomic } from '../util/files.js';

export class MavenError extends Error {
  constructor(readonly output: string) {
    super('Maven could not resolve the sandbox artifacts');
    this.name = 'MavenError';
  }
}

/**
 * Asks Maven for the runtime classpath of `pom` (downloading the artifacts into the Maven cache
 * the first time). The answer is cached in `outFile` next to the pom's hash, and asked again when
 * the pom changes or a jar has gone from the cache.
 */
export async function resolveClasspath(pom: string, outFile: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256').update(readFileSync(pom)).digest('hex');
  const hashFile = `${outFile}.pom-sha256`;
  if (existsSync(outFile) && existsSync(hashFile) && readFileSync(hashFile, 'utf8') === hash) {
    const cached = readFileSync(outFile, 'utf8').trim();
    if (cached.split(path.delimiter).every((jar) => existsSync(jar))) return cached;
  }
  const result = await run(
    'mvn',
    ['-q', '-B', '-f', pom, 'dependency:build-classpath', `-Dmdep.outputFile=${outFile}`],
    { timeoutMs: 15 * 60_000, signal },
  );
  if (result.code !== 0 || !existsSync(outFile)) {
    throw new MavenError(`${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-15).join('\n'));
  }
  writeFileAtomic(hashFile, hash);
  return readFileSync(outFile, 'utf8').trim();
}
