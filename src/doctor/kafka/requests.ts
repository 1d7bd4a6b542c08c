import { type Reader, Writer } from './codec.js';
import type { KafkaWire } from './wire.js';

/**
 * The Kafka requests the doctor asks, each at one fixed, non-flexible version that every CKafka
 * version and Kafka 3.x answer. None of them changes anything on the broker: the write check is a
 * produce with no record batch, which the broker refuses after it has checked the permission.
 */

export const KafkaError = {
  NONE: 0,
  OFFSET_OUT_OF_RANGE: 1,
  CORRUPT_MESSAGE: 2,
  UNKNOWN_TOPIC_OR_PARTITION: 3,
  TOPIC_AUTHORIZATION_FAILED: 29,
  GROUP_AUTHORIZATION_FAILED: 30,
  UNSUPPORTED_SASL_MECHANISM: 33,
  SASL_AUTHENTICATION_FAILED: 58,
  INVALID_RECORD: 87,
} as const;

const NAMES: Record<number, string> = {
  [-1]: 'UNKNOWN_SERVER_ERROR',
  0: 'NONE',
  1: 'OFFSET_OUT_OF_RANGE',
  2: 'CORRUPT_MESSAGE',
  3: 'UNKNOWN_TOPIC_OR_PARTITION',
  5: 'LEADER_NOT_AVAILABLE',
  6: 'NOT_LEADER_OR_FOLLOWER',
  7: 'REQUEST_TIMED_OUT',
  14: 'COORDINATOR_LOAD_IN_PROGRESS',
  15: 'COORDINATOR_NOT_AVAILABLE',
  16: 'NOT_COORDINATOR',
  17: 'INVALID_TOPIC_EXCEPTION',
  29: 'TOPIC_AUTHORIZATION_FAILED',
  30: 'GROUP_AUTHORIZATION_FAILED',
  31: 'CLUSTER_AUTHORIZATION_FAILED',
  33: 'UNSUPPORTED_SASL_MECHANISM',
  34: 'ILLEGAL_SASL_STATE',
  35: 'UNSUPPORTED_VERSION',
  58: 'SASL_AUTHENTICATION_FAILED',
  69: 'GROUP_ID_NOT_FOUND',
  87: 'INVALID_RECORD',
};

export function kafkaErrorName(code: number): string {
  return NAMES[code] ?? `ERROR_${code}`;
}

const API = {
  PRODUCE: 0,
  FETCH: 1,
  METADATA: 3,
  FIND_COORDINATOR: 10,
  DESCRIBE_GROUPS: 15,
  SASL_HANDSHAKE: 17,
  SASL_AUTHENTICATE: 36,
} as const;

/** KIP-430's bit positions of an authorized-operations field. */
export const AclOperation = { READ: 3, WRITE: 4, DESCRIBE: 8 } as const;

export function allows(operations: number, op: number): boolean {
  return operations !== -2147483648 && (operations & (1 << op)) !== 0;
}

/** SaslHandshake v1: which mechanisms the listener offers (listed whatever mechanism was asked for). */
export async function saslHandshake(
  wire: KafkaWire,
  mechanism: string,
  timeoutMs: number,
): Promise<{ errorCode: number; mechanisms: string[] }> {
  const r = await wire.call(API.SASL_HANDSHAKE, 1, new Writer().string(mechanism).build(), timeoutMs);
  const errorCode = r.int16();
  const mechanisms = r.array((x) => x.string() ?? '');
  return { errorCode, mechanisms };
}

/** SaslAuthenticate v0 with PLAIN's message: authorization id (empty), user, password. */
export async function saslAuthenticatePlain(
  wire: KafkaWire,
  username: string,
  password: string,
  timeoutMs: number,
): Promise<{ errorCode: number; errorMessage: string | null }> {
  const token = Buffer.from(`\0${username}\0${password}`, 'utf8');
  const r = await wire.call(API.SASL_AUTHENTICATE, 0, new Writer().bytes(token).build(), timeoutMs);
  const errorCode = r.int16();
  const errorMessage = r.string();
  return { errorCode, errorMessage };
}

export interface BrokerAddress {
  nodeId: number;
  host: string;
  port: number;
}

export interface TopicMetadata {
  errorCode: number;
  name: string;
  partitions: { errorCode: number; partition: number; leader: number }[];
  /** KIP-430; -2147483648 when not asked for or not known. */
  authorizedOperations: number;
}

