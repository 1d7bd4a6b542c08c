import path from 'node:path';
import { endpointText } from '../actions/rocketmq/endpoints.js';
import { tagToSend } from '../actions/rocketmq/message.js';
import { envVarName, splitHostPorts } from '../engine/params.js';
import { isSecretParam, secretParamIds } from '../engine/secrets.js';
import type { Tutorial } from '../engine/types.js';
import { fullName, normalize } from '../naming/tdmq.js';
import { codeRoute, type NetworkFinding, type Route } from './route.js';

export type CodeLanguage = 'python' | 'ts';
export const CODE_LANGUAGES: readonly CodeLanguage[] = ['python', 'ts'];

/** `--lang` words accepted for the programming language. */
export function codeLanguage(value: string | undefined): CodeLanguage | undefined {
  switch ((value ?? '').toLowerCase()) {
    case 'python':
    case 'py':
      return 'python';
    case 'ts':
    case 'typescript':
      return 'ts';
    default:
      return undefined;
  }
}

/** One filled-in setting of a generated program: its environment variable and the value written in. */
export interface Setting {
  param: string;
  env: string;
  value: string;
}

export interface KafkaModel {
  kind: 'kafka';
  bootstrapServers: Setting;
  securityProtocol: 'SASL_PLAINTEXT' | 'SASL_SSL';
  username: Setting;
  caFile: Setting;
  checkHostname: boolean;
  topic: Setting;
  groupId: Setting;
  secrets: string[];
}

export interface RocketmqModel {
  kind: 'rocketmq';
  /** How a run reaches the cluster with these values: the TypeScript programs take the same way. */
  route: Route;
  /** The access address(es) as given, scheme gone, `;` between: the gRPC proxy on the gRPC route. */
  endpoints: Setting;
  /** Name server(s), `;` between, for the remoting clients (rocketmq-client-python, mq-tutor/remoting). */
  nameServer: Setting;
  namespace: Setting;
  /** As the user gave them, short or full; the programs derive the form their SDK needs. */
  topic: Setting;
  group: Setting;
  /** The remoting producer's group: the `producerGroup` parameter, else the consumer group. */
  producerGroup: Setting;
  /** The full names the remoting programs send (namespace%name), shown in their comments. */
  topicFull: string;
  groupFull: string;
  producerGroupFull: string;
  /** Short names and namespace, as the gRPC client takes them. */
  topicShort: string;
  groupShort: string;
  grpcNamespace: string;
  /** The consumer's tag expression (the `tag` parameter), and the one tag a sent message carries. */
  tagExpression: Setting;
  sendTag: string;
  keys: Setting;
  secrets: string[];
}

export type CodeModel = KafkaModel | RocketmqModel;

export interface ModelContext {
  tutorial: Tutorial;
  profile: string;
  /** Resolved parameter values; secret values are ignored. */
  values: Readonly<Record<string, string | undefined>>;
  /** A name server known to go with these values (the sandbox's), for the remoting SDK. */
  nameServer?: string;
  /** The profile's last network check, which says what the address speaks. */
  network?: NetworkFinding;
}

export class MissingParamsError extends Error {
  constructor(readonly params: string[]) {
    super(`missing parameters: ${params.join(', ')}`);
    this.name = 'MissingParamsError';
  }
}

function setting(param: string, value: string, env = envVarName(param)): Setting {
  return { param, env, value };
}

/** The environment variables that carry a tutorial's secrets. */
export function secretEnvVars(tutorial: Tutorial): string[] {
  return secretParamIds(tutorial).map(envVarName);
}

/** Turns resolved parameters into what the generators write; a required one missing is an error. */
export function buildModel(ctx: ModelContext): CodeModel {
  const plain: Record<string, string> = {};
  for (const [key, value] of Object.entries(ctx.values)) {
    const def = ctx.tutorial.params[key];
    if (value === undefined || isSecretParam(def)) continue;
    plain[key] = value;
  }
  const need = (keys: string[]) => {
    const missing = keys.filter((k) => !plain[k]);
    if (missing.length) throw new MissingParamsError(missing);
  };
  if (ctx.tutorial.broker === 'rocketmq') {
    need(['endpoints', 'topic', 'group']);
    const namespace = plain.namespace ?? '';
    const topic = normalize(namespace, plain.topic ?? '');
    const group = normalize(namespace, plain.group ?? '');
    const producerGroup = plain.producerGroup || plain.group || '';
    const producer = normalize(namespace, producerGroup);
    const expression = plain.tag?.trim() || '*';
    const route = codeRoute(plain, ctx.network);
    const endpoints = endpointText(plain.endpoints);
    return {
      kind: 'rocketmq',
      route,
      endpoints: setting('endpoints', endpoints),
      // The remoting clients talk to a name server: on the remoting route, the address itself; on
      // the gRPC route, the one the caller knows goes with it (the sandbox's), else the address.
      nameServer: setting('nameServer', route === 'grpc' ? (ctx.nameServer ?? endpoints) : endpoints),
      namespace: setting('namespace', namespace),
      topic: setting('topic', plain.topic ?? ''),
      group: setting('group', plain.group ?? ''),
      producerGroup: setting('producerGroup', producerGroup),
      topicFull: fullName(topic.namespace, topic.name),
      groupFull: fullName(group.namespace, group.name),
      producerGroupFull: fullName(producer.namespace, producer.name),
      topicShort: topic.name,
      groupShort: group.name,
      grpcNamespace: topic.namespace,
      tagExpression: setting('tag', expression),
      sendTag: tagToSend(expression),
      keys: setting('keys', plain.keys ?? ''),
      secrets: secretEnvVars(ctx.tutorial),
    };
  }
  need(['bootstrapServers', 'username', 'topic', 'groupId']);
  const securityProtocol = plain.securityProtocol === 'SASL_SSL' ? 'SASL_SSL' : 'SASL_PLAINTEXT';
  if (securityProtocol === 'SASL_SSL') need(['caFile']);
  return {
    kind: 'kafka',
    bootstrapServers: setting('bootstrapServers', splitHostPorts(plain.bootstrapServers ?? '').join(',')),
    securityProtocol,
    username: setting('username', plain.username ?? ''),
    // The program may run from another folder: the CA file's path is written absolute.
    caFile: setting('caFile', plain.caFile ? path.resolve(plain.caFile) : ''),
    checkHostname: (plain.checkHostname ?? 'false').toLowerCase() === 'true',
    topic: setting('topic', plain.topic ?? ''),
    groupId: setting('groupId', plain.groupId ?? ''),
    secrets: secretEnvVars(ctx.tutorial),
  };
}

/** Whether a language's RocketMQ programs go through the gRPC proxy (only TypeScript can). */
export function usesGrpc(model: RocketmqModel, language: CodeLanguage): boolean {
  return language === 'ts' && model.route === 'grpc';
}

/** Every value a language's programs have written in, for the README's table. */
export function filledValues(model: CodeModel, language: CodeLanguage): Setting[] {
  if (model.kind === 'kafka') {
    return [
      model.bootstrapServers,
      model.username,
      ...(model.securityProtocol === 'SASL_SSL' ? [model.caFile] : []),
      model.topic,
      model.groupId,
    ];
  }
  const grpc = usesGrpc(model, language);
  return [
    grpc ? model.endpoints : model.nameServer,
    model.namespace,
    model.topic,
    model.group,
    ...(grpc ? [] : [model.producerGroup]),
    model.tagExpression,
    model.keys,
  ];
}
