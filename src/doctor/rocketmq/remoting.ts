import {
  askWithKeys,
  FOLLOW_UP_MS,
  fullNameKnown,
  groupExists,
  swappedKeys,
} from '../../actions/rocketmq/follow-up.js';
import type { Credentials } from '../../remoting/acl.js';
import { deniedResource, isAuthFailure } from '../../remoting/classify.js';
import { RequestCode, ResponseCode } from '../../remoting/codes.js';
import { RemotingConnection } from '../../remoting/connection.js';
import { pull } from '../../remoting/consumer.js';
import { RemotingError, RemotingResponseError } from '../../remoting/errors.js';
import { encodeProperties } from '../../remoting/message.js';
import { registeredBrokers, topicRoute } from '../../remoting/nameserver.js';
import { splitAddress } from '../../remoting/producer.js';
import { buildSubscription } from '../../remoting/subscription.js';
import type { HostPort } from '../../util/addresses.js';
import type { DoctorNet } from '../net/connector.js';
import { tcpProbe } from '../net/probes.js';
import type { Allowed, BrokerProbe, KeysProbe, PermissionProbe, Probe, RouteProbe } from '../types.js';
import type { RocketmqDoctorInput } from './input.js';

const since = (t0: number) => Math.round(performance.now() - t0);

/** A queue no topic has: the broker checks permission and existence, then refuses it, storing nothing. */
const NO_SUCH_QUEUE = 999_999;

const withSignal = (signal: AbortSignal) => ({ signal });

/** Why keys were refused, as far as the broker's remark tells, without repeating the key it names. */
function refusalCode(error: RemotingResponseError): string {
  const remark = error.remark ?? '';
  if (/check signature failed/i.test(remark)) return 'SIGNATURE_MISMATCH';
  if (/is not found/i.test(remark)) return 'ACCESS_KEY_UNKNOWN';
  if (/cannot be null/i.test(remark)) return 'NOT_SIGNED';
  if (/disabled/i.test(remark)) return 'ACCESS_KEY_DISABLED';
  return 'AUTHENTICATION_FAILED';
}

function errorCode(error: unknown): string {
  if (error instanceof RemotingResponseError) return `RESPONSE_${error.responseCode}`;
  if (error instanceof RemotingError) return (error as { code?: string }).code ?? error.name;
  return (error as { code?: string })?.code ?? 'ERROR';
}

async function routeProbe(
  input: RocketmqDoctorInput,
  nameServers: HostPort[],
  signal: AbortSignal,
): Promise<RouteProbe> {
  const { topic, credentials } = input.remoting;
  const t0 = performance.now();
  const nameServer = nameServers.map((a) => `${a.host}:${a.port}`).join(';');
  const ask = {
    nameServers,
    credentials,
    connectTimeoutMs: FOLLOW_UP_MS,
    timeoutMs: FOLLOW_UP_MS,
    ...withSignal(signal),
  };
  try {
    const answer = await topicRoute(topic, ask);
    return {
      kind: 'route',
      target: topic,
      status: answer.route.brokers.length > 0 ? 'ok' : 'problem',
      ms: since(t0),
      facts: {
        topic,
        nameServer: answer.nameServer,
        brokers: answer.route.brokers.map((b) => ({
          name: b.brokerName,
          addresses: Object.entries(b.addresses)
            .sort(([a], [b2]) => Number(a) - Number(b2))
            .map(([, address]) => address),
        })),
      },
    };
  } catch (error) {
    const missing =
      error instanceof RemotingResponseError && error.responseCode === ResponseCode.TOPIC_NOT_EXIST;
    const ms = since(t0);
    const target = { ...input.remoting, nameServers };
    const [fullName, brokers] = missing
      ? await Promise.all([
          fullNameKnown(target, topic, signal).catch(() => undefined),
          registeredBrokers(ask).then(
            (list) => list.length,
            () => undefined,
          ),
        ])
      : [undefined, undefined];
    return {
      kind: 'route',
      target: topic,
      status: 'problem',
      ms,
      facts: {
        topic,
        nameServer,
        brokers: [],
        code: missing ? 'TOPIC_NOT_EXIST' : errorCode(error),
        ...(fullName ? { fullName } : {}),
        ...(brokers !== undefined ? { registeredBrokers: brokers } : {}),
      },
    };
  }
}

