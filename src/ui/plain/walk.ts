import { EXIT, type ExitCode } from '../../cli/exit-codes.js';
import { conditionHolds, envVarName } from '../../engine/params.js';
import type { EngineEvent, ParamDef, StepDef } from '../../engine/types.js';
import { type Lang, render, t } from '../../i18n/index.js';
import { seconds } from '../format.js';
import { wrap } from '../ink/text/width.js';
import type { WalkController } from '../interactive/controller.js';
import { choicesOf, fieldProblem, isSecret } from '../interactive/form.js';
import { availableTutorialsExcept } from '../interactive/next-steps.js';
import {
  type OpenedWalk,
  type OpenOptions,
  type ProfileChoice,
  profileNameProblem,
  shownResult,
  type TutorialChoice,
  WalkUsageError,
} from '../interactive/setup.js';
import { transcriptReporter } from '../transcript/reporter.js';
import { type Ask, QuitError } from './ask.js';
import { markdownText } from './markdown.js';

export interface PlainOptions {
  lang: Lang;
  ask: Ask;
  write: (line: string) => void;
  /** Fixed by the command line. */
  tutorialId?: string;
  profile?: { name: string; sandbox: boolean };
  set: Record<string, string>;
  step?: string;
  saveSecrets: boolean;
  signal: AbortSignal;
  tutorials: () => TutorialChoice[];
  profiles: (tutorialId: string) => ProfileChoice[];
  open: (options: OpenOptions) => Promise<OpenedWalk>;
  width: number;
  styled: boolean;
  /** Reads Ctrl-C as a key while a step runs (see ctrl-c.ts); returns the release function. */
  catchCtrlC?: (onCtrlC: () => void) => () => void;
}

export type PlainOutcome = { code: ExitCode; error?: string };

type Action = 'run' | 'next' | 'edit' | 'skip' | 'back' | 'quit';

/**
 * `--plain`: the wizard's walk as numbered questions and printed results, for terminals and people
 * who want a scrolling transcript. Each step: its explanation, its parameters (each asked once per
 * walk, prefilled), then what to do; the run is printed by the `--yes` transcript reporter.
 */
