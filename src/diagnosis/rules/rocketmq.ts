import type { DiagnoseContext, Rule } from './rule.js';

const isRocketmq = (ctx: DiagnoseContext) => ctx.action.startsWith('rocketmq.');

function firstEndpoint(ctx: DiagnoseContext): { endpoint: string; host: string; port: string } {
  const endpoint = (ctx.values.endpoints ?? '').split(/[,;]/)[0]?.trim() ?? '';
  const at = endpoint.lastIndexOf(':');
  return { endpoint, host: endpoint.slice(0, at), port: endpoint.slice(at + 1) };
}

const who = (ctx: DiagnoseContext) => ({
  endpoints: ctx.values.endpoints ?? '',
  topic: ctx.values.topic ?? '',
  group: ctx.values.group ?? '',
  resource: ctx.values.topic ?? '',
  ...firstEndpoint(ctx),
});

/** The RocketMQ v2 status code a ClientException carries (apache/rocketmq-apis, definition.proto). */
function statusCode(chain: Record<string, unknown>[]): number | undefined {
  for (const e of chain) if (typeof e.code === 'number' && e.code >= 10000) return e.code;
  return undefined;
}

/** grpc-js's own status when no RocketMQ answer came at all (14 = UNAVAILABLE). */
function grpcStatus(chain: Record<string, unknown>[]): number | undefined {
  for (const e of chain) if (typeof e.code === 'number' && e.code < 100 && 'details' in e) return e.code;
  for (const e of chain)
    if (/^\d+ [A-Z_]+:/.test(String(e.message ?? ''))) return Number(String(e.message).split(' ')[0]);
  return undefined;
}

const text = (chain: Record<string, unknown>[]) => chain.map((e) => String(e.message ?? '')).join(' | ');

const UNAUTHORIZED = 40100;
const TOPIC_NOT_FOUND = 40402;
const CONSUMER_GROUP_NOT_FOUND = 40403;
const PROXY_TIMEOUT = 50400;
const TOO_MANY_REQUESTS = 42900;
const UNAVAILABLE = 14;
const DEADLINE_EXCEEDED = 4;
const NAME_SERVER_PORT = '9876';

/** RocketMQ gRPC client failures, as rocketmq-client-nodejs reports them against a 5.x proxy. */
export const rocketmqRules: Rule[] = [
  // 40100 covers both a login that failed and a permission that is missing; the text tells which.
  (chain, ctx) => {
    if (!isRocketmq(ctx) || statusCode(chain) !== UNAUTHORIZED) return undefined;
    const all = text(chain);
    if (/no permission|no matched polic|not allowed|denied/i.test(all)) {
      const resource = /(Topic|Group):([\w%|-]+)/.exec(all)?.[0] ?? ctx.values.topic ?? '';
      return { code: 'RMQ_PERMISSION_DENIED', values: { ...who(ctx), resource } };
    }
    return { code: 'RMQ_AUTH_FAILED', values: who(ctx) };
  },
  (chain, ctx) =>
    isRocketmq(ctx) && statusCode(chain) === TOO_MANY_REQUESTS
      ? { code: 'RMQ_BROKER_BUSY', values: { endpoints: who(ctx).endpoints } }
      : undefined,
  (chain, ctx) =>
    isRocketmq(ctx) && statusCode(chain) === 40300
      ? { code: 'RMQ_PERMISSION_DENIED', values: who(ctx) }
      : undefined,
  (chain, ctx) =>
    isRocketmq(ctx) && (statusCode(chain) === TOPIC_NOT_FOUND || /No topic route info/i.test(text(chain)))
      ? { code: 'RMQ_TOPIC_NOT_FOUND', values: who(ctx) }
      : undefined,
  (chain, ctx) =>
    isRocketmq(ctx) &&
    (statusCode(chain) === CONSUMER_GROUP_NOT_FOUND ||
      /subscription group .* does not exist/i.test(text(chain)))
      ? { code: 'RMQ_GROUP_NOT_FOUND', values: who(ctx) }
      : undefined,
  // The client refuses before sending: the topic's route says it accepts another message type.
  (chain, ctx) =>
    isRocketmq(ctx) && /message type not match/i.test(text(chain))
      ? { code: 'RMQ_MESSAGE_TYPE_MISMATCH', values: who(ctx) }
      : undefined,
  (chain, ctx) => {
    if (!isRocketmq(ctx) || grpcStatus(chain) !== UNAVAILABLE) return undefined;
    const all = text(chain);
    const values = who(ctx);
    if (/ECONNREFUSED/.test(all)) return { code: 'CONNECTION_REFUSED', values };
    if (/ENOTFOUND|EAI_AGAIN|Name resolution failed|DNS resolution failed/i.test(all))
      return { code: 'UNKNOWN_HOST', values };
    if (values.port === NAME_SERVER_PORT) return { code: 'RMQ_NAMESERVER_PORT', values };
    return { code: 'RMQ_NOT_GRPC', values };
  },
  (chain, ctx) =>
    isRocketmq(ctx) &&
    (statusCode(chain) === PROXY_TIMEOUT ||
      grpcStatus(chain) === DEADLINE_EXCEEDED ||
      chain.some((e) => e.name === 'RocketmqStartupTimeout'))
      ? { code: 'RMQ_TIMEOUT', values: who(ctx) }
      : undefined,
];
