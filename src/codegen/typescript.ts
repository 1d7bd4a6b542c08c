import { type Lang, t } from '../i18n/index.js';
import type { KafkaModel, RocketmqModel, Setting } from './model.js';
import type { GeneratedFile, Header } from './python.js';
import { type Commenter, commenter, litTs as lit } from './text.js';

/** Versions the generated package.json pins: the ones mq-tutor itself runs and is tested with. */
export const TS_DEPENDENCIES = {
  kafkajs: '2.2.4',
  'rocketmq-client-nodejs': '1.0.8',
} as const;
export const TS_DEV_DEPENDENCIES = {
  '@types/node': '20.19.0',
  tsx: '4.23.15',
  typescript: '5.9.3',
} as const;

export const HELPERS = `function setting(name: string, fallback: string): string {
  const value = process.env[name];
  return value ? value : fallback;
}

function secret(name: string): string {
  const value = process.env[name];
  if (!value) {
    console.error(\`Set the environment variable \${name} first (export \${name}=...): secrets are never written into this file.\`);
    process.exit(2);
  }
  return value;
}`;

export function assign(name: string, s: Setting): string {
  return `const ${name} = setting(${lit(s.env)}, ${lit(s.value)});`;
}

export function header(
  c: Commenter,
  h: Header,
  file: string,
  what: Parameters<Commenter>[0],
  secrets: string[],
  producer: boolean,
): string {
  const example = `${secrets.map((v) => `${v}=...`).join(' ')} npx tsx ${file}${producer ? ' "Hello"' : ''}`;
  return [
    `// ${file}`,
    c(what),
    '//',
    c('codegen.c.generated', { ...h }),
    c('codegen.c.secrets', { vars: secrets.join(', ') }),
    c('codegen.c.overrides'),
    c('codegen.c.run', { command: example }),
  ].join('\n');
}

export const STOP = `const stop = async () => {
  await client.shutdown();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);`;

function kafkaClient(lang: Lang, c: Commenter, m: KafkaModel, clientId: string): string {
  const ssl =
    m.securityProtocol === 'SASL_SSL'
      ? `${c('codegen.c.ssl', { state: t(lang, m.checkHostname ? 'codegen.c.on' : 'codegen.c.off') }, '  ')}
  ssl: {
    ca: [readFileSync(CA_FILE, 'utf8')],
    rejectUnauthorized: true,${m.checkHostname ? '' : '\n    checkServerIdentity: () => undefined,'}
  },`
      : `${c('codegen.c.plaintext', undefined, '  ')}
  ssl: false,`;
  return `const kafka = new Kafka({
  clientId: ${lit(clientId)},
  brokers: BOOTSTRAP_SERVERS.split(',').map((s) => s.trim()).filter(Boolean),
${c('codegen.c.sasl', undefined, '  ')}
  sasl: { mechanism: 'plain', username: USERNAME, password: PASSWORD },
${ssl}
  logLevel: logLevel.WARN,
});`;
}

function kafkaSettings(m: KafkaModel, consumer: boolean): string {
  return [
    assign('BOOTSTRAP_SERVERS', m.bootstrapServers),
    assign('USERNAME', m.username),
    "const PASSWORD = secret('MQ_TUTOR_PASSWORD');",
    ...(m.securityProtocol === 'SASL_SSL' ? [assign('CA_FILE', m.caFile)] : []),
    assign('TOPIC', m.topic),
    ...(consumer ? [assign('GROUP_ID', m.groupId)] : []),
  ].join('\n');
}

