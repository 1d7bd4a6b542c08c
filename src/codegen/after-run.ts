import type { StepResult, Tutorial } from '../engine/types.js';
import { type Lang, t } from '../i18n/index.js';
import { describeGenerated, generateAfterVerify, SecretLeakError, verifyPassed } from './generate.js';
import { MissingParamsError } from './model.js';

export interface AfterRunOptions {
  tutorial: Tutorial;
  profile: string;
  values: Readonly<Record<string, string | undefined>>;
  results: readonly StepResult[];
  lang: Lang;
  json: boolean;
  /** `--out`: write both languages there (`<out>/python`, `<out>/ts`); otherwise only say how. */
  outDir?: string;
  write?: (line: string) => void;
}

/**
 * The non-interactive runs' part of "code generation after verify passes". With `--out <dir>` the
 * programs are written there (and, with --json, one `{"type":"code",...}` line says where); without
 * it nothing is written into the working folder unasked, and the transcript names the command.
 */
export function codeAfterRun(options: AfterRunOptions): void {
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  if (!verifyPassed(options.results)) return;
  if (!options.outDir) {
    if (!options.json) {
      const profile = options.profile === 'default' ? '' : ` --profile ${options.profile}`;
      write('');
      write(t(options.lang, 'codegen.hint', { tutorial: options.tutorial.id, profile }));
    }
    return;
  }
  try {
    const sets = generateAfterVerify({ ...options, outDir: options.outDir }) ?? [];
    if (options.json) {
      for (const set of sets) {
        write(
          JSON.stringify({
            type: 'code',
            tutorial: options.tutorial.id,
            language: set.language,
            dir: set.dir,
            files: set.files.map((f) => ({ path: f.path, state: f.state })),
          }),
        );
      }
    } else {
      write('');
      for (const set of sets) for (const line of describeGenerated(options.lang, set)) write(line);
    }
  } catch (error) {
    if (error instanceof SecretLeakError)
      process.stderr.write(`${t(options.lang, 'codegen.leak', { file: error.file })}\n`);
    else if (!(error instanceof MissingParamsError)) throw error;
  }
}
