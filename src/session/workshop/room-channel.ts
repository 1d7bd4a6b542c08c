import { kafkaConnection } from '../../actions/kafka/connection.js';
import type { ProgressChannel } from '../../actions/progress/channel.js';
import { kafkaChannel } from '../../actions/progress/kafka.js';
import { rocketmqChannel } from '../../actions/progress/rocketmq.js';
import { envVarName } from '../../engine/params.js';
import { secretParamIds } from '../../engine/secrets.js';
import type { Tutorial } from '../../engine/types.js';
import { sandboxConnection } from '../../sandbox/sandbox.js';
import { parseAddressList } from '../../util/addresses.js';
import type { RoomFile } from '../../workshop/room-file.js';

/** Reads of a Kafka room join short-lived groups of their own, under a prefix the learners may use. */
export function readGroupPrefix(room: RoomFile): string {
  const prefix = room.groups.kind === 'derived' ? room.groups.prefix : `tutorial-${room.id}-`;
  return `${prefix.replace(/-$/, '')}.read-`;
}

/**
 * The secrets a room's connection takes, filled in: from the room file when the instructor put them
 * there, else from the sandbox when the room was made on it and it runs on this machine, else from
 * the environment (MQ_TUTOR_PASSWORD, MQ_TUTOR_ACCESS_KEY, ...). What is still missing stays missing.
 */
export function roomSecrets(
  room: RoomFile,
  tutorial: Tutorial,
  env: NodeJS.ProcessEnv,
): Record<string, string> {
  const sandbox = room.sandbox ? sandboxConnection(env)?.sets[room.broker]?.[0] : undefined;
  const found: Record<string, string> = {};
  for (const id of secretParamIds(tutorial)) {
    const value = room.params[id] || sandbox?.[id] || env[envVarName(id)];
    if (value) found[id] = value;
  }
  return found;
}

/** The room's progress channel, with these connection values (the room's, secrets filled in). */
export function roomChannel(room: RoomFile, values: Readonly<Record<string, string>>): ProgressChannel {
  if (room.broker === 'kafka')
    return kafkaChannel({
      connection: kafkaConnection(values),
      topic: room.progress.topic,
      readGroupPrefix: readGroupPrefix(room),
    });
  const nameServers = parseAddressList(room.progress.nameServer ?? '');
  return rocketmqChannel({
    nameServers: nameServers.ok ? nameServers.addresses : [],
    credentials: { accessKey: values.accessKey ?? '', secretKey: values.secretKey ?? '' },
    topic: room.progress.topic,
    readGroup: room.progress.readGroup ?? '',
    producerGroup: room.progress.readGroup ?? '',
  });
}
