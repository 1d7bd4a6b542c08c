import { Box, type Key } from 'ink';
import { useEffect, useMemo, useRef } from 'react';
import type { ParamDef, StepDef } from '../../../engine/types.js';
import { STATUS_ICON, seconds } from '../../../format/status.js';
import { type Lang, t } from '../../../i18n/index.js';
import {
  cycle,
  type EditAction,
  edit,
  formProblems,
  isChoice,
  isSecret,
  visibleFields,
} from '../../interactive/form.js';
import { railItems } from '../../interactive/status.js';
import type { WizardState, WizardStore } from '../../interactive/wizard.js';
import { Header } from '../components/header.js';
import { helpLines } from '../components/help-panel.js';
import { type KeyHint, keyBarLines } from '../components/key-bar.js';
import { Lines } from '../components/lines.js';
import { formLines } from '../components/param-form.js';
import { railLines } from '../components/progress-rail.js';
import { resultLines } from '../components/result-panel.js';
import { runLines } from '../components/run-panel.js';
import { viewport } from '../components/scroll-view.js';
import { useTicker } from '../components/spinner.js';
import { useKeys } from '../hooks/use-keys.js';
import { useLiveState } from '../hooks/use-live-state.js';
import { markdownLines } from '../markdown/lines.js';
import { type StyledLine, wrap } from '../text/width.js';

export interface StepProps {
  lang: Lang;
  store: WizardStore;
  state: WizardState;
  /** Layout width and the rows the screen may use. */
  width: number;
  rows: number;
  screenReader: boolean;
  now?: () => number;
}

type Mode = 'nav' | 'edit' | 'help';

interface Ui {
  mode: Mode;
  focus: number;
  cursor: number;
  /** Scroll position of the explanation, result or help. */
  offset: number;
}

const length = (value: string | undefined) => Array.from(value ?? '').length;

/**
 * One step: the explanation, the parameter form, the live run, the result or diagnosis, with the
 * progress rail above and the keys below. Everything is laid out as rows within the terminal's
 * height; long parts scroll inside their window.
 */
