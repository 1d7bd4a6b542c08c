import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isSecretKey } from '../engine/secrets.js';
import type { StepResult, Tutorial } from '../engine/types.js';
import { type Lang, t } from '../i18n/index.js';
import { writeFileAtomic } from '../util/files.js';
import { packageRoot } from '../util/paths.js';
import { buildModel, type CodeLanguage, type CodeModel, filledValues } from './model.js';
import {
  type GeneratedFile,
  type Header,
  kafkaConsumerPy,
  kafkaProducerPy,
  rocketmqConsumerPy,
  rocketmqProducerPy,
} from './python.js';
import {
  kafkaConsumerTs,
  kafkaProducerTs,
  packageJson,
  rocketmqConsumerTs,
  rocketmqProducerTs,
  tsconfigJson,
} from './typescript.js';

export type { GeneratedFile } from './python.js';

/** PyPI packages the Python programs need, pinned as tested (the RocketMQ one also needs librocketmq). */
export const PY_REQUIREMENTS = {
  ckafka: 'kafka-python==3.0.12',
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
}

function mqTutorVersion(): string {
  try {
    return (JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string })
      .version;
  } catch {
    return '';
  }
}

/** The programs point at the local sandbox brokers (loopback addresses). */
function isSandbox(model: CodeModel): boolean {
  const address = model.kind === 'ckafka' ? model.bootstrapServers.value : model.endpoints.value;
  return /(^|[,;])\s*(localhost|127\.0\.0\.1):/.test(address);
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
    lines.push(t(lang, 'codegen.readme.node'), '', '```bash', 'npm install', '```');
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
    ...(isSandbox(model) ? [t(lang, 'codegen.readme.sandboxHint'), ''] : []),
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
    `## ${t(lang, 'codegen.readme.values')}`,
    '',
    t(lang, 'codegen.readme.valuesText'),
    '',
    '| parameter | MQ_TUTOR_... | value |',
    '|---|---|---|',
    ...filledValues(model).map((s) => `| ${s.param} | \`${s.env}\` | \`${s.value.replace(/\|/g, '\\|')}\` |`),
    '',
  );
  return { name: 'README.md', content: lines.join('\n') };
}

/** The files of one language's producer and consumer, filled with the parameters; nothing written yet. */
export function generateFiles(o: GenerateOptions): GeneratedFile[] {
  const model = buildModel({ tutorial: o.tutorial, profile: o.profile, values: o.values });
  const header: Header = {
    version: mqTutorVersion(),
    tutorial: o.tutorial.id,
    profile: o.profile,
    date: (o.date ?? new Date()).toISOString().slice(0, 10),
  };
  const files: GeneratedFile[] = [];
  if (o.language === 'python') {
    if (model.kind === 'ckafka')
      files.push(kafkaProducerPy(o.lang, header, model), kafkaConsumerPy(o.lang, header, model));
    else files.push(rocketmqProducerPy(o.lang, header, model), rocketmqConsumerPy(o.lang, header, model));
    files.push({ name: 'requirements.txt', content: `${PY_REQUIREMENTS[model.kind]}\n` });
  } else {
    if (model.kind === 'ckafka')
      files.push(kafkaProducerTs(o.lang, header, model), kafkaConsumerTs(o.lang, header, model));
    else files.push(rocketmqProducerTs(o.lang, header, model), rocketmqConsumerTs(o.lang, header, model));
    files.push(packageJson(o.tutorial.id, model), tsconfigJson());
  }
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
  return Object.values(tutorial.params)
    .filter((p) => p.type === 'secret' || isSecretKey(p.id))
    .map((p) => values[p.id])
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

/** Whether the run's verify step passed in this run (code generation follows a verified round trip). */
export function verifyPassed(results: readonly StepResult[]): boolean {
  const verify = results.find((r) => r.step === 'verify');
  return (
    verify !== undefined &&
    (verify.status === 'passed' || verify.status === 'warned') &&
    results.every((r) => r.status !== 'failed')
  );
}

export interface AfterVerifyOptions {
  tutorial: Tutorial;
  values: Readonly<Record<string, string | undefined>>;
  profile: string;
  lang: Lang;
  results: readonly StepResult[];
  /** Folder for the programs: `<outDir>/python` and `<outDir>/ts`. */
  outDir: string;
  overwrite?: boolean;
}

/**
 * After `verify` passed: the learner's own producer and consumer, in both languages, with the
 * parameters that just worked. Returns undefined (and writes nothing) when verify did not pass.
 */
export function generateAfterVerify(options: AfterVerifyOptions): GeneratedSet[] | undefined {
  if (!verifyPassed(options.results)) return undefined;
  const languages: CodeLanguage[] = ['python', 'ts'];
  return languages.map((language) =>
    generateInto(
      path.join(options.outDir, language),
      {
        tutorial: options.tutorial,
        language,
        values: options.values,
        profile: options.profile,
        lang: options.lang,
      },
      options.overwrite ?? true,
    ),
  );
}

/** What to print about a generated set: where, and each file's state. */
export function describeGenerated(lang: Lang, set: GeneratedSet, cwd = process.cwd()): string[] {
  const language = set.language === 'python' ? 'Python' : 'TypeScript';
  const rel = (p: string) => {
    const r = path.relative(cwd, p);
    return r && !r.startsWith('..') ? r : p;
  };
  const lines = [t(lang, 'codegen.written', { language, dir: rel(set.dir) })];
  for (const f of set.files) {
    if (f.state === 'kept') lines.push(`  ! ${t(lang, 'codegen.kept', { file: rel(f.path) })}`);
    else lines.push(`  ${rel(f.path)}${f.state === 'unchanged' ? ` ${t(lang, 'codegen.unchanged')}` : ''}`);
  }
  return lines;
}
