import type { ActionDefinition } from './types.js';

// biome-ignore lint/suspicious/noExplicitAny: each action has its own input type
type Loader = () => Promise<{ action: ActionDefinition<any> }>;

export interface ActionEntry {
  /** Parameters the action reads; a step running it must list them. */
  reads: readonly string[];
  /** Static arguments the step must give under `with`. */
  args?: readonly string[];
  /** Loaded only when a step runs it, so heavy clients never slow start-up. */
  load: Loader;
}

const KAFKA_CONNECTION = [
  'bootstrapServers',
  'securityProtocol',
  'saslMechanism',
  'username',
  'password',
  'caFile',
  'checkHostname',
] as const;
const ROCKETMQ_CONNECTION = ['endpoints', 'accessKey', 'secretKey', 'namespace'] as const;

/** Every live capability a step can run, by the name step files use in `action:`. */
export const ACTIONS = {
  'env.prepare': {
    reads: [],
    args: ['pythonPackage', 'pythonModule'],
    load: () => import('./env/prepare.js'),
  },
  'env.librocketmq': { reads: [], load: () => import('./env/librocketmq.js') },
  'cert.check': {
    reads: ['bootstrapServers', 'caFile', 'checkHostname'],
    load: () => import('./cert/check.js'),
  },
  'network.kafka': { reads: ['bootstrapServers'], load: () => import('./network/kafka.js') },
  'network.rocketmq': { reads: ['endpoints'], load: () => import('./network/rocketmq.js') },
  'kafka.produce': { reads: [...KAFKA_CONNECTION, 'topic'], load: () => import('./kafka/produce.js') },
  'kafka.consume': {
    reads: [...KAFKA_CONNECTION, 'topic', 'groupId'],
    load: () => import('./kafka/consume.js'),
  },
  'kafka.verify': {
    reads: [...KAFKA_CONNECTION, 'topic', 'groupId'],
    load: () => import('./kafka/verify.js'),
  },
  'rocketmq.produce': {
    reads: [...ROCKETMQ_CONNECTION, 'topic', 'tag', 'keys'],
    load: () => import('./rocketmq/produce.js'),
  },
  'rocketmq.consume': {
    reads: [...ROCKETMQ_CONNECTION, 'topic', 'group', 'tag'],
    load: () => import('./rocketmq/consume.js'),
  },
  'rocketmq.verify': {
    reads: [...ROCKETMQ_CONNECTION, 'topic', 'group'],
    load: () => import('./rocketmq/verify.js'),
  },
} satisfies Record<string, ActionEntry>;

export type ActionId = keyof typeof ACTIONS;

export function actionEntry(id: string): ActionEntry | undefined {
  return (ACTIONS as Record<string, ActionEntry>)[id];
}
