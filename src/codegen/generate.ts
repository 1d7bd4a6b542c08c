import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { secretParamIds } from '../engine/secrets.js';
import type { Tutorial } from '../engine/types.js';
import { type Lang, type MessageKey, t } from '../i18n/index.js';
import { writeFileAtomic } from '../util/files.js';
import { packageVersion } from '../util/version.js';
import { buildModel, type CodeLanguage, type CodeModel, filledValues, usesGrpc } from './model.js';
import {
  type GeneratedFile,
  type Header,
  kafkaConsumerPy,
  kafkaProducerPy,
  rocketmqConsumerPy,
  rocketmqProducerPy,
} from './python.js';
import type { NetworkFinding } from './route.js';
import {
  kafkaConsumerTs,
  kafkaProducerTs,
  packageJson,
  rocketmqConsumerTs,
  rocketmqProducerTs,
  TS_DEPENDENCIES,
  tsconfigJson,
} from './typescript.js';
import { REMOTING_MODULE, remotingConsumerTs, remotingProducerTs } from './typescript-remoting.js';

export type { GeneratedFile } from './python.js';

/** PyPI packages the Python programs need, pinned as tested (the RocketMQ one also needs librocketmq). */
export const PY_REQUIREMENTS = {
  kafka: 'kafka-python==3.0.12',
  rocketmq: 'rocketmq-client-python==2.0.0',
} as const;

export interface GenerateOptions {
  tutorial: Tutorial;
  language: CodeLanguage;
  /** Resolved parameter values (secrets among them are ignored). */
  values: Readonly<Record<string, string | undefined>>;
  profile: string;
  /** Language of the comments and README. */
  lang: Lang;
  /** Fixed for reproducible output in tests. */
  date?: Date;
  /** A name server known to go with the values (the sandbox's), for the document's remoting SDK. */
  nameServer?: string;
  /** The profile's last network check (its details), which says which route the address takes. */
  network?: NetworkFinding;
}

/** Whether the TypeScript programs import mq-tutor's own remoting client. */
function usesRemotingClient(o: GenerateOptions, model: CodeModel): boolean {
  return o.language === 'ts' && model.kind === 'rocketmq' && !usesGrpc(model, 'ts');
}

/** The programs point at the local sandbox brokers (loopback addresses). */
function isSandbox(model: CodeModel): boolean {
  const address = model.kind === 'kafka' ? model.bootstrapServers.value : model.endpoints.value;
  return /(^|[,;])\s*(localhost|127\.0\.0\.1):/.test(address);
}

/** `mq-tutor sandbox env` prints the gRPC route's values: on the remoting route only its keys fit. */
function sandboxHint(model: CodeModel): MessageKey {
  return model.kind === 'rocketmq' && model.route === 'remoting'
    ? 'codegen.readme.sandboxHintRemoting'
    : 'codegen.readme.sandboxHint';
}

function readme(lang: Lang, o: GenerateOptions, model: CodeModel): GeneratedFile {
  const language = o.language === 'python' ? 'Python' : 'TypeScript';
  const lines: string[] = [
    `# ${t(lang, 'codegen.readme.title', { tutorial: o.tutorial.title[lang], language })}`,
    '',
    t(lang, 'codegen.readme.intro', { profile: o.profile }),
    '',
    `## ${t(lang, 'codegen.readme.install')}`,
    '',
  ];
  if (o.language === 'python') {
    if (model.kind === 'rocketmq') lines.push(t(lang, 'codegen.readme.librocketmq'), '');
    lines.push('```bash', 'pip install -r requirements.txt', '```');
  } else {
    lines.push(t(lang, 'codegen.readme.node'), '');
    if (usesRemotingClient(o, model))
      lines.push(
        t(lang, 'codegen.readme.remoting', { module: REMOTING_MODULE, version: packageVersion() }),
        '',
      );
    lines.push('```bash', 'npm install', '```');
  }
  lines.push(
    '',
    `## ${t(lang, 'codegen.readme.secrets')}`,
    '',
    t(lang, 'codegen.readme.secretsText'),
    '',
    '```bash',
    ...model.secrets.map((v) => `export ${v}='...'`),
    '```',
    '',
    ...(isSandbox(model) ? [t(lang, sandboxHint(model)), ''] : []),
    `## ${t(lang, 'codegen.readme.run')}`,
    '',
    t(lang, 'codegen.readme.runText'),
    '',
    '```bash',
    ...(o.language === 'python'
      ? ['python consumer.py', 'python producer.py "Hello"']
      : ['npx tsx consumer.ts', 'npx tsx producer.ts "Hello"']),
    '```',
    '',
    ...(usesRemotingClient(o, model) ? [t(lang, 'codegen.readme.consumerFirst'), ''] : []),
    `## ${t(lang, 'codegen.readme.values')}`,
    '',
    t(lang, 'codegen.readme.valuesText'),
    '',
    '| parameter | MQ_TUTOR_... | value |',
    '|---|---|---|',
    ...filledValues(model, o.language).map(
      (s) => `| ${s.param} | \`${s.env}\` | \`${s.value.replace(/\|/g, '\\|')}\` |`,
    ),
    '',
  );
  return { name: 'README.md', content: lines.join('\n') };
}

