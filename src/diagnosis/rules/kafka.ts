import { messageMatches, nameIs, typeIs } from '../chain.js';
import type { DiagnoseContext, Rule } from './rule.js';

const isKafka = (ctx: DiagnoseContext) => ctx.action.startsWith('kafka.') || ctx.action === 'cert.check';

const who = (ctx: DiagnoseContext) => ({
  username: ctx.values.username ?? '',
  topic: ctx.values.topic ?? '',
  group: ctx.values.groupId ?? '',
  servers: ctx.values.bootstrapServers ?? '',
});

/** Kafka protocol and kafkajs failures. */
export const kafkaRules: Rule[] = [
  (chain, ctx) =>
    isKafka(ctx) &&
    (chain.some(nameIs('KafkaJSSASLAuthenticationError')) || chain.some(typeIs('SASL_AUTHENTICATION_FAILED')))
      ? { code: 'SASL_AUTH_FAILED', values: who(ctx) }
      : undefined,
  (chain, ctx) =>
    isKafka(ctx) && chain.some(typeIs('TOPIC_AUTHORIZATION_FAILED'))
      ? { code: 'TOPIC_AUTHORIZATION_FAILED', values: who(ctx) }
      : undefined,
  // kafkajs reports a group the user may not use as "Failed to find group coordinator": the
  // broker's GROUP_AUTHORIZATION_FAILED answer to FindCoordinator is swallowed on the way.
  (chain, ctx) =>
    isKafka(ctx) &&
    (chain.some(typeIs('GROUP_AUTHORIZATION_FAILED')) ||
      chain.some(nameIs('KafkaJSGroupCoordinatorNotFound')))
      ? { code: 'GROUP_AUTHORIZATION_FAILED', values: who(ctx) }
      : undefined,
  (chain, ctx) =>
    isKafka(ctx) &&
    (chain.some(typeIs('UNKNOWN_TOPIC_OR_PARTITION')) || chain.some(nameIs('KafkaJSTopicMetadataNotLoaded')))
      ? { code: 'UNKNOWN_TOPIC', values: who(ctx) }
      : undefined,
  // A SASL_PLAINTEXT client talking to a TLS listener (confirmed by a TLS hello, see explain.ts),
  // named by the server that answered TLS, which need not be the list's first.
  (chain) => {
    const e = chain.find(nameIs('PlaintextToTlsPortError'));
    return e ? { code: 'PLAINTEXT_TO_TLS_PORT', values: { servers: String(e.server) } } : undefined;
  },
  (chain, ctx) =>
    isKafka(ctx) &&
    (chain.some(nameIs('KafkaJSConnectionClosedError')) ||
      chain.some(messageMatches(/Closed connection|Connection closed/)))
      ? { code: 'BROKER_UNAVAILABLE', values: who(ctx) }
      : undefined,
  (chain, ctx) =>
    isKafka(ctx) &&
    (chain.some(nameIs('KafkaJSRequestTimeoutError')) || chain.some(typeIs('REQUEST_TIMED_OUT')))
      ? { code: 'BROKER_TIMEOUT', values: who(ctx) }
      : undefined,
  (chain, ctx) =>
    isKafka(ctx) &&
    chain.some(
      typeIs(
        'LEADER_NOT_AVAILABLE',
        'NOT_LEADER_FOR_PARTITION',
        'NOT_LEADER_OR_FOLLOWER',
        'BROKER_NOT_AVAILABLE',
        'NOT_COORDINATOR',
        'COORDINATOR_NOT_AVAILABLE',
        'COORDINATOR_LOAD_IN_PROGRESS',
      ),
    )
      ? { code: 'BROKER_UNAVAILABLE', values: who(ctx) }
      : undefined,
];
