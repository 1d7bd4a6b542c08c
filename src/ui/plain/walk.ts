import { envVarName } from '../../engine/params.js';
import type { EngineEvent, ParamDef, StepDef } from '../../engine/types.js';
import { seconds } from '../../format/status.js';
import { type Lang, render, t } from '../../i18n/index.js';
import { EXIT, type ExitCode } from '../../session/exit-codes.js';
import { wrap } from '../ink/text/width.js';
import type { WalkController } from '../interactive/controller.js';
import { choicesOf, fieldProblem, isSecret, visibleFields } from '../interactive/form.js';
import { availableTutorialsExcept } from '../interactive/next-steps.js';
import {
  type ProfileChoice,
  profileNameProblem,
  shownResult,
  type TutorialChoice,
} from '../interactive/setup.js';
import { type OpenWalk, type WizardFlags, WizardStore } from '../interactive/wizard.js';
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
  flags: WizardFlags;
  signal: AbortSignal;
  tutorials: () => TutorialChoice[];
  profiles: (tutorialId: string) => ProfileChoice[];
  open?: OpenWalk;
  width: number;
  styled: boolean;
  /** Reads Ctrl-C as a key while a step runs (see ctrl-c.ts); returns the release function. */
  catchCtrlC?: (onCtrlC: () => void) => () => void;
}

export type PlainOutcome = { code: ExitCode; error?: string };

type Action = 'run' | 'next' | 'edit' | 'skip' | 'back' | 'quit';

/**
 * `--plain`: the wizard's walk as numbered questions and printed results, for terminals and people
 * who want a scrolling transcript. It drives the same walk model as the full screen (WizardStore),
 * so both follow one set of rules; it only asks and prints. Each step: its explanation, its
 * parameters (each asked once per walk, prefilled), then what to do.
 */
export async function plainWalk(options: PlainOptions): Promise<PlainOutcome> {
  const { lang, ask, write } = options;
  let report: ((event: EngineEvent) => void) | undefined;
  const model = new WizardStore({
    lang,
    flags: { ...options.flags, mode: 'plain' },
    signal: options.signal,
    ...(options.open ? { open: options.open } : {}),
    // The step header and the explanation are printed before the questions; the reporter prints the rest.
    onEvent: (event) => {
      if (event.type !== 'step-started' && event.type !== 'run-started') report?.(event);
    },
  });
  let toldSandbox = false;
  model.subscribe(() => {
    if (model.state.startingSandbox && !toldSandbox) {
      toldSandbox = true;
      write(t(lang, 'ui.sandboxStarting'));
    }
  });
  const outcome = (): PlainOutcome => {
    const code = model.state.exitCode ?? EXIT.ok;
    if (code === EXIT.interrupted) {
      write('');
      write(t(lang, 'cli.interrupted'));
    }
    return { code, ...(model.state.error ? { error: model.state.error } : {}) };
  };

  try {
    const tutorialId = options.tutorialId ?? (await pickTutorial(options));
    const profile = options.profile ?? (await pickProfile(options, tutorialId));
    await model.choose({ tutorialId, profile: profile.name, sandbox: profile.sandbox });
    const c = model.controller;
    if (!c || phase(model) !== 'overview') return outcome();
    report = transcriptReporter(c.tutorial, lang, write);
    for (const notice of model.state.notices) write(notice);
    const index = await overview(options, c, profile.name);
    await model.begin(index);

    const asked = new Set<string>();
    while (phase(model) === 'step') {
      const step = model.step as StepDef;
      const n = model.state.index + 1;
      write('');
      write(t(lang, 'wizard.plain.step', { n, total: c.tutorial.steps.length, title: step.title[lang] }));
      write('');
      for (const line of markdownText(step.body[lang], options.width, options.styled)) write(line);
      write('');
      await askParams(options, model, step, n, asked, false);
      let action: Action = await ask.select(t(lang, 'wizard.plain.what'), actions(lang, 'before'), 'run');
      while (action === 'run' || action === 'edit') {
        if (action === 'edit') await askParams(options, model, step, n, asked, true);
        if (!model.run()) {
          action = 'edit';
          continue;
        }
        if (model.state.askSaveSecrets)
          model.answerSaveSecrets(
            await ask.confirm(t(lang, 'wizard.plain.saveSecrets', { profile: profile.name }), false),
          );
        const release = options.catchCtrlC?.(() => {
          write(t(lang, 'wizard.stopping'));
          void model.quit();
        });
        try {
          await model.pending;
        } finally {
          release?.();
        }
        if (phase(model) !== 'step') break;
        const result = model.state.attempts[step.id]?.result;
        if (result?.status === 'passed' || result?.status === 'warned') {
          action = 'next';
          break;
        }
        action = await ask.select(t(lang, 'wizard.plain.what'), actions(lang, 'failed'), 'edit');
      }
      if (phase(model) !== 'step') break;
      if (action === 'quit') await model.quit();
      else if (action === 'skip') await model.skip();
      else if (action === 'back') await model.back();
      else await model.next();
    }

    if (phase(model) === 'summary') {
      nextSteps(options, c, profile.name);
      model.close();
    }
    // Stopped by a signal or Ctrl-C while a step ran: the model is still leaving.
    if (phase(model) === 'stopping') await model.quit();
    return outcome();
  } catch (error) {
    if (error instanceof QuitError || options.signal.aborted) {
      await model.quit();
      return outcome();
    }
    throw error;
  } finally {
    model.state.walk?.release();
  }
}

