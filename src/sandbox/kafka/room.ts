import { internalAdmin } from './broker.js';
import { KAFKA } from './config.js';

/**
 * A workshop room on the sandbox's Kafka: its progress topic (one partition, so one order for
 * everyone) and the learner's rights on it. The learners' groups need nothing: the learner may
 * already use every group that starts with `tutorial-`, as the room's do. Safe to repeat.
 */
export async function provisionKafkaRoom(topic: string): Promise<void> {
  const { AclResourceTypes, AclOperationTypes, AclPermissionTypes, ResourcePatternTypes } = (
    await import('kafkajs')
  ).default;
  const admin = await internalAdmin();
  await admin.connect();
  try {
    if (!(await admin.listTopics()).includes(topic))
      await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    await admin.createAcls({
      acl: [AclOperationTypes.WRITE, AclOperationTypes.READ, AclOperationTypes.DESCRIBE].map((operation) => ({
        resourceType: AclResourceTypes.TOPIC,
        resourceName: topic,
        resourcePatternType: ResourcePatternTypes.LITERAL,
        principal: `User:${KAFKA.learner}`,
        host: '*',
        operation,
        permissionType: AclPermissionTypes.ALLOW,
      })),
    });
  } finally {
    await admin.disconnect().catch(() => {});
  }
}
