import type { Lang } from '../i18n/index.js';
import type { RocketmqModel } from './model.js';
import type { GeneratedFile, Header } from './python.js';
import { type Commenter, commenter, litTs as lit } from './text.js';
import { assign, HELPERS, header, TAG_TO_SEND } from './typescript.js';

/** The package subpath the programs import mq-tutor's own remoting client from. */
export const REMOTING_MODULE = 'mq-tutor/remoting';

const FULL_NAME = `/** 'topic1' in namespace 'rocketmq-xxx|ns' -> 'rocketmq-xxx|ns%topic1'; a full name is kept. */
function fullName(namespace: string, name: string): string {
  return name.includes('%') || !namespace ? name : \`\${namespace}%\${name}\`;
}`;

const FAIL = `/** A failure as one line: what the broker or the network said, with no stack trace. */
function fail(what: string, error: unknown): never {
  console.error(\`\${what} failed: \${error instanceof Error ? error.message : String(error)}\`);
  process.exit(1);
}`;

function settings(c: Commenter, m: RocketmqModel, role: 'producer' | 'consumer'): string {
  const group =
    role === 'producer'
      ? `${c('codegen.c.producerGroup')}
const PRODUCER_GROUP = fullName(NAMESPACE, setting(${lit(m.producerGroup.env)}, ${lit(m.producerGroup.value)})); // ${m.producerGroupFull}`
      : `const GROUP = fullName(NAMESPACE, setting(${lit(m.group.env)}, ${lit(m.group.value)})); // ${m.groupFull}`;
  return `${c(m.route === 'remoting' ? 'codegen.c.nameServerGiven' : 'codegen.c.nameServer')}
${assign('NAME_SERVER', m.nameServer)}
${c('codegen.c.credentials')}
const ACCESS_KEY = secret('MQ_TUTOR_ACCESS_KEY');
const SECRET_KEY = secret('MQ_TUTOR_SECRET_KEY');
${assign('NAMESPACE', m.namespace)}
${c('codegen.c.fullNames')}
${group}
const TOPIC = fullName(NAMESPACE, setting(${lit(m.topic.env)}, ${lit(m.topic.value)})); // ${m.topicFull}
${assign('TAG_EXPRESSION', m.tagExpression)}`;
}

export function remotingProducerTs(lang: Lang, h: Header, m: RocketmqModel): GeneratedFile {
  const c = commenter(lang, '//');
  const content = `${header(c, h, 'producer.ts', 'codegen.c.rmqProducerWhat', m.secrets, true)}
${c('codegen.c.remotingClient', { module: REMOTING_MODULE })}
import { sendSync } from '${REMOTING_MODULE}';

${HELPERS}

${FAIL}

${FULL_NAME}

${c('codegen.c.tagSend')}
${TAG_TO_SEND}

${settings(c, m, 'producer')}
const KEYS = setting(${lit(m.keys.env)}, ${lit(m.keys.value)})
  .split(/[,\\s]+/)
  .filter(Boolean);

const text = process.argv[2] ?? 'This is a new message.';
${c('codegen.c.remotingSend')}
const result = await sendSync({
  nameServers: NAME_SERVER,
  credentials: { accessKey: ACCESS_KEY, secretKey: SECRET_KEY },
  producerGroup: PRODUCER_GROUP,
  topic: TOPIC,
  tag: tagToSend(TAG_EXPRESSION),
  keys: KEYS,
  body: JSON.stringify({ text, sentAt: new Date().toISOString() }),
  timeoutMs: 10_000,
}).catch((error: unknown) => fail('send', error));
console.log(
  \`send status=\${result.status} msg_id=\${result.msgId} topic=\${result.topic} queue=\${result.queueId} offset=\${result.queueOffset}\`,
);
`;
  return { name: 'producer.ts', content };
}

export function remotingConsumerTs(lang: Lang, h: Header, m: RocketmqModel): GeneratedFile {
  const c = commenter(lang, '//');
  const content = `${header(c, h, 'consumer.ts', 'codegen.c.rmqConsumerWhat', m.secrets, false)}
${c('codegen.c.remotingClient', { module: REMOTING_MODULE })}
import { consume } from '${REMOTING_MODULE}';

${HELPERS}

${FAIL}

${FULL_NAME}

${settings(c, m, 'consumer')}

${c('codegen.c.stop')}
const stop = new AbortController();
process.once('SIGINT', () => stop.abort());
process.once('SIGTERM', () => stop.abort());

console.log(\` [Consumer] Waiting for messages on \${TOPIC} in group \${GROUP} (Ctrl-C to stop)\`);
const summary = await consume({
  nameServers: NAME_SERVER,
  credentials: { accessKey: ACCESS_KEY, secretKey: SECRET_KEY },
  group: GROUP,
  topic: TOPIC,
${c('codegen.c.tagExpression', undefined, '  ')}
  tagExpression: TAG_EXPRESSION,
  signal: stop.signal,
  onEvent(event) {
${c('codegen.c.assigned', undefined, '    ')}
    if (event.type === 'assigned') console.log(\` [Consumer] Assigned \${event.queues.length} queue(s)\`);
  },
  onMessage(message) {
    console.log(
      \`Received message. messageId: \${message.msgId} tags: \${message.tags ?? ''} keys: \${message.keys.join(',')} body: \${message.body.toString('utf8')}\`,
    );
${c('codegen.c.remotingAck', undefined, '    ')}
    return 'ack';
  },
}).catch((error: unknown) => fail('consume', error));
console.log(\` [Consumer] Stopped: \${summary.acked} message(s) acknowledged\`);
`;
  return { name: 'consumer.ts', content };
}
