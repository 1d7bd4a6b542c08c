import { parseArgs } from 'node:util';

export type CommandName =
  | 'wizard'
  | 'run'
  | 'sandbox'
  | 'profile'
  | 'steps'
  | 'report'
  | 'code'
  | 'workshop'
  | 'join'
  | 'doctor'
  | 'help'
  | 'version';

export interface CliOptions {
  profile?: string;
  sandbox: boolean;
  set: string[];
  step?: string;
  yes: boolean;
  json: boolean;
  plain: boolean;
  lang?: string;
  saveSecrets: boolean;
  out?: string;
  /** Workshop: the room's title (init) or the learner's name (join). */
  name?: string;
  learners?: string;
  includeSecrets: boolean;
  check: boolean;
  web: boolean;
  port?: string;
  nameServer?: string;
  /** `doctor --report file.md`. */
  report?: string;
}

export interface ParsedCli {
  command: CommandName;
  /** Words after the command name, e.g. `up` for `sandbox up`. */
  args: string[];
  options: CliOptions;
}

export class UsageError extends Error {
  constructor(
    readonly reason: 'unknown-command' | 'bad-option' | 'missing-argument' | 'bad-value' | 'bad-lang',
    readonly detail: string,
    readonly allowed = '',
  ) {
    super(`${reason}: ${detail}`);
    this.name = 'UsageError';
  }
}

const COMMANDS = new Set<CommandName>([
  'run',
  'sandbox',
  'profile',
  'steps',
  'report',
  'code',
  'workshop',
  'join',
  'doctor',
]);

export function parseCli(argv: readonly string[]): ParsedCli {
  let values: Record<string, string | boolean | string[] | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        profile: { type: 'string' },
        sandbox: { type: 'boolean', default: false },
        set: { type: 'string', multiple: true, default: [] },
        step: { type: 'string' },
        yes: { type: 'boolean', short: 'y', default: false },
        json: { type: 'boolean', default: false },
        plain: { type: 'boolean', default: false },
        lang: { type: 'string' },
        'save-secrets': { type: 'boolean', default: false },
        out: { type: 'string', short: 'o' },
        name: { type: 'string' },
        learners: { type: 'string' },
        'include-secrets': { type: 'boolean', default: false },
        check: { type: 'boolean', default: false },
        web: { type: 'boolean', default: false },
        port: { type: 'string' },
        nameserver: { type: 'string' },
        report: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError('bad-option', (error as Error).message);
  }
  const options: CliOptions = {
    profile: values.profile as string | undefined,
    sandbox: values.sandbox === true,
    set: (values.set as string[] | undefined) ?? [],
    step: values.step as string | undefined,
    yes: values.yes === true || values.json === true,
    json: values.json === true,
    plain: values.plain === true,
    lang: values.lang as string | undefined,
    saveSecrets: values['save-secrets'] === true,
    out: values.out as string | undefined,
    name: values.name as string | undefined,
    learners: values.learners as string | undefined,
    includeSecrets: values['include-secrets'] === true,
    check: values.check === true,
    web: values.web === true,
    port: values.port as string | undefined,
    nameServer: values.nameserver as string | undefined,
    report: values.report as string | undefined,
  };
  if (values.version === true) return { command: 'version', args: [], options };
  if (values.help === true) return { command: 'help', args: positionals, options };
  const [first, ...rest] = positionals;
  if (first === undefined) return checkLang({ command: 'wizard', args: [], options });
  if (first === 'help') return { command: 'help', args: rest, options };
  if (!COMMANDS.has(first as CommandName)) throw new UsageError('unknown-command', first);
  return checkLang({ command: first as CommandName, args: rest, options });
}

/** `--lang` is zh or en; `code` also takes the programming language there (python, ts). */
const LANG_WORDS: Partial<Record<CommandName, readonly string[]>> = {
  code: ['zh', 'en', 'python', 'py', 'ts', 'typescript'],
};

function checkLang(cli: ParsedCli): ParsedCli {
  const lang = cli.options.lang;
  const allowed = LANG_WORDS[cli.command] ?? ['zh', 'en'];
  if (lang !== undefined && !allowed.includes(lang.toLowerCase()))
    throw new UsageError('bad-lang', `--lang ${lang}`, allowed.join(', '));
  return cli;
}
