import { localizeDiagnosis } from '../diagnosis/localize.js';
import { envVarName, paramApplies, type ResolvedParams } from '../engine/params.js';
import type { Diagnosis, Tutorial } from '../engine/types.js';
import { STATUS_ICON, seconds } from '../format/status.js';
import { type Lang, t } from '../i18n/index.js';
import type { ProgressEntry, TutorialState } from '../profile/schema.js';
import { isSecretParam, localTime } from '../profile/view.js';
import { redact } from '../util/secrets.js';

/** The run a report is about: a profile's tutorial with its saved state. */
export interface ReportTarget {
  profile: string;
  tutorial: Tutorial;
  state: TutorialState;
}

export interface ReportOptions {
  target: ReportTarget;
  lang: Lang;
  /** The values the run used (as it recorded them, or as they resolve now for an older run). */
  resolved: ResolvedParams;
  recorded: boolean;
  /** Secrets the user saved in the profile (their values are only ever masked). */
  savedSecrets: Record<string, string>;
  /** Resume point of the profile's tutorial, if a cut-off run left one. */
  resumeAt?: string;
  /** Every secret value the report could come across, masked wherever it appears. */
  mask: readonly string[];
  version: string;
  now?: Date;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const code = (text: string) => (text ? `\`${text.replace(/`/g, "'")}\`` : '');

function statusText(lang: Lang, entry: ProgressEntry | undefined): string {
  if (!entry) return `${STATUS_ICON.skipped} ${t(lang, 'report.notRun')}`;
  const word =
    entry.status === 'skipped'
      ? t(lang, `ui.skip.${entry.skipReason ?? 'condition'}` as 'ui.skip.condition')
      : t(lang, `ui.status.${entry.status}` as 'ui.status.passed');
  return `${STATUS_ICON[entry.status] ?? '?'} ${word}`;
}

function sourceText(lang: Lang, key: string, resolved: ResolvedParams, savedSecret: boolean): string {
  const source = resolved.sources[key];
  switch (source) {
    case 'env':
      return t(lang, 'report.source.env', { name: envVarName(key) });
    case 'profile':
      return savedSecret ? t(lang, 'report.source.savedSecret') : t(lang, 'report.source.profile');
    case undefined:
      return '';
    default:
      return t(lang, `report.source.${source}`);
  }
}

function truncatedJson(value: unknown, max = 1500): string {
  const text = JSON.stringify(value, null, 2) ?? '';
  return text.length > max ? `${text.slice(0, max)}\n…` : text;
}

/** One table row per parameter: its value (a secret only as set or not) and where it came from. */
export function parameterRows(
  lang: Lang,
  tutorial: Tutorial,
  resolved: ResolvedParams,
  saved: Record<string, string>,
): string[] {
  return Object.values(tutorial.params).map((def) => {
    const value = resolved.values[def.id];
    let shown: string;
    if (!paramApplies(def, resolved.values)) shown = t(lang, 'report.notApplicable');
    else if (isSecretParam(tutorial, def.id))
      shown = value ? `•••••••• (${t(lang, 'report.secretSet')})` : t(lang, 'report.secretUnset');
    else shown = value === undefined ? t(lang, 'report.unset') : value === '' ? '""' : code(value);
    return `| ${def.id} | ${cell(shown)} | ${cell(sourceText(lang, def.id, resolved, Boolean(saved[def.id])))} |`;
  });
}

/**
 * The Markdown troubleshooting report of a profile's last run of a tutorial: environment,
 * parameters (secrets masked), each step's result and time, and every failure's diagnosis in the
 * user's language, ready to paste into a support ticket.
 */