export function kafkaProducerTs(lang: Lang, h: Header, m: KafkaModel): GeneratedFile {
  const c = commenter(lang, '//');
  const fs = m.securityProtocol === 'SASL_SSL' ? "import { readFileSync } from 'node:fs';\n" : '';
  const content = `${header(c, h, 'producer.ts', 'codegen.c.kafkaProducerWhat', m.secrets, true)}
${fs}import { Kafka, logLevel, Partitioners } from 'kafkajs';

${HELPERS}

${kafkaSettings(m, false)}

${kafkaClient(lang, c, m, 'mq-tutor-example-producer')}

const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
await producer.connect();
try {
${c('codegen.c.message', undefined, '  ')}
  const message = process.argv[2] ?? 'Hello World! Hello CKafka!';
${c('codegen.c.wait', undefined, '  ')}
  const [meta] = await producer.send({
    topic: TOPIC,
    acks: -1,
    messages: [{ value: JSON.stringify(message) }],
  });
  console.log(
    \`produce message \${message} success. topic=\${TOPIC} partition=\${meta?.partition} offset=\${meta?.baseOffset}\`,
  );
} finally {
  await producer.disconnect();
}
`;
  return { name: 'producer.ts', content };
}

export function kafkaConsumerTs(lang: Lang, h: Header, m: KafkaModel): GeneratedFile {
  const c = commenter(lang, '//');
  const fs = m.securityProtocol === 'SASL_SSL' ? "import { readFileSync } from 'node:fs';\n" : '';
  const content = `${header(c, h, 'consumer.ts', 'codegen.c.kafkaConsumerWhat', m.secrets, false)}
${fs}import { Kafka, logLevel } from 'kafkajs';

${HELPERS}

${kafkaSettings(m, true)}

${kafkaClient(lang, c, m, 'mq-tutor-example-consumer')}

const consumer = kafka.consumer({ groupId: GROUP_ID });
const client = { shutdown: () => consumer.disconnect() };
${c('codegen.c.stop')}
${STOP}

await consumer.connect();
${c('codegen.c.earliest')}
await consumer.subscribe({ topics: [TOPIC], fromBeginning: true });
console.log(\`Waiting for messages on \${TOPIC} in group \${GROUP_ID} (Ctrl-C to stop)\`);
await consumer.run({
  eachMessage: async ({ topic, partition, message }) => {
    console.log(
      \`Topic:[\${topic}] Partition:[\${partition}] Offset:[\${message.offset}] Value:[\${message.value?.toString('utf8') ?? ''}]\`,
    );
  },
});
`;
  return { name: 'consumer.ts', content };
}

const LOGGER = `/** The client's own log lines: warnings and errors on stderr, the rest left out. */
const logger = {
  info() {},
  debug() {},
  warn: (...args: unknown[]) => console.error('[rocketmq warn]', ...args),
  error: (...args: unknown[]) => console.error('[rocketmq error]', ...args),
};`;

const SPLIT_NAME = `/** 'rocketmq-xxx|ns%topic1' -> namespace 'rocketmq-xxx|ns', name 'topic1'; a short name keeps the namespace given. */
function splitName(namespace: string, name: string): { namespace: string; name: string } {
  const at = name.lastIndexOf('%');
  return at < 0 ? { namespace, name } : { namespace: name.slice(0, at), name: name.slice(at + 1) };
}`;

export const TAG_TO_SEND = `function tagToSend(expression: string): string {
  const first = expression
    .split('||')
    .map((tag) => tag.trim())
    .find((tag) => tag && tag !== '*');
  return first ?? 'TagA';
}`;

function rocketmqSettings(c: Commenter, m: RocketmqModel, consumer: boolean): string {
  return `${assign('ENDPOINTS', m.endpoints)}
${c('codegen.c.credentials')}
const ACCESS_KEY = secret('MQ_TUTOR_ACCESS_KEY');
const SECRET_KEY = secret('MQ_TUTOR_SECRET_KEY');
${c('codegen.c.grpcNames')}
${assign('NAMESPACE', m.namespace)}
const topic = splitName(NAMESPACE, setting(${lit(m.topic.env)}, ${lit(m.topic.value)}));${
    consumer
      ? `\nconst group = splitName(topic.namespace, setting(${lit(m.group.env)}, ${lit(m.group.value)}));`
      : ''
  }
${assign('TAG_EXPRESSION', m.tagExpression)}`;
}

