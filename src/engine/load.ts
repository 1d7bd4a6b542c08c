import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Localized } from '../i18n/index.js';
import { type ActionCatalogue, catalogueBrokers } from './contract.js';
import { type FileProblem, type ParsedYaml, parseStepFile, parseYaml } from './step-files.js';
import type { Condition, ParamDef, ParamRule, ParamType, StepDef, Tutorial } from './types.js';

const PARAM_TYPES: readonly ParamType[] = [
  'string',
  'hostPort',
  'hostPortList',
  'addressList',
  'enum',
  'boolean',
  'file',
  'secret',
  'tdmqNamespace',
  'tdmqName',
];
const PARAM_KEYS = new Set([
  'type',
  'label',
  'help',
  'required',
  'default',
  'example',
  'choices',
  'when',
  'rules',
]);
const STEP_KEYS = new Set(['id', 'title', 'passes', 'action', 'with', 'params', 'when', 'timeoutSeconds']);
const TUTORIAL_KEYS = new Set(['id', 'title', 'summary', 'source', 'broker', 'steps', 'params']);
const ID = /^[a-z][a-z0-9-]*$/;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Collects problems while reading one YAML document. */
class Reader {
  readonly problems: FileProblem[] = [];
  constructor(
    readonly file: string,
    readonly yaml: ParsedYaml,
  ) {}

  report(at: readonly (string | number)[], message: string): void {
    this.problems.push({ file: this.file, line: this.yaml.lineOf(at), message });
  }

  unknownKeys(obj: Obj, allowed: Set<string>, at: readonly (string | number)[]): void {
    for (const key of Object.keys(obj)) {
      if (!allowed.has(key))
        this.report([...at, key], `unknown key \`${key}\` (allowed: ${[...allowed].join(', ')})`);
    }
  }

  localized(obj: Obj, key: string, at: readonly (string | number)[], required = true): Localized {
    const value = obj[key];
    const where = [...at, key];
    if (value === undefined) {
      if (required) this.report(at, `\`${key}\` is missing: give it in zh and en`);
      return { zh: '', en: '' };
    }
    if (!isObj(value)) {
      this.report(where, `\`${key}\` must have a \`zh\` and an \`en\` text`);
      return { zh: '', en: '' };
    }
    for (const lang of ['zh', 'en'] as const) {
      if (typeof value[lang] !== 'string' || (value[lang] as string).trim() === '') {
        this.report(where, `\`${key}\` has no ${lang === 'zh' ? 'Chinese (zh)' : 'English (en)'} text`);
      }
    }
    return { zh: String(value.zh ?? '').trim(), en: String(value.en ?? '').trim() };
  }

  condition(
    value: unknown,
    at: readonly (string | number)[],
    params: Set<string> | undefined,
  ): Condition | undefined {
    if (value === undefined) return undefined;
    if (!isObj(value)) {
      this.report(at, '`when` maps a parameter to the value (or list of values) it must have');
      return undefined;
    }
    const out: Condition = {};
    for (const [key, v] of Object.entries(value)) {
      if (params && !params.has(key))
        this.report([...at, key], `\`when\` names an unknown parameter \`${key}\``);
      if (typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number') out[key] = String(v);
      else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) out[key] = v as string[];
      else this.report([...at, key], '`when` values are a text or a list of texts');
    }
    return out;
  }
}

function readParam(r: Reader, id: string, raw: unknown, at: (string | number)[]): ParamDef | undefined {
  if (!isObj(raw)) {
    r.report(at, `parameter \`${id}\` must be a mapping`);
    return undefined;
  }
  r.unknownKeys(raw, PARAM_KEYS, at);
  const type = raw.type as ParamType;
  if (!PARAM_TYPES.includes(type))
    r.report([...at, 'type'], `\`type\` must be one of ${PARAM_TYPES.join(', ')}`);
  const choices = raw.choices;
  if (type === 'enum' && (!Array.isArray(choices) || choices.length === 0)) {
    r.report(at, 'an `enum` parameter needs `choices`');
  }
  const rules: ParamRule[] = [];
  if (raw.rules !== undefined) {
    if (!Array.isArray(raw.rules)) r.report([...at, 'rules'], '`rules` is a list of {pattern, message}');
    else
      raw.rules.forEach((rule: unknown, i) => {
        const where = [...at, 'rules', i];
        if (!isObj(rule) || typeof rule.pattern !== 'string') {
          r.report(where, 'a rule needs a `pattern` (a regular expression) and a `message`');
          return;
        }
        try {
          new RegExp(rule.pattern, 'u');
        } catch (error) {
          r.report(
            [...where, 'pattern'],
            `\`pattern\` is not a valid regular expression: ${(error as Error).message}`,
          );
        }
        rules.push({ pattern: rule.pattern, message: r.localized(rule, 'message', where) });
      });
  }
  const str = (v: unknown) => (v === undefined || v === null ? undefined : String(v));
  return {
    id,
    type,
    label: r.localized(raw, 'label', at),
    help: r.localized(raw, 'help', at),
    required: raw.required !== false,
    default: str(raw.default),
    example: str(raw.example),
    choices: Array.isArray(choices) ? choices.map(String) : undefined,
    when: undefined,
    rules,
  };
}

