import { run } from '../util/exec.js';
import { isPortOpen } from '../util/net.js';

export class SandboxPrerequisiteError extends Error {
  constructor(
    readonly reason: 'java-missing' | 'java-too-old' | 'maven-missing' | 'keytool-missing' | 'port-taken',
    readonly detail: Record<string, string | number> = {},
  ) {
    super(`sandbox prerequisite: ${reason}`);
    this.name = 'SandboxPrerequisiteError';
  }
}

/** Java 17 or newer, with keytool, and Maven, must be on PATH. */
export async function checkToolchain(): Promise<{ javaVersion: number }> {
  let javaVersion: number;
  try {
    const result = await run('java', ['-version'], { timeoutMs: 20_000 });
    const match = /version "(\d+)(?:\.(\d+))?/.exec(result.stderr + result.stdout);
    const major = match ? Number(match[1]) : 0;
    javaVersion = major === 1 && match?.[2] ? Number(match[2]) : major;
  } catch {
    throw new SandboxPrerequisiteError('java-missing');
  }
  if (javaVersion < 17) throw new SandboxPrerequisiteError('java-too-old', { version: javaVersion });
  try {
    await run('keytool', ['-help'], { timeoutMs: 20_000 });
  } catch {
    throw new SandboxPrerequisiteError('keytool-missing');
  }
  try {
    await run('mvn', ['-v'], { timeoutMs: 60_000 });
  } catch {
    throw new SandboxPrerequisiteError('maven-missing');
  }
  return { javaVersion };
}

/** Fails with `port-taken` when a port we are about to listen on already answers. */
export async function checkPortsFree(ports: readonly number[], owner: string): Promise<void> {
  for (const port of ports) {
    if (await isPortOpen('127.0.0.1', port, 500)) {
      throw new SandboxPrerequisiteError('port-taken', { port, owner });
    }
  }
}
