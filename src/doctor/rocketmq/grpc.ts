import {
  clientOptions,
  type RocketmqConnection,
  shutdownBounded,
} from '../../actions/rocketmq/connection.js';
import { swappedKeys } from '../../actions/rocketmq/follow-up.js';
import type { Allowed, KeysProbe, PermissionProbe, Probe, RouteProbe } from '../types.js';
import type { RocketmqDoctorInput } from './input.js';

const since = (t0: number) => Math.round(performance.now() - t0);
const GRPC_MS = 3000;

const UNAUTHORIZED = 40100;
const FORBIDDEN = 40300;
const TOPIC_NOT_FOUND = 40402;
const GROUP_NOT_FOUND = 40403;

class Timeout extends Error {
  constructor() {
    super('no answer in time');
    this.name = 'Timeout';
  }
}

function bounded<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Timeout()), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

interface Answer {
  code?: number;
  text: string;
}

/** The RocketMQ status (code >= 10000) and the message of an error and the errors it wraps. */
function answerOf(error: unknown): Answer {
  let code: number | undefined;
  const texts: string[] = [];
  let e: unknown = error;
  for (let i = 0; e && typeof e === 'object' && i < 6; i++) {
    const r = e as { code?: unknown; message?: unknown; cause?: unknown };
    if (code === undefined && typeof r.code === 'number' && r.code >= 10000) code = r.code;
    if (typeof r.message === 'string') texts.push(r.message);
    e = r.cause;
  }
  return { ...(code !== undefined ? { code } : {}), text: texts.join(' | ') };
}

const isPermission = (a: Answer) => /no permission|no matched polic|not allowed|denied/i.test(a.text);

function codeName(a: Answer): string {
  if (a.code === UNAUTHORIZED) return isPermission(a) ? 'PERMISSION_DENIED' : refusal(a.text);
  if (a.code === FORBIDDEN) return 'FORBIDDEN';
  if (a.code === TOPIC_NOT_FOUND) return 'TOPIC_NOT_FOUND';
  if (a.code === GROUP_NOT_FOUND) return 'GROUP_NOT_FOUND';
  if (/Timeout|DEADLINE/i.test(a.text)) return 'TIMEOUT';
  return a.code !== undefined ? `STATUS_${a.code}` : 'NO_ANSWER';
}

function refusal(text: string): string {
  if (/signature/i.test(text)) return 'SIGNATURE_MISMATCH';
  if (/not found/i.test(text)) return 'ACCESS_KEY_UNKNOWN';
  return 'AUTHENTICATION_FAILED';
}

/**
 * The topic's route through the proxy, asked with these keys by a client that subscribes to
 * nothing (it starts at once, and waits for no settings).
 */
async function askRoute(
  conn: RocketmqConnection,
  topic: string,
): Promise<{ ok: true; endpoints: string[] } | { ok: false; answer: Answer }> {
  const { Producer } = await import('rocketmq-client-nodejs');
  const producer = new Producer({ ...clientOptions(conn), requestTimeout: GRPC_MS, topics: [] });
  try {
    await bounded(producer.startup(), GRPC_MS);
    const route = (await bounded(
      (producer as unknown as { getRouteData(t: string): Promise<unknown> }).getRouteData(topic),
      GRPC_MS,
    )) as { getTotalEndpoints?: () => { facade?: string }[] };
    const endpoints = (route.getTotalEndpoints?.() ?? []).map((e) => e.facade ?? '').filter(Boolean);
    return { ok: true, endpoints };
  } catch (error) {
    return { ok: false, answer: answerOf(error) };
  } finally {
    await shutdownBounded(producer);
  }
}

