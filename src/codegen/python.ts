import { type Lang, t } from '../i18n/index.js';
import type { KafkaModel, RocketmqModel, Setting } from './model.js';
import { type Commenter, commenter, lit } from './text.js';

/** What every generated file starts with, and the facts it needs. */
export interface Header {
  version: string;
  tutorial: string;
  profile: string;
  date: string;
}

export interface GeneratedFile {
  name: string;
  content: string;
  executable?: boolean;
}

const HELPERS = `def setting(name, default):
    value = os.environ.get(name, "")
    return value if value != "" else default


def secret(name):
    value = os.environ.get(name, "")
    if value == "":
        sys.exit("Set the environment variable %s first (export %s=...): secrets are never written into this file." % (name, name))
    return value`;

function assign(name: string, s: Setting): string {
  return `${name} = setting(${lit(s.env)}, ${lit(s.value)})`;
}

function header(
  c: Commenter,
  h: Header,
  what: 'producer' | 'consumer',
  model: { secrets: string[] },
  file: string,
  whatKey: Parameters<Commenter>[0],
): string {
  const secretVars = model.secrets.join(', ');
  const example = `${model.secrets.map((v) => `${v}=...`).join(' ')} python ${file}${what === 'producer' ? ' "Hello"' : ''}`;
  return [
    '#!/usr/bin/env python3',
    `# ${file}`,
    c(whatKey),
    '#',
    c('codegen.c.generated', { ...h }),
    c('codegen.c.secrets', { vars: secretVars }),
    c('codegen.c.overrides'),
    c('codegen.c.run', { command: example }),
  ].join('\n');
}

function kafkaConfig(lang: Lang, c: Commenter, m: KafkaModel): string {
  const lines = [
    '    bootstrap_servers=[s.strip() for s in BOOTSTRAP_SERVERS.split(",") if s.strip()],',
    c('codegen.c.apiVersion', undefined, '    '),
    '    api_version=(1, 1),',
  ];
  if (m.securityProtocol === 'SASL_SSL') {
    lines.push(
      c('codegen.c.ssl', { state: t(lang, m.checkHostname ? 'codegen.c.on' : 'codegen.c.off') }, '    '),
      '    security_protocol="SASL_SSL",',
    );
  } else {
    lines.push(c('codegen.c.plaintext', undefined, '    '), '    security_protocol="SASL_PLAINTEXT",');
  }
  lines.push(
    c('codegen.c.sasl', undefined, '    '),
    '    sasl_mechanism="PLAIN",',
    '    sasl_plain_username=USERNAME,',
    '    sasl_plain_password=PASSWORD,',
  );
  if (m.securityProtocol === 'SASL_SSL') {
    lines.push('    ssl_cafile=CA_FILE,', `    ssl_check_hostname=${m.checkHostname ? 'True' : 'False'},`);
  }
  return lines.join('\n');
}

function kafkaSettings(m: KafkaModel, consumer: boolean): string {
  return [
    assign('BOOTSTRAP_SERVERS', m.bootstrapServers),
    assign('USERNAME', m.username),
    'PASSWORD = secret("MQ_TUTOR_PASSWORD")',
    ...(m.securityProtocol === 'SASL_SSL' ? [assign('CA_FILE', m.caFile)] : []),
    assign('TOPIC', m.topic),
    ...(consumer ? [assign('GROUP_ID', m.groupId)] : []),
  ].join('\n');
}

export function kafkaProducerPy(lang: Lang, h: Header, m: KafkaModel): GeneratedFile {
  const c = commenter(lang, '#');
  const content = `${header(c, h, 'producer', m, 'producer.py', 'codegen.c.kafkaProducerWhat')}
import json
import os
import sys

from kafka import KafkaProducer


${HELPERS}


${kafkaSettings(m, false)}

producer = KafkaProducer(
${kafkaConfig(lang, c, m)}
)

${c('codegen.c.message')}
message = sys.argv[1] if len(sys.argv) > 1 else "Hello World! Hello CKafka!"
msg = json.dumps(message).encode()
future = producer.send(TOPIC, value=msg)
${c('codegen.c.wait')}
metadata = future.get(timeout=30)
print("produce message " + message + " success. topic=%s partition=%d offset=%d"
      % (metadata.topic, metadata.partition, metadata.offset), flush=True)
producer.close()
`;
  return { name: 'producer.py', content, executable: true };
}

export function kafkaConsumerPy(lang: Lang, h: Header, m: KafkaModel): GeneratedFile {
  const c = commenter(lang, '#');
  const content = `${header(c, h, 'consumer', m, 'consumer.py', 'codegen.c.kafkaConsumerWhat')}
import os
import sys

from kafka import KafkaConsumer


${HELPERS}


${kafkaSettings(m, true)}

consumer = KafkaConsumer(
    TOPIC,
    group_id=GROUP_ID,
${c('codegen.c.earliest', undefined, '    ')}
    auto_offset_reset="earliest",
${kafkaConfig(lang, c, m)}
)

print("Waiting for messages on %s in group %s (Ctrl-C to stop)" % (TOPIC, GROUP_ID), flush=True)
try:
    for message in consumer:
        print("Topic:[%s] Partition:[%d] Offset:[%d] Value:[%s]" %
              (message.topic, message.partition, message.offset, message.value), flush=True)
except KeyboardInterrupt:
    pass
finally:
${c('codegen.c.stop', undefined, '    ')}
    consumer.close()
`;
  return { name: 'consumer.py', content, executable: true };
}

