/** Ports and names of the sandbox Kafka broker (DESIGN.md section 5). */
export const KAFKA = {
  version: '3.9.2',
  internalPort: 19092,
  controllerPort: 19093,
  saslPlaintextPort: 19094,
  saslSslPort: 19095,
  /**
   * Broken on purpose, for `mq-tutor doctor` and troubleshooting practice: a SASL_PLAINTEXT listener
   * whose metadata hands out an address nothing serves (another loopback address), and a SASL_SSL
   * listener whose certificate a CA of its own signed, not the sandbox CA.
   */
  misadvertisedPort: 19096,
  misadvertisedHost: '127.0.0.2',
  untrustedPort: 19097,
  learner: 'ckafka-sandbox#learner',
  topic: 'tutorial-topic',
  topicPartitions: 3,
  restrictedTopic: 'restricted-topic',
  groupPrefix: 'tutorial-',
  topicPrefix: 'tutorial-',
  defaultGroup: 'tutorial-group',
} as const;

export const KAFKA_PORTS = [
  KAFKA.internalPort,
  KAFKA.controllerPort,
  KAFKA.saslPlaintextPort,
  KAFKA.saslSslPort,
  KAFKA.misadvertisedPort,
  KAFKA.untrustedPort,
] as const;

/** PLAIN's JAAS entry; the user name is quoted because `#` is not a word character there. */
function jaas(users: Record<string, string>): string {
  const entries = Object.entries(users).map(([user, password]) => `"user_${user}"="${password}"`);
  return `org.apache.kafka.common.security.plain.PlainLoginModule required ${entries.join(' ')};`;
}

/** Java properties files treat backslashes as escapes. */
function propertyPath(p: string): string {
  return p.replace(/\\/g, '/');
}

export interface KafkaConfigInput {
  dataDir: string;
  keystoreFile: string;
  keystorePassword: string;
  learnerPassword: string;
  /** The certificate of the untrusted listener, signed by a CA that is not the sandbox's. */
  untrustedKeystoreFile: string;
}

/**
 * server.properties for one KRaft node in combined mode. The public listeners mirror CKafka's
 * SASL_PLAINTEXT and SASL_SSL access points; the internal PLAINTEXT listener, used by the broker
 * itself and by `sandbox up` to create topics and ACLs, is a super user on 127.0.0.1 only.
 */
export function kafkaServerProperties(input: KafkaConfigInput): string {
  const learnerJaas = jaas({ [KAFKA.learner]: input.learnerPassword });
  const lines = [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${KAFKA.controllerPort}`,
    `listeners=INTERNAL://127.0.0.1:${KAFKA.internalPort},CONTROLLER://127.0.0.1:${KAFKA.controllerPort},SASL_PLAINTEXT://127.0.0.1:${KAFKA.saslPlaintextPort},SASL_SSL://127.0.0.1:${KAFKA.saslSslPort},MISADVERTISED://127.0.0.1:${KAFKA.misadvertisedPort},UNTRUSTED://127.0.0.1:${KAFKA.untrustedPort}`,
    `advertised.listeners=INTERNAL://127.0.0.1:${KAFKA.internalPort},SASL_PLAINTEXT://localhost:${KAFKA.saslPlaintextPort},SASL_SSL://localhost:${KAFKA.saslSslPort},MISADVERTISED://${KAFKA.misadvertisedHost}:${KAFKA.misadvertisedPort},UNTRUSTED://localhost:${KAFKA.untrustedPort}`,
    'listener.security.protocol.map=INTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,SASL_SSL:SASL_SSL,MISADVERTISED:SASL_PLAINTEXT,UNTRUSTED:SASL_SSL',
    'inter.broker.listener.name=INTERNAL',
    'controller.listener.names=CONTROLLER',
    'sasl.enabled.mechanisms=PLAIN',
    `listener.name.sasl_plaintext.plain.sasl.jaas.config=${learnerJaas}`,
    `listener.name.sasl_ssl.plain.sasl.jaas.config=${learnerJaas}`,
    `listener.name.misadvertised.plain.sasl.jaas.config=${learnerJaas}`,
    `listener.name.untrusted.plain.sasl.jaas.config=${learnerJaas}`,
    'listener.name.untrusted.ssl.keystore.type=PKCS12',
    `listener.name.untrusted.ssl.keystore.location=${propertyPath(input.untrustedKeystoreFile)}`,
    `listener.name.untrusted.ssl.keystore.password=${input.keystorePassword}`,
    `listener.name.untrusted.ssl.key.password=${input.keystorePassword}`,
    'ssl.keystore.type=PKCS12',
    `ssl.keystore.location=${propertyPath(input.keystoreFile)}`,
    `ssl.keystore.password=${input.keystorePassword}`,
    `ssl.key.password=${input.keystorePassword}`,
    'authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer',
    'super.users=User:ANONYMOUS',
    'allow.everyone.if.no.acl.found=false',
    `log.dirs=${propertyPath(input.dataDir)}`,
    'num.partitions=1',
    'auto.create.topics.enable=false',
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=3',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'group.initial.rebalance.delay.ms=0',
    'log.segment.bytes=16777216',
    'log.retention.hours=24',
    'num.network.threads=2',
    'num.io.threads=2',
    'background.threads=2',
    'log.cleaner.threads=1',
    'log.cleaner.dedupe.buffer.size=8388608',
  ];
  return `${lines.join('\n')}\n`;
}

export function kafkaLog4jProperties(): string {
  return [
    'log4j.rootLogger=INFO, file',
    'log4j.appender.file=org.apache.log4j.RollingFileAppender',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a log4j variable, filled in by Java
    'log4j.appender.file.File=${kafka.logs.dir}/kafka.log',
    'log4j.appender.file.MaxFileSize=10MB',
    'log4j.appender.file.MaxBackupIndex=2',
    'log4j.appender.file.layout=org.apache.log4j.PatternLayout',
    'log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n',
    '',
  ].join('\n');
}

export const KAFKA_JVM_FLAGS = [
  '-Xms128m',
  '-Xmx512m',
  '-XX:+UseG1GC',
  '-XX:MaxGCPauseMillis=20',
  '-XX:+ExitOnOutOfMemoryError',
  '-Djava.awt.headless=true',
] as const;
