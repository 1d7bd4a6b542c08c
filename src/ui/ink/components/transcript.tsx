import { Static } from 'ink';
import type { Tutorial } from '../../../engine/types.js';
import type { Lang } from '../../../i18n/index.js';
import type { Attempt } from '../../interactive/wizard.js';
import { transcriptReporter } from '../../transcript/reporter.js';
import { type StyledLine, type Tone, wrapSegments } from '../text/width.js';
import { Lines } from './lines.js';

const TONES: [RegExp, Tone][] = [
  [/^ {2}✔/, 'ok'],
  [/^ {2}!/, 'warn'],
  [/^ {2}✖/, 'error'],
];

/**
 * A finished attempt as the `--yes` transcript prints it (the same reporter, fed the attempt's
 * events), so the scrollback above the live screen reads like a transcript.
 */
export function transcriptLines(
  tutorial: Tutorial,
  lang: Lang,
  attempt: Attempt,
  width: number,
): StyledLine[] {
  const out: string[] = [];
  const report = transcriptReporter(tutorial, lang, (line) => out.push(line));
  const result = attempt.result;
  if (!result) return [];
  if (result.status !== 'skipped') {
    report({ type: 'step-started', tutorial: tutorial.id, step: attempt.stepId, at: '' });
    for (const message of attempt.progress)
      report({ type: 'step-progress', tutorial: tutorial.id, step: attempt.stepId, message });
  } else out.push('');
  report({ type: 'step-finished', tutorial: tutorial.id, result });
  return out.flatMap((line): StyledLine[] => {
    if (line === '') return [[]];
    const lead = /^ */.exec(line)?.[0] ?? '';
    const bold = /^\[\d+\/\d+\]/.test(line);
    const tone = TONES.find(([re]) => re.test(line))?.[1];
    const style = { ...(bold ? { bold } : {}), ...(tone ? { tone } : {}) };
    // Wrapped here (Ink's own wrapping breaks Chinese text at odd places), with a hanging indent.
    return wrapSegments(
      [{ text: line.slice(lead.length), ...style }],
      width,
      [{ text: lead }],
      [{ text: `${lead}  ` }],
    );
  });
}

/**
 * Finished steps, written once above the live screen with Ink's <Static>: they never redraw, so a
 * long consume below them cannot make the screen flicker.
 */
export function Transcript(props: { tutorial?: Tutorial; lang: Lang; attempts: Attempt[]; width: number }) {
  const { tutorial, lang } = props;
  return (
    <Static items={props.attempts}>
      {(attempt) => (
        <Lines
          key={attempt.key}
          wrap="wrap"
          lines={tutorial ? transcriptLines(tutorial, lang, attempt, props.width) : []}
        />
      )}
    </Static>
  );
}