export async function plainWalk(options: PlainOptions): Promise<PlainOutcome> {
  const { lang, ask, write } = options;
  const own = new AbortController();
  const signal = AbortSignal.any([options.signal, own.signal]);
  let controller: WalkController | undefined;
  let report: ((event: EngineEvent) => void) | undefined;
  const onEvent = (event: EngineEvent) => {
    // The step header and the explanation are printed before the questions; the reporter prints the rest.
    if (event.type === 'step-started' || event.type === 'run-started') return;
    report?.(event);
  };
  let release: (() => void) | undefined;
  const quit = (): PlainOutcome => {
    controller?.finish(true);
    write('');
    write(t(lang, 'cli.interrupted'));
    return { code: EXIT.interrupted };
  };

  try {
    // ---- tutorial and profile ----
    const tutorialId =
      options.tutorialId ??
      (await ask.select(
        t(lang, 'wizard.pickTutorial'),
        options
          .tutorials()
          .map((c) => ({ value: c.id, name: `${c.id} — ${c.title}`, description: c.summary })),
      ));
    let profile = options.profile;
    if (!profile) {
      const NEW = '\u0000new';
      const choices = options.profiles(tutorialId);
      const picked = await ask.select(t(lang, 'wizard.pickProfile'), [
        ...choices.map((p) => ({
          value: p.name,
          name: [
            p.name,
            p.sandbox ? `— ${t(lang, 'wizard.profile.sandbox')}` : '',
            p.passed > 0
              ? `(${t(lang, 'wizard.profile.progress', { passed: p.passed, total: p.total })})`
              : '',
          ]
            .filter(Boolean)
            .join(' '),
        })),
        { value: NEW, name: t(lang, 'wizard.plain.newProfile') },
      ]);
      if (picked === NEW) {
        const name = await ask.input(t(lang, 'wizard.profile.newPrompt'), {
          validate: (v) => profileNameProblem(lang, v.trim()) ?? true,
        });
        profile = { name: name.trim(), sandbox: false };
      } else profile = { name: picked, sandbox: choices.find((c) => c.name === picked)?.sandbox ?? false };
    }
    if (profile.sandbox) write(t(lang, 'ui.sandboxStarting'));
    let opened: OpenedWalk;
    try {
      opened = await options.open({
        lang,
        tutorialId,
        profile: profile.name,
        sandbox: profile.sandbox,
        set: options.set,
        step: options.step,
        saveSecrets: options.saveSecrets,
        mode: 'plain',
        onEvent,
        signal,
      });
    } catch (error) {
      if (error instanceof WalkUsageError) return { code: EXIT.usage, error: error.message };
      if (signal.aborted) return quit();
      throw error;
    }
    const c = opened.controller;
    controller = c;
    release = opened.release;
    const tutorial = c.tutorial;
    report = transcriptReporter(tutorial, lang, write);
    for (const notice of opened.notices) write(notice);

    // ---- overview ----
    write('');
    write(t(lang, 'ui.transcript.start', { title: tutorial.title[lang], id: tutorial.id }));
    write(`${t(lang, 'wizard.profileLabel', { profile: profile.name })}`);
    write('');
    write(t(lang, 'wizard.overview.heading'));
    tutorial.steps.forEach((step, i) => {
      write(`  ${i + 1}. ${step.title[lang]} — ${stateWord(lang, c, step)}`);
    });
    const resumeStep = tutorial.steps[opened.startAt];
    if (opened.resumed && resumeStep)
      write(t(lang, 'wizard.overview.resume', { step: resumeStep.title[lang] }));
    write('');
    let index = await ask
      .select(
        t(lang, 'wizard.plain.startAt'),
        tutorial.steps.map((step, i) => ({ value: String(i), name: `${i + 1}. ${step.title[lang]}` })),
        String(opened.startAt),
      )
      .then(Number);

    // ---- the steps ----
    const asked = new Set<string>();
    let secretsAsked = false;
    while (index < tutorial.steps.length) {
      const step = tutorial.steps[index] as StepDef;
      if (!c.applies(step)) {
        await c.run(step.id, signal); // recorded as not needed; the reporter prints it
        index += 1;
        continue;
      }
      const n = index + 1;
      write('');
      write(`${t(lang, 'wizard.plain.step', { n, total: tutorial.steps.length, title: step.title[lang] })}`);
      write('');
      for (const line of markdownText(step.body[lang], options.width, options.styled)) write(line);
      write('');
      const typedSecret = await askParams(options, c, step, n, asked, false);
      let action: Action = await ask.select(t(lang, 'wizard.plain.what'), actions(lang, 'before'), 'run');
      while (action === 'run' || action === 'edit') {
        if (action === 'edit') {
          const typed = await askParams(options, c, step, n, asked, true);
          if (typed) secretsAsked = await maybeSaveSecrets(options, c, secretsAsked, profile.name);
        } else if (typedSecret) secretsAsked = await maybeSaveSecrets(options, c, secretsAsked, profile.name);
        const release = options.catchCtrlC?.(() => {
          if (own.signal.aborted) return;
          write(t(lang, 'wizard.stopping'));
          own.abort();
        });
        let result: Awaited<ReturnType<WalkController['run']>>;
        try {
          result = await c.run(step.id, signal);
        } finally {
          release?.();
        }
        if (signal.aborted || result.skipReason === 'interrupted') return quit();
        if (result.status === 'passed' || result.status === 'warned') {
          action = 'next';
          break;
        }
        action = await ask.select(t(lang, 'wizard.plain.what'), actions(lang, 'failed'), 'edit');
      }
      if (action === 'quit') return quit();
      if (action === 'skip') {
        c.skip(step.id);
        index += 1;
      } else if (action === 'back') {
        let back = index - 1;
        while (back > 0 && !c.applies(tutorial.steps[back] as StepDef)) back -= 1;
        index = Math.max(0, back);
      } else index += 1;
    }

    // ---- summary ----
    const summary = c.finish(false);
    report({ type: 'run-finished', summary });
    const failed = tutorial.steps.find((s) => c.results.get(s.id)?.status === 'failed');
    write('');
    write(t(lang, 'wizard.summary.next'));
    const profileFlag = profile.name === 'default' ? '' : ` --profile ${profile.name}`;
    if (failed)
      write(
        `  mq-tutor run ${tutorial.id}${profileFlag} --step ${failed.id}   ${t(lang, 'wizard.summary.nextRetry')}`,
      );
    write(`  mq-tutor code ${tutorial.id} --lang python   ${t(lang, 'wizard.summary.nextCode')}`);
    write(`  mq-tutor report${profileFlag}   ${t(lang, 'wizard.summary.nextReport')}`);
    for (const other of availableTutorialsExcept(tutorial.id))
      write(`  mq-tutor run ${other}   ${t(lang, 'wizard.summary.nextOther')}`);
    return { code: failed ? EXIT.stepFailed : EXIT.ok };
  } catch (error) {
    if (error instanceof QuitError || signal.aborted) {
      own.abort();
      return quit();
    }
    throw error;
  } finally {
    release?.();
  }
}

