import { STATUS_ICON } from '../../format/status.js';
import { type Lang, t } from '../../i18n/index.js';
import { damageNotices } from '../../profile/notice.js';
import type { TutorialState } from '../../profile/schema.js';
import { isProfileName, type ProfileStore } from '../../profile/store.js';
import { fileMode, localTime, maskedParams, orderedProgress, passedSteps } from '../../profile/view.js';
import { EXIT, type ExitCode } from '../../session/exit-codes.js';
import { openStore } from '../../session/open.js';
import { resumePoint } from '../../session/prepare.js';
import { tutorialOfState } from '../../session/tutorials.js';
import type { ParsedCli } from '../args.js';
import { type Output, stderrLine } from '../output.js';

type Out = (line?: string) => void;
const err = stderrLine;

const tutorialOf = (id: string, state: TutorialState) => tutorialOfState(id, state.lastRun?.tutorialDir);

function statusWord(lang: Lang, status: string, skipReason?: string): string {
  if (status === 'skipped') return t(lang, `ui.skip.${skipReason ?? 'condition'}` as 'ui.skip.condition');
  return t(lang, `ui.status.${status}` as 'ui.status.passed');
}

function lastRunState(lang: Lang, state: TutorialState): string {
  const run = state.lastRun;
  if (!run) return '';
  const when = localTime(run.finishedAt);
  const how = !run.finishedAt
    ? t(lang, 'profile.show.cutOff')
    : run.interrupted
      ? t(lang, 'profile.show.interrupted', { finishedAt: when })
      : t(lang, 'profile.show.finished', { finishedAt: when });
  return t(lang, 'profile.show.lastRun', {
    runId: run.runId,
    startedAt: localTime(run.startedAt),
    state: how,
  });
}

function checkName(lang: Lang, store: ProfileStore, name: string | undefined): string | ExitCode {
  if (!name) {
    err(t(lang, 'profile.usage'));
    return EXIT.usage;
  }
  if (!isProfileName(name)) {
    err(t(lang, 'profile.badName', { name }));
    return EXIT.usage;
  }
  if (!store.exists(name)) {
    const known = store.list();
    err(t(lang, 'profile.notFound', { name, known: known.join(', ') || t(lang, 'profile.none') }));
    return EXIT.usage;
  }
  return name;
}

function list(lang: Lang, store: ProfileStore, json: boolean, out: Out): ExitCode {
  const names = store.list();
  const rows = names.map((name) => {
    const data = store.read(name);
    const tutorials = Object.entries(data.tutorials).map(([id, state]) => {
      const tutorial = tutorialOf(id, state);
      return {
        id,
        passed: passedSteps(tutorial, state),
        total: tutorial?.steps.length ?? Object.keys(state.progress).length,
        lastRunAt: state.lastRun?.startedAt,
      };
    });
    return { name, file: store.fileOf(name), secretsSaved: store.hasSecrets(name), tutorials };
  });
  for (const line of damageNotices(lang, store)) err(line);
  if (json) {
    out(JSON.stringify({ type: 'profiles', dir: store.profilesDir, profiles: rows }));
    return EXIT.ok;
  }
  if (rows.length === 0) {
    out(t(lang, 'profile.list.empty', { dir: store.profilesDir }));
    return EXIT.ok;
  }
  out(t(lang, 'profile.list.heading', { dir: store.profilesDir }));
  const width = Math.max(...rows.map((r) => r.name.length));
  for (const row of rows) {
    const parts = row.tutorials.map((tu) => t(lang, 'profile.list.tutorial', { tutorial: tu.id, ...tu }));
    const last = row.tutorials
      .map((tu) => tu.lastRunAt)
      .filter((x): x is string => Boolean(x))
      .sort()
      .at(-1);
    parts.push(
      last ? t(lang, 'profile.list.lastRun', { when: localTime(last) }) : t(lang, 'profile.list.noRuns'),
    );
    if (row.secretsSaved) parts.push(t(lang, 'profile.list.secrets'));
    out(`  ${row.name.padEnd(width)}  ${parts.join(' · ')}`);
  }
  return EXIT.ok;
}

