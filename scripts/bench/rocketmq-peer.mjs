// The same RocketMQ work as mq-tutor's produce -> consume -> verify, done directly with the client
// library and nothing else: the baseline that mq-tutor's own overhead is measured against.
import { FilterExpression, Producer, SimpleConsumer } from 'rocketmq-client-nodejs';

const env = process.env;
const base = {
  endpoints: env.MQ_TUTOR_ENDPOINTS,
  namespace: '',
  sessionCredentials: { accessKey: env.MQ_TUTOR_ACCESS_KEY, accessSecret: env.MQ_TUTOR_SECRET_KEY },
  requestTimeout: 5000,
  logger: { info() {}, warn() {}, error() {}, debug() {} },
};
const topic = env.MQ_TUTOR_TOPIC;
const marker = `peer-${Date.now()}-${Math.random()}`;
const producer = new Producer({ ...base, topics: [topic] });
await producer.startup();
const receipt = await producer.send({ topic, tag: 'TagA', keys: ['bench'], body: Buffer.from(marker) });
await producer.shutdown();
const consumer = new SimpleConsumer({
  ...base,
  consumerGroup: env.MQ_TUTOR_GROUP,
  subscriptions: new Map([[topic, new FilterExpression('TagA')]]),
  awaitDuration: 2000,
});
await consumer.startup();
let found = false;
while (!found) {
  for (const m of await consumer.receive(16, 20000)) {
    if (m.messageId === receipt.messageId) {
      await consumer.ack(m);
      found = true;
    } else await consumer.changeInvisibleDuration(m, 10000).catch(() => {});
  }
}
await consumer.shutdown();
process.exit(0);
