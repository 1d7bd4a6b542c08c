import type { DoctorReport } from '../../doctor/types.js';
import { evidenceText, fixText, PROBE_ICON, probeText, verdictSentence } from '../../doctor/words.js';
import { seconds } from '../../format/status.js';
import { type Lang, t } from '../../i18n/index.js';

export interface DoctorHeader {
  tutorial: string;
  profile: string;
}

/**
 * The doctor's answer for a terminal: the verdict first (the most likely cause in one sentence),
 * then what proved it and the fix; when nothing is wrong, the latency of each hop. The probes
 * follow, one line each.
 */
export function doctorText(lang: Lang, report: DoctorReport, header: DoctorHeader): string[] {
  const { verdict } = report;
  const lines = [
    t(lang, 'doctor.heading', {
      tutorial: header.tutorial,
      profile: header.profile,
      count: report.probes.length,
      time: seconds(report.durationMs),
    }),
    '',
  ];
  if (verdict.code === 'HEALTHY') {
    lines.push(t(lang, 'doctor.healthy'), '', t(lang, 'doctor.hopsHeading'));
    for (const e of verdict.evidence) lines.push(`  ${evidenceText(lang, e)}`);
  } else {
    lines.push(t(lang, 'doctor.mostLikely', { sentence: verdictSentence(lang, verdict) }), '');
    lines.push(t(lang, 'doctor.evidenceHeading'));
    for (const e of verdict.evidence) lines.push(`  - ${evidenceText(lang, e)}`);
    lines.push('', t(lang, 'doctor.fixHeading', { fix: fixText(lang, verdict) }));
    if (verdict.also.length > 0) {
      lines.push('', t(lang, 'doctor.alsoHeading'));
      for (const a of verdict.also) lines.push(`  - ${verdictSentence(lang, a)}`);
    }
  }
  if (report.route) lines.push('', t(lang, `doctor.route.${report.route}`));
  lines.push('', t(lang, 'doctor.probesHeading'));
  for (const p of report.probes) {
    const ms = p.ms !== undefined ? ` (${seconds(p.ms)})` : '';
    lines.push(`  ${PROBE_ICON[p.status]} ${probeText(lang, p)}${ms}`);
  }
  return lines;
}