function readTutorialFile(
  dir: string,
  actions: ActionCatalogue,
): {
  tutorial?: Omit<Tutorial, 'steps'> & { order: string[] };
  problems: FileProblem[];
} {
  const file = path.join(dir, 'tutorial.yaml');
  if (!existsSync(file)) return { problems: [{ file, line: 1, message: 'tutorial.yaml is missing' }] };
  const yaml = parseYaml(readFileSync(file, 'utf8'), file);
  if (yaml.problems.length) return { problems: yaml.problems };
  const r = new Reader(file, yaml);
  const raw = yaml.data;
  if (!isObj(raw)) return { problems: [{ file, line: 1, message: 'tutorial.yaml must be a mapping' }] };
  r.unknownKeys(raw, TUTORIAL_KEYS, []);
  if (typeof raw.id !== 'string' || !ID.test(raw.id))
    r.report(['id'], '`id` must be lower-case letters, digits and -');
  const brokers = catalogueBrokers(actions);
  if (typeof raw.broker !== 'string' || !brokers.includes(raw.broker))
    r.report(
      raw.broker === undefined ? [] : ['broker'],
      `\`broker\` names the broker the tutorial talks to: one of ${brokers.join(', ')}`,
    );
  const params: Record<string, ParamDef> = {};
  const rawParams = isObj(raw.params) ? raw.params : {};
  if (!isObj(raw.params)) r.report([], '`params` (the parameters of the tutorial) is missing');
  for (const [id, def] of Object.entries(rawParams)) {
    const param = readParam(r, id, def, ['params', id]);
    if (param) params[id] = param;
  }
  const names = new Set(Object.keys(params));
  for (const [id, def] of Object.entries(rawParams)) {
    if (isObj(def) && params[id]) params[id].when = r.condition(def.when, ['params', id, 'when'], names);
  }
  const order = Array.isArray(raw.steps) ? raw.steps.map(String) : [];
  if (order.length === 0) r.report([], '`steps` must list the step ids in order');
  return {
    tutorial: {
      id: String(raw.id ?? ''),
      title: r.localized(raw, 'title', []),
      summary: r.localized(raw, 'summary', []),
      source: String(raw.source ?? ''),
      broker: String(raw.broker ?? ''),
      params,
      dir,
      order,
    },
    problems: r.problems,
  };
}

