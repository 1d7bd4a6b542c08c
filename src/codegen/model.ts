import path from 'node:path';
import { tagToSend } from '../actions/rocketmq/produce.js';
import { envVarName, splitHostPorts } from '../engine/params.js';
import { isSecretKey } from '../engine/secrets.js';
import type { Tutorial } from '../engine/types.js';
import { fullName, normalize } from '../naming/tdmq.js';
import { ROCKETMQ } from '../sandbox/rocketmq/config.js';

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
  kind: 'ckafka';
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
  /** gRPC proxy endpoint(s), for rocketmq-client-nodejs. */
  endpoints: Setting;
  /** Name server, for the document's remoting SDK (rocketmq-client-python). */
  nameServer: Setting;
  namespace: Setting;
  /** As the user gave them, short or full; the programs derive the form their SDK needs. */
  topic: Setting;
  group: Setting;
  /** Full TDMQ names (namespace%name), written into the Python programs' comments and defaults. */
  topicFull: string;
  groupFull: string;
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
  return Object.values(tutorial.params)
    .filter((p) => p.type === 'secret' || isSecretKey(p.id))
    .map((p) => envVarName(p.id));
}

/**
 * The document's remoting SDK talks to the name server, the gRPC client to the proxy. For the
 * sandbox (proxy 127.0.0.1:8081) the name server is known; for a cloud cluster, the console's access
 * address is the name server address, which is what the user entered.
 */
export function nameServerFor(endpoints: string): string {
  const first = splitHostPorts(endpoints)[0] ?? '';
  if (/^(127\.0\.0\.1|localhost):/.test(first) && first.endsWith(`:${ROCKETMQ.proxyPort}`))
    return `${first.slice(0, first.lastIndexOf(':'))}:${ROCKETMQ.namesrvPort}`;
  return first;
}

/** Turns resolved parameters into what the generators write; a required one missing is an error. */
export function buildModel(ctx: ModelContext): CodeModel {
  const plain: Record<string, string> = {};
  for (const [key, value] of Object.entries(ctx.values)) {
    const def = ctx.tutorial.params[key];
    if (value === undefined || isSecretKey(key) || def?.type === 'secret') continue;
    plain[key] = value;
  }
  const need = (keys: string[]) => {
    const missing = keys.filter((k) => !plain[k]);
    if (missing.length) throw new MissingParamsError(missing);
  };
  if (ctx.tutorial.id === 'rocketmq') {
    need(['endpoints', 'topic', 'group']);
    const namespace = plain.namespace ?? '';
    const topic = normalize(namespace, plain.topic ?? '');
    const group = normalize(namespace, plain.group ?? '');
    const expression = plain.tag?.trim() || '*';
    const endpoints = splitHostPorts(plain.endpoints ?? '').join(';');
    return {
      kind: 'rocketmq',
      endpoints: setting('endpoints', endpoints),
      nameServer: setting('nameServer', nameServerFor(plain.endpoints ?? '')),
      namespace: setting('namespace', namespace),
      topic: setting('topic', plain.topic ?? ''),
      group: setting('group', plain.group ?? ''),
      topicFull: fullName(topic.namespace, topic.name),
      groupFull: fullName(group.namespace || topic.namespace, group.name),
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
    kind: 'ckafka',
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

/** Every value a model writes into the files, for the README's table. */
export function filledValues(model: CodeModel): Setting[] {
  if (model.kind === 'ckafka') {
    return [
      model.bootstrapServers,
      model.username,
      ...(model.securityProtocol === 'SASL_SSL' ? [model.caFile] : []),
      model.topic,
      model.groupId,
    ];
  }
  return [
    model.endpoints,
    model.nameServer,
    model.namespace,
    model.topic,
    model.group,
    model.tagExpression,
    model.keys,
  ];
}
