import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The sandbox's internal listener (127.0.0.1:19092, a super user, no auth): the test's view of groups. */
export async function describeGroup(groupId: string): Promise<{ state: string; members: number }> {
  const { Kafka, logLevel } = (await import('kafkajs')).default;
  const admin = new Kafka({
    clientId: 'mq-tutor-test',
    brokers: ['127.0.0.1:19092'],
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    const { groups } = await admin.describeGroups([groupId]);
    return { state: groups[0]?.state ?? 'Unknown', members: groups[0]?.members.length ?? 0 };
  } finally {
    await admin.disconnect();
  }
}

/** Waits until the broker lists one member in the group (the consumer has joined). */
export async function waitForMember(groupId: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const group = await describeGroup(groupId);
    if (group.state === 'Stable' && group.members === 1) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no member joined ${groupId} within ${timeoutMs} ms`);
}

export interface SavedTutorial {
  params: Record<string, string>;
  progress: Record<string, { status: string }>;
  lastRun?: { interrupted?: boolean };
}

/** One tutorial's part of a saved profile file, as the test environment's config folder holds it. */
export function savedTutorial(
  env: NodeJS.ProcessEnv,
  profile: string,
  tutorial: string,
): SavedTutorial | undefined {
  const file = path.join(env.MQ_TUTOR_CONFIG_DIR as string, 'profiles', `${profile}.json`);
  if (!existsSync(file)) return undefined;
  return (JSON.parse(readFileSync(file, 'utf8')) as { tutorials: Record<string, SavedTutorial> }).tutorials[
    tutorial
  ];
}