export function buildReport(options: ReportOptions): string {
  const { lang, target, resolved, recorded } = options;
  const { tutorial, state, profile } = target;
  const run = state.lastRun;
  const saved = options.savedSecrets;
  const out: string[] = [];
  const push = (...lines: string[]) => out.push(...lines);

  push(
    `# ${t(lang, 'report.title')}`,
    '',
    t(lang, 'report.intro', {
      version: options.version,
      date: localTime((options.now ?? new Date()).toISOString()),
    }),
    '',
  );

  // Which entries belong to the last run: those written after it started.
  const startedAt = run?.startedAt ?? '';
  const entries = tutorial.steps.map((s) => ({ step: s, entry: state.progress[s.id] }));
  const thisRun = entries.filter((e) => e.entry && e.entry.at >= startedAt);
  const count = (status: string) => thisRun.filter((e) => e.entry?.status === status).length;
  const skipped = entries.length - count('passed') - count('failed') - count('warned');
  const firstFailure = thisRun.find((e) => e.entry?.status === 'failed');

  const ended = !run?.finishedAt
    ? t(lang, 'report.cutOff')
    : run.interrupted
      ? t(lang, 'report.interrupted', { at: localTime(run.finishedAt) })
      : t(lang, 'report.finished', { at: localTime(run.finishedAt) });
  push(
    `| | |`,
    `|---|---|`,
    `| ${t(lang, 'report.tutorial')} | ${cell(`${tutorial.title[lang]} (${tutorial.id})`)} |`,
    `| ${t(lang, 'report.source')} | ${code(tutorial.source)} |`,
    `| ${t(lang, 'report.profile')} | ${code(profile)} |`,
    `| ${t(lang, 'report.run')} | ${code(run?.runId ?? '')} |`,
    `| ${t(lang, 'report.started')} | ${localTime(run?.startedAt)} |`,
    `| ${t(lang, 'report.ended')} | ${cell(ended)} |`,
    `| ${t(lang, 'report.outcome')} | ${cell(
      t(lang, 'report.counts', {
        passed: count('passed'),
        failed: count('failed'),
        skipped,
        warned: count('warned'),
      }),
    )} |`,
  );
  if (firstFailure?.entry?.diagnosis) {
    const d = localizeDiagnosis(firstFailure.entry.diagnosis as Diagnosis, lang);
    push(
      `| | ${cell(t(lang, 'report.firstFailure', { step: firstFailure.step.id, title: d.title, code: d.code }))} |`,
    );
  }
  push(
    `| ${t(lang, 'report.mode')} | ${code(run?.mode ?? '')} |`,
    `| ${t(lang, 'report.language')} | ${code(run?.lang ?? '')} |`,
  );
  const resumeAt = options.resumeAt;
  if (resumeAt) push('', t(lang, 'report.resume', { step: code(resumeAt) }));

  // Environment
  push('', `## ${t(lang, 'report.environment')}`, '', '| | |', '|---|---|');
  const environment = { ...(run?.environment ?? {}) };
  if (!environment.mqTutor) environment.mqTutor = options.version;
  for (const key of ['mqTutor', 'node', 'platform', 'locale', 'terminal']) {
    const label = t(lang, `report.env.${key}` as 'report.env.node');
    push(`| ${label} | ${code(environment[key] ?? '')} |`);
  }
  for (const [key, value] of Object.entries(environment)) {
    if (!['mqTutor', 'node', 'platform', 'locale', 'terminal'].includes(key))
      push(`| ${cell(key)} | ${code(value)} |`);
  }

  // Parameters
  push(
    '',
    `## ${t(lang, 'report.parameters')}`,
    '',
    t(lang, recorded ? 'report.paramsRecorded' : 'report.paramsNote'),
    '',
    `| ${t(lang, 'report.col.param')} | ${t(lang, 'report.col.value')} | ${t(lang, 'report.col.source')} |`,
    '|---|---|---|',
  );
  push(...parameterRows(lang, tutorial, resolved, saved));

  // Steps
  push(
    '',
    `## ${t(lang, 'report.steps')}`,
    '',
    `| # | ${t(lang, 'report.col.step')} | ${t(lang, 'report.col.result')} | ${t(lang, 'report.col.duration')} | ${t(lang, 'report.col.at')} |`,
    '|---|---|---|---|---|',
  );
  let total = 0;
  entries.forEach(({ step, entry }, i) => {
    const earlier = entry && entry.at < startedAt;
    if (entry && !earlier) total += entry.durationMs;
    const result = `${statusText(lang, entry)}${earlier ? ` ${t(lang, 'report.earlierRun')}` : ''}`;
    const code_ =
      entry?.diagnosis && typeof entry.diagnosis.code === 'string' ? ` [${entry.diagnosis.code}]` : '';
    push(
      `| ${i + 1} | ${cell(`${step.title[lang]} (${step.id})`)} | ${cell(result + code_)} | ${
        entry ? seconds(entry.durationMs) : ''
      } | ${localTime(entry?.at)} |`,
    );
  });
  push('', t(lang, 'report.total', { time: seconds(total) }));

  // Failures, warnings and details
  push('', `## ${t(lang, 'report.problems')}`, '');
  const problems = thisRun.filter((e) => e.entry?.status === 'failed' || e.entry?.status === 'warned');
  if (problems.length === 0) push(t(lang, 'report.noProblems'));
  for (const { step, entry } of problems) {
    if (!entry) continue;
    push(`### ${step.id} — ${statusText(lang, entry)}`, '');
    if (entry.diagnosis) {
      const d = localizeDiagnosis(entry.diagnosis as Diagnosis, lang);
      push(`**${d.title}** \`${d.code}\``, '', d.explanation, '', `${t(lang, 'report.whatToDo')}:`, '');
      d.fixes.forEach((fix, i) => {
        push(`${i + 1}. ${fix}`);
      });
      if (d.cause) push('', `${t(lang, 'report.cause')}:`, '', '```', d.cause, '```');
    }
    if (Object.keys(entry.details ?? {}).length > 0)
      push('', `${t(lang, 'report.details')}:`, '', '```json', truncatedJson(entry.details), '```');
    push('');
  }
  const detailed = thisRun.filter(
    (e) =>
      e.entry &&
      e.entry.status !== 'failed' &&
      e.entry.status !== 'warned' &&
      Object.keys(e.entry.details ?? {}).length > 0,
  );
  if (detailed.length > 0) {
    push('', `## ${t(lang, 'report.details')}`, '');
    for (const { step, entry } of detailed) {
      push(`### ${step.id}`, '', '```json', truncatedJson(entry?.details, 1200), '```', '');
    }
  }
  push('', '---', '', t(lang, 'report.footer', { profile }), '');
  return redact(out.join('\n'), options.mask);
}
