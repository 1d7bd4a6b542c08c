import path from 'node:path';
import { listTutorials } from '../../engine/load.js';
import { type Lang, t } from '../../i18n/index.js';
import { EXIT, type ExitCode } from '../../session/exit-codes.js';
import { lintTutorialDir } from '../../session/tutorials.js';
import { stepsRoot } from '../../util/paths.js';
import { type Output, stderrLine } from '../output.js';

/** `mq-tutor steps lint [dir]`: checks one tutorial folder, or every tutorial under a steps root. */
export function stepsCommand(args: string[], lang: Lang, output: Output): ExitCode {
  if (args[0] !== 'lint') {
    stderrLine(t(lang, 'steps.usage'));
    return EXIT.usage;
  }
  const target = path.resolve(args[1] ?? stepsRoot());
  const tutorials = listTutorials(target);
  const dirs = tutorials.length > 0 ? tutorials.map((id) => path.join(target, id)) : [target];
  // Compiler-style places: file:line, relative to where the instructor stands.
  const shown = (file: string) => path.relative(process.cwd(), file) || file;
  let problems = 0;
  for (const dir of dirs) {
    const result = lintTutorialDir(dir);
    for (const p of result.problems) output.line(`${shown(p.file)}:${p.line}: ${p.message}`);
    problems += result.problems.length;
    if (result.problems.length === 0 && result.tutorial)
      output.line(t(lang, 'steps.ok', { dir: shown(dir), steps: result.tutorial.steps.length }));
  }
  if (problems > 0) {
    output.line(t(lang, 'steps.problems', { count: problems }));
    return EXIT.stepFailed;
  }
  return EXIT.ok;
}