/** A simple consumer of the group starts: the proxy checks the group (and the topic) for it. */
async function askGroup(conn: RocketmqConnection, topic: string, group: string): Promise<Answer | undefined> {
  const { SimpleConsumer, FilterExpression } = await import('rocketmq-client-nodejs');
  const consumer = new SimpleConsumer({
    ...clientOptions(conn),
    requestTimeout: GRPC_MS,
    consumerGroup: group,
    subscriptions: new Map([[topic, FilterExpression.SUB_ALL]]),
    awaitDuration: 1000,
  });
  try {
    await bounded(consumer.startup(), GRPC_MS);
    return undefined;
  } catch (error) {
    return answerOf(error);
  } finally {
    await shutdownBounded(consumer);
  }
}

function keysProbe(order: 'given' | 'swapped', endpoint: string, ms: number, answer?: Answer): KeysProbe {
  const refused = answer?.code === UNAUTHORIZED && !isPermission(answer);
  const unknown = answer !== undefined && !refused && answer.code === undefined;
  return {
    kind: 'keys',
    target: endpoint,
    status: refused ? 'problem' : unknown ? 'skipped' : 'ok',
    ms,
    facts: {
      order,
      accepted: !refused && !unknown,
      via: 'grpc',
      ...(answer ? { code: codeName(answer) } : {}),
    },
  };
}

function permission(
  resource: 'topic' | 'group',
  name: string,
  action: 'route' | 'subscribe',
  ms: number | undefined,
  answer?: Answer,
): PermissionProbe {
  const outcome: Allowed = !answer
    ? 'allowed'
    : (answer.code === UNAUTHORIZED && isPermission(answer)) || answer.code === FORBIDDEN
      ? 'denied'
      : answer.code === TOPIC_NOT_FOUND || answer.code === GROUP_NOT_FOUND
        ? 'missing'
        : 'unknown';
  return {
    kind: 'permission',
    target: name,
    status: outcome === 'allowed' ? 'ok' : 'problem',
    ...(ms !== undefined ? { ms } : {}),
    facts: {
      resource,
      name,
      action,
      outcome,
      via: 'grpc',
      ...(answer ? { code: codeName(answer) } : {}),
    },
  };
}

/**
 * A 5.x proxy speaks only gRPC: the brokers behind it are not shown, so the doctor asks what the
 * proxy answers: the topic's route with the keys as given (and once swapped), and the group.
 */
export async function grpcProbes(input: RocketmqDoctorInput, endpoint: string): Promise<Probe[]> {
  const probes: Probe[] = [];
  const { topic, group } = input.grpc;
  const conn = { ...input.grpc.connection, endpoints: endpoint };
  const t0 = performance.now();
  let route = await askRoute(conn, topic);
  const given = keysProbe('given', endpoint, since(t0), route.ok ? undefined : route.answer);
  probes.push(given);
  let working: RocketmqConnection | undefined = given.facts.accepted ? conn : undefined;
  if (!route.ok && given.status === 'problem') {
    const swapped = swappedKeys({ accessKey: conn.accessKey, secretKey: conn.secretKey });
    if (swapped) {
      const other = { ...conn, accessKey: swapped.accessKey, secretKey: swapped.secretKey };
      const t1 = performance.now();
      route = await askRoute(other, topic);
      const probe = keysProbe('swapped', endpoint, since(t1), route.ok ? undefined : route.answer);
      probes.push(probe);
      if (probe.facts.accepted) working = other;
    }
  }
  if (!working) return probes;
  const routeProbe: RouteProbe = {
    kind: 'route',
    target: topic,
    status: route.ok ? 'ok' : 'problem',
    facts: {
      topic,
      nameServer: endpoint,
      brokers: route.ok ? [{ name: 'proxy', addresses: route.endpoints }] : [],
      ...(route.ok ? {} : { code: codeName(route.answer) }),
    },
  };
  probes.push(routeProbe);
  // The route was the keys' question: its time is the keys probe's, and not counted again.
  probes.push(permission('topic', topic, 'route', undefined, route.ok ? undefined : route.answer));
  if (!route.ok || !group) return probes;
  const t2 = performance.now();
  const answer = await askGroup(working, topic, group);
  probes.push(permission('group', group, 'subscribe', since(t2), answer));
  return probes;
}
