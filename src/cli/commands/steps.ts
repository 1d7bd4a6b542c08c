import path from 'node:path';
import { lintTutorial, listTutorials } from '../../engine/load.js';
import { type Lang, t } from '../../i18n/index.js';
import { stepsRoot } from '../../util/paths.js';
import { EXIT, type ExitCode } from '../exit-codes.js';

/** `mq-tutor steps lint [dir]`: checks one tutorial folder, or every tutorial under a steps root. */
export function stepsCommand(args: string[], lang: Lang): ExitCode {
  if (args[0] !== 'lint') {
    process.stderr.write(`${t(lang, 'steps.usage')}\n`);
    return EXIT.usage;
  }
  const target = path.resolve(args[1] ?? stepsRoot());
  const tutorials = listTutorials(target);
  const dirs = tutorials.length > 0 ? tutorials.map((id) => path.join(target, id)) : [target];
  let problems = 0;
  for (const dir of dirs) {
    const result = lintTutorial(dir);
    for (const p of result.problems) {
      process.stdout.write(`${path.relative(process.cwd(), p.file) || p.file}:${p.line}: ${p.message}\n`);
    }
    problems += result.problems.length;
    if (result.problems.length === 0 && result.tutorial) {
      process.stdout.write(
        `${t(lang, 'steps.ok', { dir: path.relative(process.cwd(), dir) || dir, steps: result.tutorial.steps.length })}\n`,
      );
    }
  }
  if (problems > 0) {
    process.stdout.write(`${t(lang, 'steps.problems', { count: problems })}\n`);
    return EXIT.stepFailed;
  }
  return EXIT.ok;
}