export function StepScreen(props: StepProps) {
  const { lang, store, state, width } = props;
  const controller = state.walk;
  if (!controller) throw new Error('StepScreen without an open walk');
  const tutorial = controller.tutorial;
  const step = tutorial.steps[state.index] as StepDef;
  const fields = visibleFields(tutorial, step, state.drafts);
  const problems = formProblems(fields, state.drafts);
  const attempt = state.attempts[step.id];
  const running = state.running?.stepId === step.id ? state.running : undefined;
  const stopping = state.phase === 'stopping';
  const firstProblem = fields.findIndex((f) => problems.has(f.id));

  const [ui, live, setUi] = useLiveState<Ui>(() => {
    const at = Math.max(0, firstProblem);
    return {
      mode: firstProblem >= 0 ? 'edit' : 'nav',
      focus: at,
      cursor: length(state.drafts[fields[at]?.id ?? '']),
      offset: 0,
    };
  });
  const { mode, focus, cursor, offset } = ui;
  const maxOffset = useRef(0);
  const page = useRef(5);

  const now = useTicker(Boolean(running) || stopping, props.screenReader, props.now);

  // A new result starts at its top.
  const resultKey = attempt?.key;
  useEffect(() => {
    if (resultKey) setUi({ offset: 0 });
  }, [resultKey, setUi]);

  const focusField: ParamDef | undefined = mode === 'edit' ? fields[focus] : undefined;
  const passed = attempt?.result?.status === 'passed' || attempt?.result?.status === 'warned';

  /** The store's state right now (not as last rendered): keys may come faster than renders. */
  const current = () => {
    const s = store.state;
    const liveFields = visibleFields(tutorial, step, s.drafts);
    const liveProblems = formProblems(liveFields, s.drafts);
    const result = s.attempts[step.id]?.result;
    return {
      s,
      fields: liveFields,
      problems: liveProblems,
      firstProblem: liveFields.findIndex((f) => liveProblems.has(f.id)),
      passed: result?.status === 'passed' || result?.status === 'warned',
      busy: s.running !== undefined || s.phase === 'stopping',
    };
  };

  const moveFocus = (to: number) => {
    const { s, fields: fs } = current();
    const total = fs.length + 1;
    const next = (to + total) % total;
    setUi({ focus: next, cursor: length(s.drafts[fs[next]?.id ?? '']) });
  };

  const startEditing = () => {
    const { s, fields: fs, firstProblem: first } = current();
    if (fs.length === 0) return;
    const at = Math.max(first, 0);
    setUi({ mode: 'edit', focus: at, cursor: length(s.drafts[fs[at]?.id ?? '']) });
  };

  const tryRun = () => {
    if (current().problems.size > 0) {
      startEditing();
      return;
    }
    setUi({ mode: 'nav' });
    store.run();
  };

  const scroll = (by: number) =>
    setUi({ offset: Math.min(Math.max(0, live.current.offset + by), maxOffset.current) });

  const editText = (def: ParamDef, action: EditAction) => {
    const { s } = current();
    const value = s.drafts[def.id] ?? '';
    if (isSecret(def) && !s.typedSecrets.includes(def.id) && value) {
      // A stored secret is replaced, never edited in place (its length is not shown).
      if (action.type === 'insert' || action.type === 'backspace' || action.type === 'clear') {
        const fresh =
          action.type === 'insert' ? edit({ value: '', cursor: 0 }, action) : { value: '', cursor: 0 };
        store.setDraft(def.id, fresh.value);
        setUi({ cursor: fresh.cursor });
      }
      return;
    }
    const next = edit({ value, cursor: isSecret(def) ? length(value) : live.current.cursor }, action);
    if (next.value !== value) store.setDraft(def.id, next.value);
    setUi({ cursor: next.cursor });
  };

  const onEditKey = (input: string, key: Key) => {
    const at = live.current.focus;
    const { s, fields: fs } = current();
    if (key.escape) {
      setUi({ mode: 'nav' });
      return;
    }
    if (key.upArrow || (key.tab && key.shift)) return moveFocus(at - 1);
    if (key.downArrow || key.tab) return moveFocus(at + 1);
    if (key.return) {
      if (at < fs.length) return moveFocus(at + 1);
      return tryRun();
    }
    const def = fs[at];
    if (!def) {
      if (input === ' ') tryRun();
      return;
    }
    if (isChoice(def)) {
      const value = s.drafts[def.id] ?? '';
      if (key.leftArrow) store.setDraft(def.id, cycle(def, value, -1));
      else if (key.rightArrow || input === ' ') store.setDraft(def.id, cycle(def, value, 1));
      return;
    }
    if (key.ctrl) {
      if (input === 'u') editText(def, { type: 'clear' });
      else if (input === 'a') editText(def, { type: 'home' });
      else if (input === 'e') editText(def, { type: 'end' });
      return;
    }
    if (key.backspace || key.delete) editText(def, { type: 'backspace' });
    else if (key.leftArrow) editText(def, { type: 'left' });
    else if (key.rightArrow) editText(def, { type: 'right' });
    else if (key.home) editText(def, { type: 'home' });
    else if (key.end) editText(def, { type: 'end' });
    else if (input && !key.meta && !key.pageUp && !key.pageDown)
      editText(def, { type: 'insert', text: input });
  };

  const onNavKey = (input: string, key: Key) => {
    const { passed: done } = current();
    if (key.upArrow) scroll(-1);
    else if (key.downArrow) scroll(1);
    else if (key.return) {
      if (done) void store.next();
      else tryRun();
    } else if (input === 'r') tryRun();
    else if (input === 'n') void store.next();
    else if (input === 'b') void store.back();
    else if (input === 's' && !done) void store.skip();
    else if (input === 'e' || key.tab) startEditing();
    else if (input === '?') setUi({ mode: 'help', offset: 0 });
    else if (input === 'q') void store.quit();
  };

  useKeys((input, key) => {
    if (key.ctrl && input === 'c') return; // the app stops the walk
    const { s, busy } = current();
    if (store.state.phase !== 'step' && store.state.phase !== 'stopping') return;
    if (live.current.mode === 'help') {
      setUi({ mode: 'nav', offset: 0 });
      return;
    }
    if (s.askSaveSecrets) {
      if (input === 'y' || input === 'Y') store.answerSaveSecrets(true);
      else if (input === 'n' || input === 'N' || key.return || key.escape) store.answerSaveSecrets(false);
      else if (input === 'q') void store.quit();
      return;
    }
    if (busy) {
      if (input === 'q') void store.quit();
      return;
    }
    if (key.pageDown) return scroll(page.current);
    if (key.pageUp) return scroll(-page.current);
    if (live.current.mode === 'edit') onEditKey(input, key);
    else onNavKey(input, key);
  });

  // ---- layout: every region as rows, fitted into the screen's height ----
  const explanation = useMemo(() => markdownLines(step.body[lang], width), [step, lang, width]);
  const rail = railLines(railItems(controller, state.index, state.running?.stepId), width, {
    lang,
    words: props.screenReader,
  });
  const title: StyledLine = [
    {
      text: t(lang, 'wizard.stepOf', {
        n: state.index + 1,
        total: tutorial.steps.length,
        title: step.title[lang],
      }),
      bold: true,
    },
  ];

  let keys: KeyHint[];
  const quit: KeyHint = ['q', t(lang, 'wizard.key.quit')];
  const help: KeyHint = ['?', t(lang, 'wizard.key.help')];
  if (mode === 'help') keys = [['Esc', t(lang, 'wizard.key.back')]];
  else if (state.askSaveSecrets)
    keys = [
      ['y', t(lang, 'wizard.key.yes')],
      ['n/Enter', t(lang, 'wizard.key.no')],
    ];
  else if (running || stopping) keys = [['q/Ctrl-C', t(lang, 'wizard.key.stop')]];
  else if (mode === 'edit')
    keys = [
      ['Tab/↑↓', t(lang, 'wizard.key.field')],
      ...(focusField && isChoice(focusField) ? [['←→', t(lang, 'wizard.key.change')] as KeyHint] : []),
      ['Enter', focus >= fields.length ? t(lang, 'wizard.key.run') : t(lang, 'wizard.key.next')],
      ['Ctrl-U', t(lang, 'wizard.key.clear')],
      ['Esc', t(lang, 'wizard.key.doneEditing')],
      ['Ctrl-C', t(lang, 'wizard.key.quit')],
    ];
  else if (passed)
    keys = [
      ['Enter/n', t(lang, 'wizard.key.next')],
      ['r', t(lang, 'wizard.key.retry')],
      ['e', t(lang, 'wizard.key.edit')],
      ['b', t(lang, 'wizard.key.back')],
      ['↑↓', t(lang, 'wizard.key.scroll')],
      help,
      quit,
    ];
  else if (attempt?.result?.status === 'failed')
    keys = [
      ['e', t(lang, 'wizard.key.edit')],
      ['r', t(lang, 'wizard.key.retry')],
      ['s', t(lang, 'wizard.key.skip')],
      ['n', t(lang, 'wizard.key.next')],
      ['b', t(lang, 'wizard.key.back')],
      help,
      quit,
    ];
  else
    keys = [
      ['Enter', t(lang, 'wizard.key.run')],
      ...(fields.length > 0 ? [['e', t(lang, 'wizard.key.edit')] as KeyHint] : []),
      ['s', t(lang, 'wizard.key.skip')],
      ['n', t(lang, 'wizard.key.next')],
      ['b', t(lang, 'wizard.key.back')],
      ['↑↓', t(lang, 'wizard.key.scroll')],
      help,
      quit,
    ];
  const keyRows = keyBarLines(keys, width);
  const main = Math.max(3, props.rows - 1 - rail.length - 1 - 1 - keyRows.length);
  page.current = Math.max(1, main - 2);

  let body: StyledLine[];
  const explain = (height: number) => {
    const view = viewport(explanation, offset, height, lang);
    maxOffset.current = view.maxOffset;
    return view.lines;
  };
  if (mode === 'help') {
    const view = viewport(helpLines(lang, width), offset, main, lang);
    maxOffset.current = view.maxOffset;
    body = view.lines;
  } else if (running || stopping) {
    body = runLines({
      lang,
      title: step.title[lang],
      progress: running?.progress ?? [],
      elapsedMs: now - (running?.startedAt ?? now),
      width,
      height: main,
      still: props.screenReader,
      ...(stopping ? { status: t(lang, 'wizard.stopping') } : {}),
    });
    maxOffset.current = 0;
  } else if (state.askSaveSecrets) {
    const keysTyped = state.typedSecrets.map((k) => tutorial.params[k]?.label[lang] ?? k).join(', ');
    const question = wrap(
      t(lang, 'wizard.secrets.ask', { keys: keysTyped, profile: state.profile ?? '' }),
      width,
    ).map((l): StyledLine => [{ text: l, bold: true, tone: 'warn' }]);
    body = [...explain(Math.max(0, main - question.length - 1)), [], ...question];
  } else if (mode === 'nav' && attempt?.result) {
    const view = viewport(resultLines({ lang, step, result: attempt.result, width }), offset, main, lang);
    maxOffset.current = view.maxOffset;
    body = view.lines;
  } else {
    const form = formLines({
      lang,
      width,
      fields,
      values: state.drafts,
      problems,
      focus: mode === 'edit' ? focus : undefined,
      cursor,
      typedSecrets: new Set(state.typedSecrets),
      sources: Object.fromEntries(
        fields.map((f) => [
          f.id,
          state.typedSecrets.includes(f.id) || state.drafts[f.id] !== controller.initial.values[f.id]
            ? 'typed'
            : controller.initial.sources[f.id],
        ]),
      ) as Record<string, 'typed'>,
    });
    const earlier = controller.earlier[step.id];
    const note: StyledLine[] =
      earlier && !attempt
        ? [
            [
              {
                text: `${STATUS_ICON[earlier.status]} ${t(lang, 'wizard.state.earlier', { status: t(lang, `wizard.short.${earlier.status}`) })}${earlier.status === 'skipped' ? '' : ` (${seconds(earlier.durationMs)})`}`,
                tone: 'muted',
              },
            ],
          ]
        : [];
    const formRows = [...note, ...form];
    const room = main - formRows.length - 1;
    if (room >= 2) body = [...explain(room), [], ...formRows];
    else {
      // Very short terminal: only the form, around the focused field.
      maxOffset.current = 0;
      const at = Math.max(0, Math.min(focus + note.length - Math.floor(main / 2), formRows.length - main));
      body = formRows.slice(at, at + main);
    }
  }

  return (
    <Box flexDirection="column">
      <Header
        left={t(lang, 'wizard.title', { title: tutorial.title[lang] })}
        right={t(lang, 'wizard.profileLabel', { profile: state.profile ?? '' })}
        width={width}
      />
      <Lines lines={[...rail, title, ...body, [], ...keyRows]} />
    </Box>
  );
}