export function rocketmqProducerTs(lang: Lang, h: Header, m: RocketmqModel): GeneratedFile {
  const c = commenter(lang, '//');
  const content = `${header(c, h, 'producer.ts', 'codegen.c.rmqProducerWhat', m.secrets, true)}
import { Producer } from 'rocketmq-client-nodejs';

${HELPERS}

${SPLIT_NAME}

${LOGGER}

${c('codegen.c.tagSend')}
${TAG_TO_SEND}

${rocketmqSettings(c, m, false)}
const KEYS = setting(${lit(m.keys.env)}, ${lit(m.keys.value)})
  .split(/[,\\s]+/)
  .filter(Boolean);

const producer = new Producer({
  endpoints: ENDPOINTS,
  namespace: topic.namespace,
  sessionCredentials: { accessKey: ACCESS_KEY, accessSecret: SECRET_KEY },
  topics: [topic.name],
  logger,
});
await producer.startup();
try {
  const text = process.argv[2] ?? 'This is a new message.';
  const receipt = await producer.send({
    topic: topic.name,
    tag: tagToSend(TAG_EXPRESSION),
    keys: KEYS,
    body: Buffer.from(JSON.stringify({ text, sentAt: new Date().toISOString() })),
  });
  console.log(\`send ok messageId=\${receipt.messageId} topic=\${topic.name}\`);
} finally {
  await producer.shutdown();
}
`;
  return { name: 'producer.ts', content };
}

export function rocketmqConsumerTs(lang: Lang, h: Header, m: RocketmqModel): GeneratedFile {
  const c = commenter(lang, '//');
  const content = `${header(c, h, 'consumer.ts', 'codegen.c.rmqConsumerWhat', m.secrets, false)}
import { ConsumeResult, FilterExpression, type MessageView, PushConsumer } from 'rocketmq-client-nodejs';

${HELPERS}

${SPLIT_NAME}

${LOGGER}

${rocketmqSettings(c, m, true)}

const client = new PushConsumer({
  endpoints: ENDPOINTS,
  namespace: topic.namespace,
  sessionCredentials: { accessKey: ACCESS_KEY, accessSecret: SECRET_KEY },
  consumerGroup: group.name,
  logger,
${c('codegen.c.tagExpression', undefined, '  ')}
  subscriptions: new Map([[topic.name, new FilterExpression(TAG_EXPRESSION)]]),
  messageListener: {
    consume(view: MessageView) {
      console.log(
        \`Received message. messageId: \${view.messageId} tag: \${view.tag ?? ''} keys: \${view.keys.join(',')} body: \${view.body.toString('utf8')}\`,
      );
${c('codegen.c.ack', undefined, '      ')}
      return ConsumeResult.SUCCESS;
    },
  },
});
${c('codegen.c.stop')}
${STOP}

await client.startup();
console.log(\` [Consumer] Waiting for messages on \${topic.name} in group \${group.name} (Ctrl-C to stop)\`);
`;
  return { name: 'consumer.ts', content };
}

/** The generated package.json, depending on the client its programs import. */
export function packageJson(tutorial: string, dependencies: Record<string, string>): GeneratedFile {
  const pkg = {
    name: `mq-tutor-${tutorial}-example`,
    private: true,
    type: 'module',
    scripts: { producer: 'tsx producer.ts', consumer: 'tsx consumer.ts', typecheck: 'tsc --noEmit' },
    dependencies,
    devDependencies: TS_DEV_DEPENDENCIES,
  };
  return { name: 'package.json', content: `${JSON.stringify(pkg, null, 2)}\n` };
}

export function tsconfigJson(): GeneratedFile {
  const config = {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      skipLibCheck: true,
      noEmit: true,
      types: ['node'],
    },
    include: ['*.ts'],
  };
  return { name: 'tsconfig.json', content: `${JSON.stringify(config, null, 2)}\n` };
}
