import type { DoctorReport } from '../doctor/types.js';
import { evidenceText, fixText, PROBE_ICON, probeText, verdictSentence } from '../doctor/words.js';
import type { ResolvedParams } from '../engine/params.js';
import type { Tutorial } from '../engine/types.js';
import { seconds } from '../format/status.js';
import { type Lang, t } from '../i18n/index.js';
import { localTime } from '../profile/view.js';
import { redact } from '../util/secrets.js';
import { parameterRows } from './report.js';

export interface DoctorReportOptions {
  lang: Lang;
  tutorial: Tutorial;
  profile: string;
  report: DoctorReport;
  resolved: ResolvedParams;
  savedSecrets: Record<string, string>;
  /** Every secret value the report could come across, masked wherever it appears. */
  mask: readonly string[];
  version: string;
  /** The troubleshooting report of the profile's last run of the tutorial, when there is one. */
  lastRun?: string;
  now?: Date;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/**
 * The doctor's findings as Markdown for a support ticket: the verdict, its evidence and fix, each
 * probe with its time, the parameters used (secrets masked), and then the report of the last run
 * of the tutorial, so that one file holds both what the step saw and what the doctor found.
 */
export function buildDoctorReport(options: DoctorReportOptions): string {
  const { lang, tutorial, profile, report } = options;
  const { verdict } = report;
  const out: string[] = [
    `# ${t(lang, 'doctor.report.title')}`,
    '',
    t(lang, 'report.intro', {
      version: options.version,
      date: localTime((options.now ?? new Date()).toISOString()),
    }),
    '',
    '| | |',
    '|---|---|',
    `| ${t(lang, 'report.tutorial')} | ${cell(`${tutorial.title[lang]} (${tutorial.id})`)} |`,
    `| ${t(lang, 'report.profile')} | \`${profile}\` |`,
    `| ${t(lang, 'doctor.report.verdict')} | \`${verdict.code}\` |`,
    `| ${t(lang, 'report.started')} | ${localTime(report.startedAt)} |`,
    `| ${t(lang, 'doctor.report.col.time')} | ${seconds(report.durationMs)} |`,
    '',
    `## ${t(lang, 'doctor.report.verdict')}`,
    '',
  ];
  if (verdict.code === 'HEALTHY') {
    out.push(t(lang, 'doctor.healthy'), '', `### ${t(lang, 'doctor.report.hops')}`, '');
    for (const e of verdict.evidence) out.push(`- ${evidenceText(lang, e)}`);
  } else {
    out.push(`**${t(lang, 'doctor.mostLikely', { sentence: verdictSentence(lang, verdict) })}**`, '');
    out.push(`### ${t(lang, 'doctor.report.evidence')}`, '');
    for (const e of verdict.evidence) out.push(`- ${evidenceText(lang, e)}`);
    out.push('', `### ${t(lang, 'doctor.report.fix')}`, '', fixText(lang, verdict));
    if (verdict.also.length > 0) {
      out.push('', `### ${t(lang, 'doctor.report.also')}`, '');
      for (const a of verdict.also) out.push(`- ${verdictSentence(lang, a)}`);
    }
  }
  if (report.route) out.push('', t(lang, `doctor.route.${report.route}`));
  out.push(
    '',
    `## ${t(lang, 'doctor.report.probes')}`,
    '',
    `| # | ${t(lang, 'doctor.report.col.probe')} | ${t(lang, 'doctor.report.col.result')} | ${t(lang, 'doctor.report.col.time')} |`,
    '|---|---|---|---|',
  );
  report.probes.forEach((p, i) => {
    const time = p.ms !== undefined ? seconds(p.ms) : '';
    out.push(`| ${i + 1} | ${p.kind} | ${PROBE_ICON[p.status]} ${cell(probeText(lang, p))} | ${time} |`);
  });
  out.push(
    '',
    `## ${t(lang, 'report.parameters')}`,
    '',
    t(lang, 'doctor.report.paramsNote'),
    '',
    `| ${t(lang, 'report.col.param')} | ${t(lang, 'report.col.value')} | ${t(lang, 'report.col.source')} |`,
    '|---|---|---|',
    ...parameterRows(lang, tutorial, options.resolved, options.savedSecrets),
    '',
    '---',
    '',
    t(lang, 'doctor.report.footer', { tutorial: tutorial.id, profile }),
    '',
  );
  if (options.lastRun) out.push('---', '', t(lang, 'doctor.report.lastRun'), '', options.lastRun);
  return redact(out.join('\n'), options.mask);
}