/** Read afresh each time: the model moves on by itself (a signal, a step that does not apply). */
const phase = (model: WizardStore) => model.state.phase;

async function pickTutorial(options: PlainOptions): Promise<string> {
  return options.ask.select(
    t(options.lang, 'wizard.pickTutorial'),
    options.tutorials().map((c) => ({ value: c.id, name: `${c.id} — ${c.title}`, description: c.summary })),
  );
}

async function pickProfile(
  options: PlainOptions,
  tutorialId: string,
): Promise<{ name: string; sandbox: boolean }> {
  const { lang, ask } = options;
  const NEW = '\u0000new';
  const choices = options.profiles(tutorialId);
  const picked = await ask.select(t(lang, 'wizard.pickProfile'), [
    ...choices.map((p) => ({
      value: p.name,
      name: [
        p.name,
        p.sandbox ? `— ${t(lang, 'wizard.profile.sandbox')}` : '',
        p.passed > 0 ? `(${t(lang, 'wizard.profile.progress', { passed: p.passed, total: p.total })})` : '',
      ]
        .filter(Boolean)
        .join(' '),
    })),
    { value: NEW, name: t(lang, 'wizard.plain.newProfile') },
  ]);
  if (picked !== NEW)
    return { name: picked, sandbox: choices.find((c) => c.name === picked)?.sandbox ?? false };
  const name = await ask.input(t(lang, 'wizard.profile.newPrompt'), {
    validate: (v) => profileNameProblem(lang, v.trim()) ?? true,
  });
  return { name: name.trim(), sandbox: false };
}

/** The steps with their state, then the question where to start. */
async function overview(options: PlainOptions, c: WalkController, profile: string): Promise<number> {
  const { lang, write } = options;
  const tutorial = c.tutorial;
  write('');
  write(t(lang, 'ui.transcript.start', { title: tutorial.title[lang], id: tutorial.id }));
  write(t(lang, 'wizard.profileLabel', { profile }));
  write('');
  write(t(lang, 'wizard.overview.heading'));
  tutorial.steps.forEach((step, i) => {
    write(`  ${i + 1}. ${step.title[lang]} — ${stateWord(lang, c, step)}`);
  });
  const resumeStep = tutorial.steps[c.startAt];
  if (c.resumed && resumeStep) write(t(lang, 'wizard.overview.resume', { step: resumeStep.title[lang] }));
  write('');
  return options.ask
    .select(
      t(lang, 'wizard.plain.startAt'),
      tutorial.steps.map((step, i) => ({ value: String(i), name: `${i + 1}. ${step.title[lang]}` })),
      String(c.startAt),
    )
    .then(Number);
}

function nextSteps(options: PlainOptions, c: WalkController, profile: string): void {
  const { lang, write } = options;
  const tutorial = c.tutorial;
  const failed = tutorial.steps.find((s) => c.results.get(s.id)?.status === 'failed');
  write('');
  write(t(lang, 'wizard.summary.next'));
  const profileFlag = profile === 'default' ? '' : ` --profile ${profile}`;
  if (failed)
    write(
      `  mq-tutor run ${tutorial.id}${profileFlag} --step ${failed.id}   ${t(lang, 'wizard.summary.nextRetry')}`,
    );
  for (const set of c.generated) write(`  ${t(lang, 'wizard.summary.codeWritten', { dir: set.dir })}`);
  write(`  mq-tutor code ${tutorial.id} --lang python   ${t(lang, 'wizard.summary.nextCode')}`);
  write(`  mq-tutor report${profileFlag}   ${t(lang, 'wizard.summary.nextReport')}`);
  for (const other of availableTutorialsExcept(tutorial.id))
    write(`  mq-tutor run ${other}   ${t(lang, 'wizard.summary.nextOther')}`);
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
  const source = c.sources[id];
  if (source === 'env') return t(lang, 'wizard.form.source.env', { env: envVarName(id) });
  return source ? t(lang, `wizard.form.source.${source}`) : t(lang, 'wizard.form.source.typed');
}

/**
 * Asks the step's parameters, numbered `4.1`, `4.2`...: each once per walk (a later step reuses the
 * answer), all of them again when `again` (edit and retry). Answers go into the walk model's form,
 * as keys typed on the full screen do.
 */
async function askParams(
  options: PlainOptions,
  model: WizardStore,
  step: StepDef,
  n: number,
  asked: Set<string>,
  again: boolean,
): Promise<void> {
  const { lang, ask, write } = options;
  const c = model.controller as WalkController;
  let k = 0;
  let heading = false;
  for (const id of step.params) {
    // Conditions are checked as answers come in (caFile only once SASL_SSL is chosen).
    const def = visibleFields(c.tutorial, step, model.state.drafts).find((d) => d.id === id) as
      | ParamDef
      | undefined;
    if (!def) continue;
    k += 1;
    if (asked.has(id) && !again) continue;
    asked.add(id);
    if (!heading) {
      write(t(lang, 'wizard.plain.params'));
      heading = true;
    }
    const label = `${n}.${k} ${def.label[lang]}`;
    const current = model.state.drafts[id] ?? '';
    const validate = (value: string): string | true => {
      const problem = fieldProblem(def, value, { ...model.state.drafts, [id]: value });
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
    if (value !== current || isSecret(def)) model.setDraft(id, value);
  }
}
