import type { DoctorReport } from '../../doctor/types.js';
import { evidenceText, fixText, probeText, verdictSentence } from '../../doctor/words.js';
import type { Lang } from '../../i18n/index.js';
import type { DoctorHeader } from './text.js';

/** `--json`: the verdict and every probe as one object, with the words beside the codes. */
export function doctorJson(lang: Lang, report: DoctorReport, header: DoctorHeader): Record<string, unknown> {
  const { verdict } = report;
  const healthy = verdict.code === 'HEALTHY';
  return {
    type: 'doctor',
    tutorial: header.tutorial,
    profile: header.profile,
    broker: report.broker,
    ...(report.route ? { route: report.route } : {}),
    healthy,
    verdict: {
      code: verdict.code,
      values: verdict.values,
      ...(healthy ? {} : { sentence: verdictSentence(lang, verdict), fix: fixText(lang, verdict) }),
      evidence: verdict.evidence.map((e) => ({ key: e.key, values: e.values, text: evidenceText(lang, e) })),
      also: verdict.also.map((a) => ({ code: a.code, sentence: verdictSentence(lang, a) })),
    },
    probes: report.probes.map((p) => ({ ...p, text: probeText(lang, p) })),
    startedAt: report.startedAt,
    durationMs: report.durationMs,
  };
}