/** The files of one language's producer and consumer, filled with the parameters; nothing written yet. */
export function generateFiles(o: GenerateOptions): GeneratedFile[] {
  const model = buildModel({
    tutorial: o.tutorial,
    profile: o.profile,
    values: o.values,
    ...(o.nameServer ? { nameServer: o.nameServer } : {}),
    ...(o.network ? { network: o.network } : {}),
  });
  const header: Header = {
    version: packageVersion(),
    tutorial: o.tutorial.id,
    profile: o.profile,
    date: (o.date ?? new Date()).toISOString().slice(0, 10),
  };
  const files: GeneratedFile[] = [];
  if (o.language === 'python') {
    if (model.kind === 'kafka')
      files.push(kafkaProducerPy(o.lang, header, model), kafkaConsumerPy(o.lang, header, model));
    else files.push(rocketmqProducerPy(o.lang, header, model), rocketmqConsumerPy(o.lang, header, model));
    files.push({ name: 'requirements.txt', content: `${PY_REQUIREMENTS[model.kind]}\n` });
  } else if (model.kind === 'kafka') {
    files.push(
      kafkaProducerTs(o.lang, header, model),
      kafkaConsumerTs(o.lang, header, model),
      packageJson(o.tutorial.id, { kafkajs: TS_DEPENDENCIES.kafkajs }),
    );
  } else if (usesGrpc(model, 'ts')) {
    files.push(
      rocketmqProducerTs(o.lang, header, model),
      rocketmqConsumerTs(o.lang, header, model),
      packageJson(o.tutorial.id, { 'rocketmq-client-nodejs': TS_DEPENDENCIES['rocketmq-client-nodejs'] }),
    );
  } else {
    files.push(
      remotingProducerTs(o.lang, header, model),
      remotingConsumerTs(o.lang, header, model),
      packageJson(o.tutorial.id, { 'mq-tutor': header.version }),
    );
  }
  if (o.language === 'ts') files.push(tsconfigJson());
  files.push(readme(o.lang, o, model));
  return files;
}

/** A secret value found in a generated file: generation stops rather than write it. */
export class SecretLeakError extends Error {
  constructor(readonly file: string) {
    super(`a secret value would be written to ${file}`);
    this.name = 'SecretLeakError';
  }
}

/** The last line of defence: no secret value (3 characters or more) appears in any file. */
export function assertNoSecrets(files: GeneratedFile[], secrets: Iterable<string | undefined>): void {
  const values = [...secrets].filter((s): s is string => typeof s === 'string' && s.length >= 3);
  for (const file of files) {
    if (values.some((s) => file.content.includes(s))) throw new SecretLeakError(file.name);
  }
}

export interface WrittenFile {
  path: string;
  state: 'written' | 'unchanged' | 'kept';
}

/**
 * Writes the files into `dir`. A file that exists with other content (the user may have edited it)
 * is kept unless `overwrite`; the same content is left alone.
 */
export function writeFiles(dir: string, files: GeneratedFile[], overwrite: boolean): WrittenFile[] {
  return files.map((file) => {
    const target = path.join(dir, file.name);
    if (existsSync(target)) {
      const current = readFileSync(target, 'utf8');
      if (current === file.content) return { path: target, state: 'unchanged' };
      if (!overwrite) return { path: target, state: 'kept' };
    }
    writeFileAtomic(target, file.content, file.executable ? 0o755 : 0o644);
    return { path: target, state: 'written' };
  });
}

/** Where `mq-tutor code` writes when no --out is given: ./mq-tutor-code/<tutorial>/<language>. */
export function defaultCodeDir(tutorial: string, language: CodeLanguage, cwd = process.cwd()): string {
  return path.join(cwd, 'mq-tutor-code', tutorial, language);
}

/** The secret values among resolved parameters, for the leak check. */
export function secretValuesOf(
  tutorial: Tutorial,
  values: Readonly<Record<string, string | undefined>>,
): string[] {
  return secretParamIds(tutorial)
    .map((id) => values[id])
    .filter((v): v is string => Boolean(v));
}

export interface GeneratedSet {
  language: CodeLanguage;
  dir: string;
  files: WrittenFile[];
}

/** Generates and writes one language; secrets in `values` are checked never to reach a file. */
export function generateInto(
  dir: string,
  options: GenerateOptions,
  overwrite: boolean,
  extraSecrets: Iterable<string | undefined> = [],
): GeneratedSet {
  const files = generateFiles(options);
  assertNoSecrets(files, [...secretValuesOf(options.tutorial, options.values), ...extraSecrets]);
  return { language: options.language, dir, files: writeFiles(dir, files, overwrite) };
}

/** What to print about a generated set: where (absolute paths, to copy from anywhere), and each file's state. */
export function describeGenerated(lang: Lang, set: GeneratedSet): string[] {
  const language = set.language === 'python' ? 'Python' : 'TypeScript';
  const lines = [t(lang, 'codegen.written', { language, dir: set.dir })];
  for (const f of set.files) {
    if (f.state === 'kept') lines.push(`  ! ${t(lang, 'codegen.kept', { file: f.path })}`);
    else lines.push(`  ${f.path}${f.state === 'unchanged' ? ` ${t(lang, 'codegen.unchanged')}` : ''}`);
  }
  return lines;
}
