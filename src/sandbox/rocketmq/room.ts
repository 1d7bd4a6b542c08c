import { RemotingConnection } from '../../remoting/connection.js';
import { RemotingResponseError } from '../../remoting/errors.js';
import { topicRoute } from '../../remoting/nameserver.js';
import { waitFor } from '../../util/wait.js';
import { readSecrets } from '../state.js';
import { ROCKETMQ } from './config.js';

/** RequestCode.UPDATE_AND_CREATE_TOPIC and UPDATE_AND_CREATE_SUBSCRIPTIONGROUP: what mqadmin sends. */
const CREATE_TOPIC = 17;
const CREATE_GROUP = 200;

/**
 * A workshop room on the sandbox's RocketMQ: the progress topic with one queue, and every group of
 * the room (each learner's, and the one the history is read in), asked of the broker with the
 * admin's keys: one connection for all of them, where mqadmin would start a JVM each. The learner
 * may already use every topic and group that starts with `tutorial-`, as the room's do.
 */
export async function provisionRocketmqRoom(
  stateDir: string,
  room: { topic: string; groups: readonly string[] },
  signal?: AbortSignal,
): Promise<void> {
  const secrets = readSecrets(stateDir);
  if (!secrets) throw new Error('the sandbox has no secrets yet: run mq-tutor sandbox up');
  const credentials = {
    accessKey: secrets.rocketmq.adminAccessKey,
    secretKey: secrets.rocketmq.adminSecretKey,
  };
  const connection = await RemotingConnection.open('127.0.0.1', ROCKETMQ.brokerPort, {
    credentials,
    ...(signal ? { signal } : {}),
  });
  const ask = async (code: number, extFields: Record<string, string | number | boolean>, body?: object) => {
    const response = await connection.request(
      { code, extFields, ...(body ? { body: Buffer.from(JSON.stringify(body)) } : {}) },
      { timeoutMs: 10_000, ...(signal ? { signal } : {}) },
    );
    if (response.code !== 0)
      throw new RemotingResponseError(code, response.code, response.remark, connection.address);
  };
  try {
    await ask(CREATE_TOPIC, {
      topic: room.topic,
      defaultTopic: 'TBW102',
      readQueueNums: 1,
      writeQueueNums: 1,
      perm: 6,
      topicFilterType: 'SINGLE_TAG',
      topicSysFlag: 0,
      order: false,
      attributes: '+message.type=NORMAL',
    });
    for (const groupName of room.groups)
      await ask(
        CREATE_GROUP,
        {},
        {
          groupName,
          consumeEnable: true,
          consumeFromMinEnable: true,
          consumeBroadcastEnable: true,
          retryQueueNums: 1,
          retryMaxTimes: 16,
          brokerId: 0,
          whichBrokerWhenConsumeSlowly: 1,
          notifyConsumerIdsChangedEnable: true,
        },
      );
  } finally {
    connection.close();
  }
  // The broker tells the name server of a new topic on its own; learners need the route at once.
  await waitFor(
    'the progress topic',
    async () =>
      (await topicRoute(room.topic, { nameServers: `127.0.0.1:${ROCKETMQ.namesrvPort}` }).catch(
        () => undefined,
      ))
        ? true
        : undefined,
    { timeoutMs: 15_000, intervalMs: 200, ...(signal ? { signal } : {}) },
  );
}
