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
