import { readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { run } from '../util/exec.js';
import { listenerPid } from '../util/listening.js';
import { isPortOpen } from '../util/net.js';

export class SandboxPrerequisiteError extends Error {
  constructor(
    readonly reason:
      | 'java-missing'
      | 'java-too-old'
      | 'maven-missing'
      | 'keytool-missing'
      | 'port-taken'
      | 'port-taken-sandbox',
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

/**
 * The state folder of the mq-tutor sandbox whose process listens on `port`, if that is what holds
 * it: our brokers carry a `-Dmq-tutor.sandbox=` marker and run in `<state folder>/<broker>`.
 */
function sandboxHolding(port: number): string | undefined {
  const pid = listenerPid(port);
  if (pid === undefined) return undefined;
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (!cmdline.includes('-Dmq-tutor.sandbox=')) return undefined;
    return path.dirname(readlinkSync(`/proc/${pid}/cwd`));
  } catch {
    return undefined;
  }
}

/**
 * Fails when a port we are about to listen on already answers: `port-taken-sandbox` names the other
 * sandbox's state folder (and so how to stop it), `port-taken` is anything else.
 */
export async function checkPortsFree(ports: readonly number[], owner: string, here: string): Promise<void> {
  for (const port of ports) {
    if (await isPortOpen('127.0.0.1', port, 500)) {
      const dir = sandboxHolding(port);
      if (dir && path.resolve(dir) !== path.resolve(here))
        throw new SandboxPrerequisiteError('port-taken-sandbox', { port, owner, dir, here });
      throw new SandboxPrerequisiteError('port-taken', { port, owner });
    }
  }
}
