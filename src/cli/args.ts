import { parseArgs } from 'node:util';

export type CommandName =
  | 'wizard'
  | 'run'
  | 'sandbox'
  | 'profile'
  | 'steps'
  | 'report'
  | 'code'
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
}

export interface ParsedCli {
  command: CommandName;
  /** Words after the command name, e.g. `up` for `sandbox up`. */
  args: string[];
  options: CliOptions;
}

export class UsageError extends Error {
  constructor(
    readonly reason: 'unknown-command' | 'bad-option' | 'missing-argument' | 'bad-value',
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
    this.name = 'UsageError';
  }
}

const COMMANDS = new Set<CommandName>(['run', 'sandbox', 'profile', 'steps', 'report', 'code']);

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
  };
  if (values.version === true) return { command: 'version', args: [], options };
  if (values.help === true) return { command: 'help', args: positionals, options };
  const [first, ...rest] = positionals;
  if (first === undefined) return { command: 'wizard', args: [], options };
  if (first === 'help') return { command: 'help', args: rest, options };
  if (!COMMANDS.has(first as CommandName)) throw new UsageError('unknown-command', first);
  return { command: first as CommandName, args: rest, options };
}

/** `--set key=value` pairs; the value may itself contain `=`. */
export function parseSetPairs(pairs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new UsageError('bad-value', `--set ${pair}`);
    out[pair.slice(0, at).trim()] = pair.slice(at + 1);
  }
  return out;
}