/** Metadata v8: the brokers as advertised on this listener, and the topic with the user's permissions on it. */
export async function metadata(
  wire: KafkaWire,
  topics: string[],
  timeoutMs: number,
): Promise<{
  brokers: BrokerAddress[];
  clusterId: string | null;
  controllerId: number;
  topics: TopicMetadata[];
}> {
  const body = new Writer()
    .array(topics, (w, t) => w.string(t))
    .bool(false) // allow_auto_topic_creation: a check must not create the topic it looks for
    .bool(false)
    .bool(true)
    .build();
  const r = await wire.call(API.METADATA, 8, body, timeoutMs);
  r.int32(); // throttle
  const brokers = r.array((x) => {
    const nodeId = x.int32();
    const host = x.string() ?? '';
    const port = x.int32();
    x.string(); // rack
    return { nodeId, host, port };
  });
  const clusterId = r.string();
  const controllerId = r.int32();
  const topicList = r.array((x) => {
    const errorCode = x.int16();
    const name = x.string() ?? '';
    x.bool(); // internal
    const partitions = x.array((p) => {
      const pe = p.int16();
      const partition = p.int32();
      const leader = p.int32();
      p.int32(); // leader epoch
      for (let i = 0; i < 3; i++) p.array((q) => q.int32()); // replicas, isr, offline
      return { errorCode: pe, partition, leader };
    });
    const authorizedOperations = x.int32();
    return { errorCode, name, partitions, authorizedOperations };
  });
  return { brokers, clusterId, controllerId, topics: topicList };
}

function partitionError(r: Reader): number {
  return r.int16();
}

/**
 * Produce v3 with no record batch, to the partition's leader. The broker checks WRITE on the topic
 * first (TOPIC_AUTHORIZATION_FAILED), then that the topic exists, and only then looks at the
 * records and refuses the empty set (INVALID_RECORD or CORRUPT_MESSAGE): nothing is written.
 */
export async function emptyProduce(
  wire: KafkaWire,
  topic: string,
  partition: number,
  timeoutMs: number,
): Promise<number> {
  const body = new Writer()
    .string(null) // transactional id
    .int16(1) // acks
    .int32(timeoutMs)
    .array([topic], (w, t) => w.string(t).array([partition], (pw, p) => pw.int32(p).bytes(Buffer.alloc(0))))
    .build();
  const r = await wire.call(API.PRODUCE, 3, body, timeoutMs + 1000);
  const codes = r.array((x) => {
    x.string();
    return x.array((p) => {
      p.int32();
      const code = partitionError(p);
      p.int64();
      p.int64();
      return code;
    });
  });
  return codes[0]?.[0] ?? -1;
}

/**
 * Fetch v4 from an offset far past the end: the broker checks READ on the topic, then answers
 * OFFSET_OUT_OF_RANGE with no records. The group's offsets are not touched.
 */
export async function fetchPastEnd(
  wire: KafkaWire,
  topic: string,
  partition: number,
  timeoutMs: number,
): Promise<number> {
  const body = new Writer()
    .int32(-1) // replica id: a consumer
    .int32(0) // max wait
    .int32(0) // min bytes
    .int32(1) // max bytes
    .int8(0) // read uncommitted
    .array([topic], (w, t) =>
      w.string(t).array([partition], (pw, p) =>
        pw
          .int32(p)
          .int64(2n ** 62n)
          .int32(1),
      ),
    )
    .build();
  const r = await wire.call(API.FETCH, 4, body, timeoutMs);
  r.int32(); // throttle
  const codes = r.array((x) => {
    x.string();
    return x.array((p) => {
      p.int32();
      const code = p.int16();
      p.int64();
      p.int64();
      p.array((a) => {
        a.int64();
        a.int64();
      });
      p.bytes();
      return code;
    });
  });
  return codes[0]?.[0] ?? -1;
}

/** FindCoordinator v1 for a group: the broker checks DESCRIBE on the group first. */
export async function findGroupCoordinator(
  wire: KafkaWire,
  group: string,
  timeoutMs: number,
): Promise<{ errorCode: number; errorMessage: string | null; coordinator: BrokerAddress }> {
  const r = await wire.call(API.FIND_COORDINATOR, 1, new Writer().string(group).int8(0).build(), timeoutMs);
  r.int32(); // throttle
  const errorCode = r.int16();
  const errorMessage = r.string();
  const nodeId = r.int32();
  const host = r.string() ?? '';
  const port = r.int32();
  return { errorCode, errorMessage, coordinator: { nodeId, host, port } };
}

/** DescribeGroups v3 with the user's authorized operations on the group; asked of its coordinator. */
export async function describeGroup(
  wire: KafkaWire,
  group: string,
  timeoutMs: number,
): Promise<{ errorCode: number; state: string; members: number; authorizedOperations: number }> {
  const body = new Writer()
    .array([group], (w, g) => w.string(g))
    .bool(true)
    .build();
  const r = await wire.call(API.DESCRIBE_GROUPS, 3, body, timeoutMs);
  r.int32(); // throttle
  const groups = r.array((x) => {
    const errorCode = x.int16();
    x.string(); // id
    const state = x.string() ?? '';
    x.string(); // protocol type
    x.string(); // protocol
    const members = x.array((m) => {
      m.string();
      m.string();
      m.string();
      m.bytes();
      m.bytes();
      return 1;
    }).length;
    const authorizedOperations = x.int32();
    return { errorCode, state, members, authorizedOperations };
  });
  return groups[0] ?? { errorCode: -1, state: '', members: 0, authorizedOperations: -2147483648 };
}