async function keysProbe(
  address: string,
  credentials: Credentials,
  order: 'given' | 'swapped',
  group: string,
  signal: AbortSignal,
): Promise<{ probe: KeysProbe; refusal?: RemotingResponseError }> {
  const [host, port] = splitAddress(address);
  const t0 = performance.now();
  let connection: RemotingConnection | undefined;
  try {
    connection = await RemotingConnection.open(host, port, {
      credentials,
      connectTimeoutMs: FOLLOW_UP_MS,
      ...withSignal(signal),
    });
    const answer = await askWithKeys(connection, group, { timeoutMs: FOLLOW_UP_MS, ...withSignal(signal) });
    return {
      probe: {
        kind: 'keys',
        target: address,
        status: answer.accepted ? 'ok' : 'problem',
        ms: since(t0),
        facts: {
          order,
          accepted: answer.accepted,
          via: 'remoting',
          ...(answer.accepted ? {} : { code: refusalCode(answer.refusal) }),
        },
      },
      ...(answer.refusal ? { refusal: answer.refusal } : {}),
    };
  } catch (error) {
    return {
      probe: {
        kind: 'keys',
        target: address,
        status: 'skipped',
        ms: since(t0),
        facts: { order, accepted: false, via: 'remoting', code: errorCode(error) },
      },
    };
  } finally {
    connection?.close();
  }
}

function permission(
  resource: 'topic' | 'group',
  name: string,
  action: 'publish' | 'subscribe',
  outcome: Allowed,
  ms: number,
  extra: { code?: string; fullName?: string } = {},
): PermissionProbe {
  return {
    kind: 'permission',
    target: name,
    status: outcome === 'allowed' ? 'ok' : 'problem',
    ms,
    facts: { resource, name, action, outcome, via: 'remoting', ...extra },
  };
}

/** SEND_MESSAGE_V2 to a queue the topic does not have: Pub is checked, nothing is stored. */
async function publishProbe(
  connection: RemotingConnection,
  input: RocketmqDoctorInput,
  brokerName: string,
  signal: AbortSignal,
): Promise<PermissionProbe> {
  const { topic, producerGroup } = input.remoting;
  const t0 = performance.now();
  try {
    const response = await connection.request(
      {
        code: RequestCode.SEND_MESSAGE_V2,
        extFields: {
          a: producerGroup,
          b: topic,
          c: 'TBW102',
          d: 4,
          e: NO_SUCH_QUEUE,
          f: 0,
          g: Date.now(),
          h: 0,
          i: encodeProperties({ WAIT: 'true' }),
          j: 0,
          k: false,
          m: false,
          n: brokerName,
        },
        body: Buffer.from('mq-tutor doctor: a probe the broker refuses, never stored'),
      },
      { timeoutMs: FOLLOW_UP_MS, ...withSignal(signal) },
    );
    const outcome: Allowed =
      response.code === ResponseCode.NO_PERMISSION
        ? 'denied'
        : response.code === ResponseCode.TOPIC_NOT_EXIST
          ? 'missing'
          : response.code === ResponseCode.INVALID_PARAMETER || response.code === ResponseCode.SYSTEM_ERROR
            ? 'allowed'
            : 'unknown';
    return permission('topic', topic, 'publish', outcome, since(t0), { code: `RESPONSE_${response.code}` });
  } catch (error) {
    return permission('topic', topic, 'publish', 'unknown', since(t0), { code: errorCode(error) });
  }
}

/**
 * PULL_MESSAGE from a queue the topic does not have: the broker checks Sub on the topic, then Sub
 * on the group, then that the group and the topic exist, and refuses the queue without reading the
 * store, so no offset moves and no event is written.
 */
async function subscribeProbes(
  connection: RemotingConnection,
  input: RocketmqDoctorInput,
  nameServers: HostPort[],
  brokerName: string,
  signal: AbortSignal,
): Promise<PermissionProbe[]> {
  const { topic, group } = input.remoting;
  const t0 = performance.now();
  let code = 'RESPONSE_0';
  let answer: number | undefined;
  let denied: string | undefined;
  try {
    await pull(
      connection,
      {
        group,
        queue: { topic, brokerName, queueId: NO_SUCH_QUEUE },
        offset: 0,
        maxMessages: 1,
        subscription: buildSubscription(topic, '*'),
      },
      { timeoutMs: FOLLOW_UP_MS, ...withSignal(signal) },
    );
    answer = ResponseCode.SUCCESS;
  } catch (error) {
    code = errorCode(error);
    if (error instanceof RemotingResponseError) {
      answer = error.responseCode;
      denied = deniedResource(error)?.type.toLowerCase();
    }
  }
  const ms = since(t0);
  const topicOutcome: Allowed =
    answer === undefined
      ? 'unknown'
      : answer === ResponseCode.NO_PERMISSION && denied === 'topic'
        ? 'denied'
        : answer === ResponseCode.TOPIC_NOT_EXIST
          ? 'missing'
          : 'allowed';
  const groupOutcome: Allowed =
    answer === undefined || topicOutcome !== 'allowed'
      ? 'unknown'
      : answer === ResponseCode.NO_PERMISSION
        ? 'denied'
        : answer === ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST
          ? 'missing'
          : 'allowed';
  let fullName: string | undefined;
  if (groupOutcome === 'missing') {
    const target = { ...input.remoting, nameServers };
    const candidate = await fullNameKnown(target, group, signal).catch(() => undefined);
    if (candidate && (await groupExists(target, candidate, signal))) fullName = candidate;
  }
  return [
    permission('topic', topic, 'subscribe', topicOutcome, ms, { code }),
    permission('group', group, 'subscribe', groupOutcome, ms, { code, ...(fullName ? { fullName } : {}) }),
  ];
}

