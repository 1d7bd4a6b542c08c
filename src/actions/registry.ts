import type { ActionCatalogue, ActionEntry } from '../engine/contract.js';

const KAFKA_CONNECTION = [
  'bootstrapServers',
  'securityProtocol',
  'saslMechanism',
  'username',
  'password',
  'caFile',
  'checkHostname',
] as const;
const ROCKETMQ_CONNECTION = ['endpoints', 'protocol', 'accessKey', 'secretKey', 'namespace'] as const;

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
    broker: 'kafka',
    load: () => import('./cert/check.js'),
  },
  'network.kafka': { reads: ['bootstrapServers'], broker: 'kafka', load: () => import('./network/kafka.js') },
  'network.rocketmq': {
    reads: ['endpoints', 'protocol'],
    broker: 'rocketmq',
    load: () => import('./network/rocketmq.js'),
  },
  'kafka.produce': {
    reads: [...KAFKA_CONNECTION, 'topic'],
    broker: 'kafka',
    load: () => import('./kafka/produce.js'),
  },
  'kafka.consume': {
    reads: [...KAFKA_CONNECTION, 'topic', 'groupId'],
    broker: 'kafka',
    load: () => import('./kafka/consume.js'),
  },
  'kafka.verify': {
    reads: [...KAFKA_CONNECTION, 'topic', 'groupId'],
    broker: 'kafka',
    verifies: true,
    load: () => import('./kafka/verify.js'),
  },
  'rocketmq.produce': {
    reads: [...ROCKETMQ_CONNECTION, 'topic', 'group', 'producerGroup', 'tag', 'keys'],
    broker: 'rocketmq',
    load: () => import('./rocketmq/produce.js'),
  },
  'rocketmq.consume': {
    reads: [...ROCKETMQ_CONNECTION, 'topic', 'group', 'tag'],
    broker: 'rocketmq',
    load: () => import('./rocketmq/consume.js'),
  },
  'rocketmq.verify': {
    reads: [...ROCKETMQ_CONNECTION, 'topic', 'group'],
    broker: 'rocketmq',
    verifies: true,
    load: () => import('./rocketmq/verify.js'),
  },
} satisfies Record<string, ActionEntry>;

export type ActionId = keyof typeof ACTIONS;

/** The catalogue the session hands the engine. */
export const actionCatalogue: ActionCatalogue = ACTIONS;