const NAME_SERVERS = `def name_servers(value):
    servers = []
    for entry in value.replace(",", ";").split(";"):
        entry = entry.strip()
        if "://" in entry:
            entry = entry.split("://", 1)[1]
        entry = entry.rstrip("/")
        if entry:
            servers.append(entry)
    return ";".join(servers)`;

function rocketmqSettings(c: Commenter, m: RocketmqModel, role: 'producer' | 'consumer'): string {
  const group =
    role === 'producer'
      ? `PRODUCER_GROUP = full_name(NAMESPACE, setting(${lit(m.producerGroup.env)}, ${lit(m.producerGroup.value)}))  # ${m.producerGroupFull}`
      : `GROUP = full_name(NAMESPACE, setting(${lit(m.group.env)}, ${lit(m.group.value)}))  # ${m.groupFull}`;
  return `${c(m.route === 'remoting' ? 'codegen.c.nameServerGiven' : 'codegen.c.nameServer')}
NAME_SERVER = name_servers(setting(${lit(m.nameServer.env)}, ${lit(m.nameServer.value)}))
${c('codegen.c.credentials')}
ACCESS_KEY = secret("MQ_TUTOR_ACCESS_KEY")
SECRET_KEY = secret("MQ_TUTOR_SECRET_KEY")
${assign('NAMESPACE', m.namespace)}
${c('codegen.c.fullNames')}
${group}
TOPIC = full_name(NAMESPACE, setting(${lit(m.topic.env)}, ${lit(m.topic.value)}))  # ${m.topicFull}
${assign('TAG_EXPRESSION', m.tagExpression)}`;
}

/** The SDK's third credential argument: the channel the keys belong to. */
const CHANNEL = 'TDMQ';

const FULL_NAME = `def full_name(namespace, name):
    if "%" in name or not namespace:
        return name
    return namespace + "%" + name`;

function helpers(c: Commenter): string {
  return `${HELPERS}


${FULL_NAME}


${c('codegen.c.nameServerForm')}
${NAME_SERVERS}`;
}

export function rocketmqProducerPy(lang: Lang, h: Header, m: RocketmqModel): GeneratedFile {
  const c = commenter(lang, '#');
  const content = `${header(c, h, 'producer', m, 'producer.py', 'codegen.c.rmqProducerWhat')}
import json
import os
import re
import sys
from datetime import datetime, timezone

from rocketmq.client import Message, Producer


${helpers(c)}


def tag_to_send(expression):
${c('codegen.c.tagSend', undefined, '    ')}
    for tag in expression.split("||"):
        tag = tag.strip()
        if tag and tag != "*":
            return tag
    return "TagA"


${rocketmqSettings(c, m, 'producer')}
TAG = tag_to_send(TAG_EXPRESSION)
${c('codegen.c.keysJoined')}
KEYS = " ".join(k for k in re.split(r"[,\\s]+", setting(${lit(m.keys.env)}, ${lit(m.keys.value)})) if k)

${c('codegen.c.producerGroup')}
producer = Producer(PRODUCER_GROUP)
producer.set_name_server_address(NAME_SERVER)
${c('codegen.c.channel', { channel: CHANNEL })}
producer.set_session_credentials(ACCESS_KEY, SECRET_KEY, ${lit(CHANNEL)})
producer.start()
try:
    text = sys.argv[1] if len(sys.argv) > 1 else "This is a new message."
    msg = Message(TOPIC)
${c('codegen.c.tagsKeys', undefined, '    ')}
    msg.set_tags(TAG)
    msg.set_keys(KEYS)
    msg.set_body(json.dumps({"text": text, "sentAt": datetime.now(timezone.utc).isoformat()}))
    ret = producer.send_sync(msg)
    status = getattr(ret.status, "name", ret.status)
    print("send status=%s msg_id=%s offset=%s" % (status, ret.msg_id, ret.offset), flush=True)
finally:
    producer.shutdown()
`;
  return { name: 'producer.py', content, executable: true };
}

export function rocketmqConsumerPy(lang: Lang, h: Header, m: RocketmqModel): GeneratedFile {
  const c = commenter(lang, '#');
  const content = `${header(c, h, 'consumer', m, 'consumer.py', 'codegen.c.rmqConsumerWhat')}
import os
import sys
import time

from rocketmq.client import ConsumeStatus, PushConsumer


${helpers(c)}


${rocketmqSettings(c, m, 'consumer')}


def callback(msg):
    print("Received message. messageId: %s tags: %s keys: %s body: %s"
          % (msg.id, msg.tags, msg.keys, msg.body), flush=True)
${c('codegen.c.ack', undefined, '    ')}
    return ConsumeStatus.CONSUME_SUCCESS


consumer = PushConsumer(GROUP)
consumer.set_name_server_address(NAME_SERVER)
consumer.set_session_credentials(ACCESS_KEY, SECRET_KEY, ${lit(CHANNEL)})
${c('codegen.c.tagExpression')}
consumer.subscribe(TOPIC, callback, TAG_EXPRESSION)
consumer.start()
print(" [Consumer] Waiting for messages on %s in group %s (Ctrl-C to stop)" % (TOPIC, GROUP), flush=True)
try:
    while True:
        time.sleep(3600)
except KeyboardInterrupt:
    pass
finally:
    consumer.shutdown()
`;
  return { name: 'consumer.py', content, executable: true };
}
