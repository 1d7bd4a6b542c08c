import { messageMatches, nameIs } from '../chain.js';
import type { DiagnoseContext, Rule } from './rule.js';

const isRocketmq = (ctx: DiagnoseContext) => ctx.action.startsWith('rocketmq.');

const who = (ctx: DiagnoseContext) => ({
  endpoints: ctx.values.endpoints ?? '',
  topic: ctx.values.topic ?? '',
  group: ctx.values.group ?? '',
  resource: ctx.values.topic ?? '',
});

/** The RocketMQ v2 status code a ClientException carries (see apache/rocketmq-apis, definition.proto). */
function statusCode(chain: Record<string, unknown>[]): number | undefined {
  for (const e of chain) if (typeof e.code === 'number' && e.code >= 10000) return e.code;
  return undefined;
}

const CODE = {
  UNAUTHORIZED: 40100,
  FORBIDDEN: 40300,
  NOT_FOUND: 40400,
  TOPIC_NOT_FOUND: 40402,
  CONSUMER_GROUP_NOT_FOUND: 40403,
  PROXY_TIMEOUT: 50400,
} as const;

/** RocketMQ gRPC client failures. */
export const rocketmqRules: Rule[] = [
  (chain, ctx) =>
    isRocketmq(ctx) && statusCode(chain) === CODE.UNAUTHORIZED
      ? { code: 'RMQ_AUTH_FAILED', values: who(ctx) }
      : undefined,
  (chain, ctx) => {
    if (!isRocketmq(ctx) || statusCode(chain) !== CODE.FORBIDDEN) return undefined;
    const text = chain.map((e) => String(e.message ?? '')).join(' ');
    const resource = /(Topic|Group):([\w%|-]+)/.exec(text)?.[0] ?? ctx.values.topic ?? '';
    return { code: 'RMQ_PERMISSION_DENIED', values: { ...who(ctx), resource } };
  },
  (chain, ctx) =>
    isRocketmq(ctx) && statusCode(chain) === CODE.TOPIC_NOT_FOUND
      ? { code: 'RMQ_TOPIC_NOT_FOUND', values: who(ctx) }
      : undefined,
  (chain, ctx) =>
    isRocketmq(ctx) && statusCode(chain) === CODE.CONSUMER_GROUP_NOT_FOUND
      ? { code: 'RMQ_GROUP_NOT_FOUND', values: who(ctx) }
      : undefined,
  (chain, ctx) =>
    isRocketmq(ctx) &&
    chain.some(messageMatches(/message type|messageType|not match.*type|FIFO|TRANSACTION|DELAY/i)) &&
    statusCode(chain) !== undefined
      ? { code: 'RMQ_MESSAGE_TYPE_MISMATCH', values: who(ctx) }
      : undefined,
  (chain, ctx) =>
    isRocketmq(ctx) &&
    (statusCode(chain) === CODE.PROXY_TIMEOUT || chain.some(nameIs('RocketmqStartupTimeout')))
      ? { code: 'RMQ_TIMEOUT', values: who(ctx) }
      : undefined,
];