function stateWord(lang: Lang, c: WalkController, step: StepDef): string {
  const shown = shownResult(c, step.id);
  if (!shown) return c.applies(step) ? t(lang, 'wizard.state.ahead') : t(lang, 'wizard.short.notNeeded');
  const r = shown.result;
  if (r.status === 'skipped' && r.skipReason === 'condition') return t(lang, 'wizard.short.notNeeded');
  const word = t(lang, `wizard.short.${r.status}`);
  const time = r.status === 'skipped' ? '' : ` (${seconds(r.durationMs)})`;
  return `${shown.earlier ? t(lang, 'wizard.state.earlier', { status: word }) : word}${time}`;
}

function actions(lang: Lang, when: 'before' | 'failed'): { value: Action; name: string }[] {
  const quit = { value: 'quit' as const, name: t(lang, 'wizard.plain.quit') };
  if (when === 'before')
    return [
      { value: 'run', name: t(lang, 'wizard.plain.run') },
      { value: 'skip', name: t(lang, 'wizard.plain.skip') },
      { value: 'back', name: t(lang, 'wizard.plain.back') },
      quit,
    ];
  return [
    { value: 'edit', name: t(lang, 'wizard.plain.editRetry') },
    { value: 'run', name: t(lang, 'wizard.plain.retry') },
    { value: 'skip', name: t(lang, 'wizard.plain.skip') },
    { value: 'back', name: t(lang, 'wizard.plain.back') },
    quit,
  ];
}

function sourceWord(lang: Lang, c: WalkController, id: string): string {
  const source = c.session.resolved.sources[id];
  if (source === 'env') return t(lang, 'wizard.form.source.env', { env: envVarName(id) });
  return source ? t(lang, `wizard.form.source.${source}`) : t(lang, 'wizard.form.source.typed');
}

/**
 * Asks the step's parameters, numbered `4.1`, `4.2`...: each once per walk (a later step reuses the
 * answer), all of them again when `again` (edit and retry). Returns whether a secret was typed.
 */
async function askParams(
  options: PlainOptions,
  c: WalkController,
  step: StepDef,
  n: number,
  asked: Set<string>,
  again: boolean,
): Promise<boolean> {
  const { lang, ask, write } = options;
  let typedSecret = false;
  let k = 0;
  let heading = false;
  for (const id of step.params) {
    const def = c.tutorial.params[id] as ParamDef | undefined;
    // Conditions are checked as answers come in (caFile only once SASL_SSL is chosen).
    if (!def || !conditionHolds(def.when, c.values)) continue;
    k += 1;
    if (asked.has(id) && !again) continue;
    asked.add(id);
    if (!heading) {
      write(t(lang, 'wizard.plain.params'));
      heading = true;
    }
    const label = `${n}.${k} ${def.label[lang]}`;
    const current = c.values[id] ?? '';
    const validate = (value: string): string | true => {
      const problem = fieldProblem(def, value, c.values);
      return problem ? render(lang, problem) : true;
    };
    for (const line of wrap(def.help[lang], options.width, '    ')) write(line);
    let value: string;
    if (isSecret(def)) {
      if (current && !again) {
        write(`  ${t(lang, 'wizard.plain.secretKept', { label, source: sourceWord(lang, c, id) })}`);
        continue;
      }
      value = await ask.password(label, { validate });
      typedSecret = true;
    } else if (def.type === 'enum' || def.type === 'boolean') {
      const choices = choicesOf(def);
      value = await ask.select(
        label,
        choices.map((choice) => ({ value: choice, name: choice })),
        choices.includes(current) ? current : undefined,
      );
    } else {
      value = (await ask.input(label, { default: current, validate })).trim();
    }
    if (value !== current) c.setParam(id, value);
  }
  return typedSecret;
}

/** The one-time question whether a typed secret may be kept in the profile (default no). */
async function maybeSaveSecrets(
  options: PlainOptions,
  c: WalkController,
  asked: boolean,
  profile: string,
): Promise<boolean> {
  if (asked || c.saveSecrets) return true;
  const save = await options.ask.confirm(t(options.lang, 'wizard.plain.saveSecrets', { profile }), false);
  if (save) {
    c.saveSecrets = true;
    for (const [id, def] of Object.entries(c.tutorial.params)) {
      const value = c.values[id];
      if (isSecret(def) && value) c.setParam(id, value);
    }
  }
  return true;
}
