import { localizeDiagnosis } from '../../diagnosis/localize.js';
import type { EngineEvent } from '../../engine/types.js';
import { type Lang, render } from '../../i18n/index.js';

/**
 * NDJSON on stdout (DESIGN.md section 4): one line per finished step, then the summary. A step's line
 * also carries its one-line summary and its notes (what a warning could not check), in words.
 */
export function jsonReporter(
  lang: Lang,
  write: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
) {
  return (event: EngineEvent) => {
    if (event.type === 'step-finished') {
      const r = event.result;
      write(
        JSON.stringify({
          type: 'step',
          tutorial: event.tutorial,
          step: r.step,
          status: r.status,
          durationMs: r.durationMs,
          details: r.details,
          ...(r.summary ? { summary: render(lang, r.summary) } : {}),
          ...(r.notes?.length ? { notes: r.notes.map((note) => render(lang, note)) } : {}),
          ...(r.skipReason ? { skipReason: r.skipReason } : {}),
          ...(r.diagnosis ? { diagnosis: localizeDiagnosis(r.diagnosis, lang) } : {}),
        }),
      );
    } else if (event.type === 'run-finished') {
      const s = event.summary;
      write(
        JSON.stringify({
          type: 'summary',
          tutorial: s.tutorial,
          passed: s.passed,
          failed: s.failed,
          skipped: s.skipped,
          warned: s.warned,
          durationMs: s.durationMs,
          ...(s.interrupted ? { interrupted: true } : {}),
        }),
      );
    }
  };
}