function show(lang: Lang, store: ProfileStore, name: string, json: boolean, out: Out): ExitCode {
  const data = store.read(name);
  const secrets = store.allSecrets(name);
  for (const line of damageNotices(lang, store)) err(line);
  const file = store.fileOf(name);
  const secretsFile = store.hasSecrets(name) ? store.secretsFileOf(name) : undefined;
  const tutorials = Object.entries(data.tutorials).map(([id, state]) => {
    const tutorial = tutorialOf(id, state);
    return {
      id,
      tutorial,
      state,
      params: maskedParams(tutorial, state.params, secrets[id]),
      resumeAt: tutorial ? resumePoint(tutorial, state) : undefined,
    };
  });
  if (json) {
    out(
      JSON.stringify({
        type: 'profile',
        name,
        file,
        mode: fileMode(file),
        ...(secretsFile ? { secretsFile, secretsMode: fileMode(secretsFile) } : {}),
        tutorials: Object.fromEntries(
          tutorials.map((x) => [
            x.id,
            {
              params: Object.fromEntries(x.params),
              progress: x.state.progress,
              ...(x.state.lastRun ? { lastRun: x.state.lastRun } : {}),
              ...(x.resumeAt ? { resumeAt: x.resumeAt } : {}),
            },
          ]),
        ),
      }),
    );
    return EXIT.ok;
  }
  out(t(lang, 'profile.show.heading', { name }));
  out(`  ${t(lang, 'profile.show.file', { file, mode: fileMode(file) })}`);
  out(
    `  ${
      secretsFile
        ? t(lang, 'profile.show.secretsSaved', { file: secretsFile, mode: fileMode(secretsFile) })
        : t(lang, 'profile.show.secretsNotSaved')
    }`,
  );
  if (tutorials.length === 0) out(`  ${t(lang, 'profile.show.noTutorials')}`);
  for (const x of tutorials) {
    out();
    out(x.tutorial ? `${x.id} — ${x.tutorial.title[lang]}` : x.id);
    out(`  ${t(lang, 'profile.show.params')}`);
    if (x.params.length === 0) out(`    ${t(lang, 'profile.show.noParams')}`);
    const width = Math.max(0, ...x.params.map(([k]) => k.length));
    for (const [key, value] of x.params) {
      const saved = secrets[x.id]?.[key] ? ` ${t(lang, 'profile.show.secretSaved')}` : '';
      out(`    ${key.padEnd(width)}  ${value}${saved}`);
    }
    out(`  ${t(lang, 'profile.show.progress')}`);
    const progress = orderedProgress(x.tutorial, x.state);
    if (progress.length === 0) out(`    ${t(lang, 'profile.show.noProgress')}`);
    const stepWidth = Math.max(0, ...progress.map(([id]) => id.length));
    for (const [step, entry] of progress) {
      const code =
        entry.diagnosis && typeof entry.diagnosis.code === 'string' ? ` [${entry.diagnosis.code}]` : '';
      out(
        `    ${STATUS_ICON[entry.status] ?? '?'} ${step.padEnd(stepWidth)}  ${statusWord(lang, entry.status, entry.skipReason)}${code}  ${localTime(entry.at)}`,
      );
    }
    const last = lastRunState(lang, x.state);
    if (last) out(`  ${last}`);
    if (x.resumeAt) out(`  ${t(lang, 'profile.show.resumeAt', { step: x.resumeAt })}`);
  }
  return EXIT.ok;
}

async function confirmDelete(lang: Lang, name: string, withSecrets: boolean): Promise<boolean> {
  const { confirm } = await import('@inquirer/prompts');
  try {
    return await confirm({
      message: t(lang, 'profile.delete.confirm', {
        name,
        secrets: withSecrets ? t(lang, 'profile.delete.andSecrets') : '',
      }),
      default: false,
    });
  } catch (error) {
    // Ctrl-C at the question: nothing is deleted.
    if ((error as Error).name === 'ExitPromptError') return false;
    throw error;
  }
}

async function remove(
  lang: Lang,
  store: ProfileStore,
  name: string,
  yes: boolean,
  out: Out,
): Promise<ExitCode> {
  const files = [store.fileOf(name), ...(store.hasSecrets(name) ? [store.secretsFileOf(name)] : [])];
  // Asked only at a terminal; scripts (no TTY) and --yes delete at once, as rm does.
  if (!yes && process.stdin.isTTY && process.stdout.isTTY) {
    if (!(await confirmDelete(lang, name, files.length > 1))) {
      out(t(lang, 'profile.delete.kept'));
      return EXIT.ok;
    }
  }
  store.delete(name);
  out(t(lang, 'profile.delete.done', { name, files: files.join(', ') }));
  return EXIT.ok;
}

/**
 * `mq-tutor profile list | show <name> | delete <name>`. list and show only read: they take no
 * lock and write nothing, so they work in a folder that cannot be written.
 */
export async function profileCommand(cli: ParsedCli, lang: Lang, output: Output): Promise<ExitCode> {
  const [sub, name, ...rest] = cli.args;
  const out: Out = (line = '') => output.line(line);
  const store = openStore(process.env, { readOnly: sub !== 'delete' });
  const json = cli.options.json;
  if (sub === 'list' && name === undefined) return list(lang, store, json, out);
  if ((sub === 'show' || sub === 'delete') && rest.length === 0) {
    const checked = checkName(lang, store, name);
    if (typeof checked === 'number') return checked;
    return sub === 'show'
      ? show(lang, store, checked, json, out)
      : remove(lang, store, checked, cli.options.yes, out);
  }
  err(t(lang, 'profile.usage'));
  return EXIT.usage;
}