function readStep(
  file: string,
  params: Record<string, ParamDef>,
  actions: ActionCatalogue,
  broker: string,
): { step?: StepDef; problems: FileProblem[] } {
  const parts = parseStepFile(readFileSync(file, 'utf8'), file);
  if (parts.frontMatter.problems.length || !isObj(parts.frontMatter.data)) {
    return {
      problems: parts.problems.length ? parts.problems : [{ file, line: 2, message: 'empty front matter' }],
    };
  }
  const r = new Reader(file, parts.frontMatter);
  r.problems.push(...parts.problems);
  const raw = parts.frontMatter.data;
  r.unknownKeys(raw, STEP_KEYS, []);
  const id = String(raw.id ?? '');
  if (!ID.test(id)) r.report(['id'], '`id` must be lower-case letters, digits and -');
  const action = String(raw.action ?? '');
  const known = actions[action];
  if (!known)
    r.report(['action'], `unknown action \`${action}\` (known: ${Object.keys(actions).join(', ')})`);
  else if (known.broker && broker && known.broker !== broker)
    r.report(
      ['action'],
      `action \`${action}\` talks to ${known.broker}, but this tutorial's broker is ${broker}`,
    );
  const stepParams = Array.isArray(raw.params) ? raw.params.map(String) : [];
  if (raw.params !== undefined && !Array.isArray(raw.params))
    r.report(['params'], '`params` is a list of parameter ids');
  stepParams.forEach((p, i) => {
    if (!params[p]) r.report(['params', i], `unknown parameter \`${p}\` (not in tutorial.yaml)`);
  });
  if (known) {
    for (const needed of known.reads) {
      if (!stepParams.includes(needed))
        r.report(['params'], `action \`${action}\` reads \`${needed}\`: add it to \`params\``);
    }
    for (const arg of known.args ?? []) {
      if (!isObj(raw.with) || typeof raw.with[arg] !== 'string') {
        r.report(['action'], `action \`${action}\` needs \`with.${arg}\``);
      }
    }
  }
  const withArgs: Record<string, string> = {};
  if (raw.with !== undefined) {
    if (!isObj(raw.with)) r.report(['with'], '`with` maps argument names to texts');
    else for (const [k, v] of Object.entries(raw.with)) withArgs[k] = String(v);
  }
  const timeout = raw.timeoutSeconds === undefined ? 30 : Number(raw.timeoutSeconds);
  if (!Number.isFinite(timeout) || timeout <= 0 || timeout > 600) {
    r.report(['timeoutSeconds'], '`timeoutSeconds` must be a number of seconds between 1 and 600');
  }
  const body: Localized = { zh: '', en: '' };
  for (const lang of ['zh', 'en'] as const) {
    const block = parts.blocks.get(lang);
    if (!block || block.text === '') {
      r.problems.push({
        file,
        line: block?.line ?? 1,
        message: `the \`::: ${lang}\` block with the step's text is missing or empty`,
      });
    } else body[lang] = block.text;
  }
  for (const [lang, block] of parts.blocks) {
    if (lang !== 'zh' && lang !== 'en')
      r.problems.push({ file, line: block.line, message: `unknown language block \`::: ${lang}\`` });
  }
  return {
    step: {
      id,
      title: r.localized(raw, 'title', []),
      passes: r.localized(raw, 'passes', []),
      body,
      action,
      with: withArgs,
      params: stepParams,
      when: r.condition(raw.when, ['when'], new Set(Object.keys(params))),
      timeoutSeconds: timeout,
      file,
    },
    problems: r.problems,
  };
}

/** Reads and checks a tutorial folder: tutorial.yaml plus one Markdown file per step. */
export function lintTutorial(
  dir: string,
  actions: ActionCatalogue,
): { tutorial?: Tutorial; problems: FileProblem[] } {
  const head = readTutorialFile(dir, actions);
  if (!head.tutorial) return { problems: head.problems };
  const problems = [...head.problems];
  const { order, ...meta } = head.tutorial;
  const byId = new Map<string, StepDef>();
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort();
  for (const name of files) {
    const file = path.join(dir, name);
    const { step, problems: stepProblems } = readStep(file, meta.params, actions, meta.broker);
    problems.push(...stepProblems);
    if (!step) continue;
    if (byId.has(step.id))
      problems.push({ file, line: 2, message: `step id \`${step.id}\` is used by two files` });
    byId.set(step.id, step);
    if (!order.includes(step.id)) {
      problems.push({
        file,
        line: 2,
        message: `step \`${step.id}\` is not listed in tutorial.yaml \`steps\``,
      });
    }
  }
  for (const id of order) {
    if (!byId.has(id)) {
      problems.push({
        file: path.join(dir, 'tutorial.yaml'),
        line: 1,
        message: `step \`${id}\` is listed but no .md file has that id`,
      });
    }
  }
  const steps = order.map((id) => byId.get(id)).filter((s): s is StepDef => s !== undefined);
  return { tutorial: { ...meta, steps }, problems };
}

export class TutorialLoadError extends Error {
  constructor(readonly problems: FileProblem[]) {
    super(
      `the tutorial has ${problems.length} problem(s): ${problems.map((p) => `${p.file}:${p.line} ${p.message}`).join('; ')}`,
    );
    this.name = 'TutorialLoadError';
  }
}

export function loadTutorial(dir: string, actions: ActionCatalogue): Tutorial {
  const { tutorial, problems } = lintTutorial(dir, actions);
  if (!tutorial || problems.length) throw new TutorialLoadError(problems);
  return tutorial;
}

/** Tutorial ids found under a steps root (one folder each, holding tutorial.yaml). */
export function listTutorials(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(root, d.name, 'tutorial.yaml')))
    .map((d) => d.name)
    .sort();
}
