import { endpointText } from '../../actions/rocketmq/endpoints.js';
import {
  deniedResource,
  isAuthFailure,
  isBrokerBusy,
  isGroupMissing,
  isPermissionDenied,
  isTopicMissing,
  topicMissingAt,
} from '../../remoting/classify.js';
import {
  NameServersUnreachableError,
  NotRemotingError,
  RemotingConnectionError,
  RemotingError,
  type RemotingResponseError,
  RemotingTimeoutError,
} from '../../remoting/errors.js';
import type { DiagnoseContext, Rule } from './rule.js';

/** The remoting route's failures, as the remoting client reports them (typed errors, the broker's remarks). */
const first = (chain: Record<string, unknown>[]) =>
  chain.find((e): e is RemotingError & Record<string, unknown> => e instanceof RemotingError);

function hostAndPort(address: string): { host: string; port: string } {
  const at = address.lastIndexOf(':');
  return { host: address.slice(0, at).replace(/^\[(.*)\]$/, '$1'), port: address.slice(at + 1) };
}

const names = (ctx: DiagnoseContext) => ({
  endpoints: endpointText(ctx.values.endpoints),
  topic: ctx.values.topic ?? '',
  group: ctx.values.group ?? '',
});

/** A connection failure by its Node code, to the address that failed. */
function connectionFailure(address: string, code: string | undefined) {
  const where = hostAndPort(address);
  if (code === 'ECONNREFUSED') return { code: 'CONNECTION_REFUSED' as const, values: where };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { code: 'UNKNOWN_HOST' as const, values: where };
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH')
    return { code: 'NETWORK_UNREACHABLE' as const, values: where };
  if (code === 'ETIMEDOUT') return { code: 'CONNECTION_TIMEOUT' as const, values: where };
  return { code: 'CONNECTION_DROPPED' as const, values: where };
}

export const remotingRules: Rule[] = [
  (chain, ctx) => {
    const e = first(chain);
    if (!e || !isAuthFailure(e)) return undefined;
    return { code: 'RMQ_AUTH_FAILED', values: { endpoints: names(ctx).endpoints } };
  },
  (chain, ctx) => {
    const e = first(chain);
    if (!e || !isPermissionDenied(e)) return undefined;
    const denied = deniedResource(e as RemotingResponseError);
    const resource = denied ? `${denied.type}:${denied.name}` : `Topic:${names(ctx).topic}`;
    return { code: 'RMQ_PERMISSION_DENIED', values: { ...names(ctx), resource } };
  },
  (chain, ctx) => {
    const e = first(chain);
    if (!e || !isTopicMissing(e)) return undefined;
    const n = names(ctx);
    if (topicMissingAt(e as RemotingResponseError) === 'nameserver')
      return {
        code: 'RMQ_NO_ROUTE',
        values: { topic: n.topic, nameServer: (e as RemotingResponseError).address },
      };
    return { code: 'RMQ_TOPIC_NOT_FOUND', values: { endpoints: n.endpoints, topic: n.topic } };
  },
  (chain, ctx) => {
    const e = first(chain);
    if (!e || !isGroupMissing(e)) return undefined;
    return {
      code: 'RMQ_GROUP_NOT_FOUND',
      values: { endpoints: names(ctx).endpoints, group: names(ctx).group },
    };
  },
  (chain, ctx) => {
    const e = first(chain);
    if (!e || !isBrokerBusy(e)) return undefined;
    return { code: 'RMQ_BROKER_BUSY', values: { endpoints: names(ctx).endpoints } };
  },
  (chain) => {
    const e = first(chain);
    if (!(e instanceof NotRemotingError)) return undefined;
    // An HTTP/2 server's first frame is SETTINGS (type 4): the gRPC endpoint given for the name server.
    const http2 = e.firstBytes.length >= 9 && e.firstBytes[3] === 0x04;
    return { code: http2 ? 'RMQ_GRPC_FOR_REMOTING' : 'RMQ_NOT_NAMESERVER', values: { endpoint: e.address } };
  },
  (chain) => {
    const e = first(chain);
    if (!(e instanceof NameServersUnreachableError)) return undefined;
    const attempt = e.attempts[0];
    if (!attempt) return undefined;
    if (attempt.error instanceof RemotingTimeoutError)
      return { code: 'CONNECTION_TIMEOUT', values: hostAndPort(attempt.address) };
    if (attempt.error instanceof RemotingConnectionError)
      return connectionFailure(attempt.address, attempt.error.code);
    return undefined;
  },
  (chain, ctx) => {
    const e = first(chain);
    if (e instanceof RemotingTimeoutError)
      return e.stage === 'connect'
        ? { code: 'CONNECTION_TIMEOUT', values: hostAndPort(e.address) }
        : { code: 'RMQ_TIMEOUT', values: { endpoints: names(ctx).endpoints } };
    if (e instanceof RemotingConnectionError) return connectionFailure(e.address, e.code);
    return undefined;
  },
];