/**
 * The document's route: the topic's route from the name server, every broker it lists, the keys
 * as given (and once swapped), then publish and subscribe on the topic and the group, each on its
 * own. Broker connections other than the reachability check use the system network.
 */
export async function remotingProbes(
  input: RocketmqDoctorInput,
  nameServers: HostPort[],
  deps: DoctorNet,
  signal: AbortSignal,
): Promise<Probe[]> {
  const probes: Probe[] = [];
  const route = await routeProbe(input, nameServers, signal);
  probes.push(route);
  let candidates = route.facts.brokers.map((b) => ({ name: b.name, addresses: b.addresses }));
  if (candidates.length === 0 && route.facts.registeredBrokers) {
    // No route for the topic: the keys can still be tried on any broker the name server knows.
    const known = await registeredBrokers({ nameServers, timeoutMs: FOLLOW_UP_MS, signal }).catch(() => []);
    candidates = known.map((b) => ({ name: b.brokerName, addresses: Object.values(b.addresses) }));
  }
  const brokerProbes: BrokerProbe[] = [];
  for (const b of route.facts.brokers) {
    for (const address of b.addresses) {
      const [host, port] = splitAddress(address);
      const tcp = await tcpProbe(deps, address, host, port, signal);
      brokerProbes.push({
        kind: 'broker',
        target: address,
        status: tcp.status,
        ms: tcp.ms ?? 0,
        facts: { name: b.name, address, ...(tcp.facts.code ? { code: tcp.facts.code } : {}) },
      });
    }
  }
  probes.push(...brokerProbes);
  const dead = new Set(brokerProbes.filter((p) => p.status !== 'ok').map((p) => p.facts.address));
  const broker = candidates.find((b) => b.addresses[0] && !dead.has(b.addresses[0]));
  const address = broker?.addresses[0];
  if (!broker || !address) return probes;

  const given = await keysProbe(address, input.remoting.credentials, 'given', input.remoting.group, signal);
  probes.push(given.probe);
  let credentials: Credentials | undefined = given.probe.facts.accepted
    ? input.remoting.credentials
    : undefined;
  if (given.refusal && isAuthFailure(given.refusal)) {
    const swapped = swappedKeys(input.remoting.credentials);
    if (swapped) {
      const other = await keysProbe(address, swapped, 'swapped', input.remoting.group, signal);
      probes.push(other.probe);
      if (other.probe.facts.accepted) credentials = swapped;
    }
  }
  // The keys' question asked for the group's consumers: a refusal that names the group is its own
  // permission, found once the keys passed.
  const groupRefused =
    given.refusal && !isAuthFailure(given.refusal) ? deniedResource(given.refusal) : undefined;
  if (!credentials || route.facts.brokers.length === 0) return probes;

  const [host, port] = splitAddress(address);
  let connection: RemotingConnection | undefined;
  try {
    connection = await RemotingConnection.open(host, port, {
      credentials,
      connectTimeoutMs: FOLLOW_UP_MS,
      signal,
    });
    probes.push(await publishProbe(connection, input, broker.name, signal));
    const subscribed = await subscribeProbes(connection, input, nameServers, broker.name, signal);
    const groupProbe = subscribed[1];
    if (groupProbe && groupProbe.facts.outcome === 'unknown' && groupRefused?.type === 'Group')
      subscribed[1] = permission('group', input.remoting.group, 'subscribe', 'denied', groupProbe.ms ?? 0, {
        code: 'RESPONSE_16',
      });
    probes.push(...subscribed);
  } catch (error) {
    probes.push({
      kind: 'broker',
      target: address,
      status: 'problem',
      facts: { name: broker.name, address, code: errorCode(error) },
    });
  } finally {
    connection?.close();
  }
  return probes;
}
