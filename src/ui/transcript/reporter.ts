import { localizeDiagnosis } from '../../diagnosis/localize.js';
import type { EngineEvent, Tutorial } from '../../engine/types.js';
import { STATUS_ICON, seconds, statusWord } from '../../format/status.js';
import { type Lang, render, t } from '../../i18n/index.js';

/** A readable, scrolling transcript of a run (`--yes`), for terminals, logs and CI. */
export function transcriptReporter(
  tutorial: Tutorial,
  lang: Lang,
  write: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
) {
  const total = tutorial.steps.length;
  const indexOf = (id: string) => tutorial.steps.findIndex((s) => s.id === id) + 1;
  const title = (id: string) => tutorial.steps.find((s) => s.id === id)?.title[lang] ?? id;
  return (event: EngineEvent) => {
    switch (event.type) {
      case 'run-started':
        write(t(lang, 'ui.transcript.start', { title: tutorial.title[lang], id: tutorial.id }));
        break;
      case 'step-started':
        write('');
        write(`[${indexOf(event.step)}/${total}] ${title(event.step)}`);
        break;
      case 'step-progress':
        write(`      ${render(lang, event.message)}`);
        break;
      case 'step-finished': {
        const r = event.result;
        if (r.status === 'skipped') {
          write(
            `[${indexOf(r.step)}/${total}] ${title(r.step)} ${STATUS_ICON.skipped} ${statusWord(lang, r)}`,
          );
          break;
        }
        const head = `  ${STATUS_ICON[r.status]} ${statusWord(lang, r)} (${seconds(r.durationMs)})`;
        write(r.summary ? `${head} ${render(lang, r.summary)}` : head);
        for (const note of r.notes ?? []) write(`    • ${render(lang, note)}`);
        if (r.diagnosis) {
          const d = localizeDiagnosis(r.diagnosis, lang);
          write(`    ${d.title} [${d.code}]`);
          write(`    ${d.explanation}`);
          write(`    ${t(lang, 'ui.whatToDo')}`);
          d.fixes.forEach((fix, i) => {
            write(`      ${i + 1}. ${fix}`);
          });
          if (d.cause) write(`    ${t(lang, 'ui.cause')} ${d.cause}`);
        }
        break;
      }
      case 'run-finished': {
        const s = event.summary;
        write('');
        write(
          t(lang, 'ui.transcript.summary', {
            passed: s.passed,
            failed: s.failed,
            skipped: s.skipped,
            warned: s.warned,
            time: seconds(s.durationMs),
          }),
        );
        if (s.interrupted) write(t(lang, 'cli.interrupted'));
        break;
      }
    }
  };
}
