import { createHmac } from 'node:crypto';
import net from 'node:net';

/**
 * One request in RocketMQ's remoting protocol: a 4-byte frame length, a 4-byte header length (top
 * byte 0 = JSON header), the JSON header, then the body. Enough to ask the name server for a route.
 */
export function remotingRequest(
  host: string,
  port: number,
  code: number,
  extFields: Record<string, string>,
  timeoutMs: number,
  credentials?: { accessKey: string; secretKey: string },
): Promise<{ code: number; remark?: string; body: string }> {
  const fields = credentials ? signed(extFields, credentials) : extFields;
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    let buffer = Buffer.alloc(0);
    const timer = setTimeout(() => finish(new Error('remoting request timed out')), timeoutMs);
    const finish = (error?: Error, value?: { code: number; remark?: string; body: string }) => {
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else if (value) resolve(value);
    };
    socket.once('error', (error) => finish(error));
    socket.once('connect', () => {
      const header = Buffer.from(
        JSON.stringify({ code, language: 'JAVA', version: 0, opaque: 1, flag: 0, extFields: fields }),
      );
      const frame = Buffer.alloc(8);
      frame.writeUInt32BE(4 + header.length, 0);
      frame.writeUInt32BE(header.length & 0xffffff, 4);
      socket.write(Buffer.concat([frame, header]));
    });
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (buffer.length < 8) return;
      const total = buffer.readUInt32BE(0);
      if (buffer.length < 4 + total) return;
      const headerLength = buffer.readUInt32BE(4) & 0xffffff;
      const header = JSON.parse(buffer.subarray(8, 8 + headerLength).toString('utf8')) as {
        code: number;
        remark?: string;
      };
      finish(undefined, {
        code: header.code,
        remark: header.remark,
        body: buffer.subarray(8 + headerLength, 4 + total).toString('utf8'),
      });
    });
  });
}

/**
 * ACL signing of a remoting request, as RocketMQ's AclClientRPCHook does it: the access key joins
 * the fields, and the signature is the HMAC-SHA1 (base64) of every field value in key order.
 */
function signed(extFields: Record<string, string>, credentials: { accessKey: string; secretKey: string }) {
  const fields: Record<string, string> = { ...extFields, AccessKey: credentials.accessKey };
  const content = Object.keys(fields)
    .sort()
    .map((key) => fields[key])
    .join('');
  return { ...fields, Signature: createHmac('sha1', credentials.secretKey).update(content).digest('base64') };
}

const GET_ROUTEINFO_BY_TOPIC = 105;
const GET_CONSUME_STATS = 208;

export interface QueueStats {
  broker: string;
  queue: number;
  brokerOffset: number;
  consumerOffset: number;
}

/** A group's offsets per queue of a topic, asked of the broker itself (what `mqadmin consumerProgress` shows). */
export async function consumeStats(
  brokerPort: number,
  group: string,
  topic: string,
  credentials: { accessKey: string; secretKey: string },
  timeoutMs = 3000,
): Promise<QueueStats[]> {
  const answer = await remotingRequest(
    '127.0.0.1',
    brokerPort,
    GET_CONSUME_STATS,
    { consumerGroup: group, topic },
    timeoutMs,
    credentials,
  );
  if (answer.code !== 0) throw new Error(`consume stats: ${answer.code} ${answer.remark ?? ''}`);
  return parseConsumeStats(answer.body);
}

/** The broker answers in fastjson, whose map keys are objects: not JSON, so read entry by entry. */
export function parseConsumeStats(body: string): QueueStats[] {
  const entries = body.matchAll(/\{("brokerName"[^{}]*)\}:\{([^{}]*)\}/g);
  return [...entries].map((m) => {
    const key = JSON.parse(`{${m[1]}}`) as { brokerName: string; queueId: number };
    const value = JSON.parse(`{${m[2]}}`) as { brokerOffset: number; consumerOffset: number };
    return {
      broker: key.brokerName,
      queue: key.queueId,
      brokerOffset: value.brokerOffset,
      consumerOffset: value.consumerOffset,
    };
  });
}

/**
 * True when the name server routes `topic` to `brokerAddr`. The broker's full registration always
 * carries SELF_TEST_TOPIC, so that topic proves the broker is registered, not just known.
 */
export async function nameServerRoutes(
  port: number,
  topic: string,
  brokerAddr: string,
  timeoutMs = 1000,
): Promise<boolean> {
  const answer = await remotingRequest('127.0.0.1', port, GET_ROUTEINFO_BY_TOPIC, { topic }, timeoutMs);
  return answer.code === 0 && answer.body.includes(`"${brokerAddr}"`);
}
