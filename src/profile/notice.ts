import { type Lang, t } from '../i18n/index.js';
import type { RepairProblem } from './repair.js';
import type { DamagedProfile, ProfileStore } from './store.js';

const SHOWN_PROBLEMS = 8;

function problemLine(lang: Lang, p: RepairProblem): string {
  return t(lang, `profile.problem.${p.fix}`, {
    path: p.path || t(lang, 'profile.topLevel'),
    expected: t(lang, `profile.expected.${p.expected}`),
    found: p.found,
  });
}

/**
 * What to tell the user about a profile file that was damaged or edited by hand: where it is, what
 * is wrong (the line and column of a JSON error, or each value of the wrong type), where the backup
 * is, and what mq-tutor goes on with. One entry per line.
 */
export function describeDamage(lang: Lang, damage: DamagedProfile, store?: ProfileStore): string[] {
  const lines: string[] = [];
  if (damage.kind === 'json') {
    lines.push(
      t(lang, 'profile.damaged.json', {
        file: damage.file,
        backup: damage.backup,
        line: damage.line ?? '?',
        column: damage.column ?? '?',
      }),
    );
  } else if (damage.repaired) {
    lines.push(t(lang, 'profile.damaged.schemaRepaired', { file: damage.file, backup: damage.backup }));
    const problems = store?.problemsOf(damage) ?? [];
    for (const p of problems.slice(0, SHOWN_PROBLEMS)) lines.push(problemLine(lang, p));
    if (problems.length > SHOWN_PROBLEMS)
      lines.push(t(lang, 'profile.problem.more', { count: problems.length - SHOWN_PROBLEMS }));
  } else {
    lines.push(
      t(lang, 'profile.damaged.schemaReset', {
        file: damage.file,
        backup: damage.backup,
        problem: damage.problem,
      }),
    );
  }
  if (store && damage.file.startsWith(store.secretsDir)) lines.push(t(lang, 'profile.damaged.secrets'));
  return lines;
}

/** Every damage the store found so far, described, for a front end to print. */
export function damageNotices(lang: Lang, store: ProfileStore): string[] {
  return store.damaged.flatMap((d) => describeDamage(lang, d, store));
}
