import { Box } from 'ink';
import { useEffect, useMemo, useRef } from 'react';
import { type Lang, t } from '../../../i18n/index.js';
import { edit } from '../../interactive/form.js';
import { type ProfileChoice, profileNameProblem, type TutorialChoice } from '../../interactive/setup.js';
import type { WizardState } from '../../interactive/wizard.js';
import { Header } from '../components/header.js';
import { KeyBar } from '../components/key-bar.js';
import { Lines } from '../components/lines.js';
import { moveCursor, type SelectItem, SelectList } from '../components/select-list.js';
import { elapsed, spinnerFrame, useTicker } from '../components/spinner.js';
import { useKeys } from '../hooks/use-keys.js';
import { useLiveState } from '../hooks/use-live-state.js';
import { type StyledLine, wrap } from '../text/width.js';

export interface StartProps {
  lang: Lang;
  state: WizardState;
  width: number;
  rows: number;
  screenReader: boolean;
  tutorials: () => TutorialChoice[];
  profiles: (tutorialId: string) => ProfileChoice[];
  /** Fixed by the command line (`mq-tutor run <tutorial>`). */
  tutorialId?: string;
  /** Fixed by --profile / --sandbox. */
  profile?: { name: string; sandbox: boolean };
  onChoose: (choice: { tutorialId: string; profile: string; sandbox: boolean }) => void;
  onQuit: () => void;
}

type Stage = 'tutorial' | 'profile' | 'new-name';

interface StartUi {
  tutorialId?: string;
  stage: Stage;
  cursor: number;
  name: { value: string; cursor: number };
  problem?: string;
}

const para = (text: string, width: number, tone?: 'muted' | 'error'): StyledLine[] =>
  wrap(text, width).map((line) => [{ text: line, ...(tone ? { tone } : {}) }]);

/** Choose the tutorial (unless given) and the profile (unless fixed by flags), then open them. */
export function StartScreen(props: StartProps) {
  const { lang, width } = props;
  const tutorials = useMemo(() => props.tutorials(), [props.tutorials]);
  const [ui, live, setUi] = useLiveState<StartUi>(() => ({
    tutorialId: props.tutorialId,
    stage: props.tutorialId ? 'profile' : 'tutorial',
    cursor: 0,
    name: { value: '', cursor: 0 },
  }));
  const { tutorialId, stage, cursor, name, problem } = ui;
  const profiles = useMemo(
    () => (tutorialId && !props.profile ? props.profiles(tutorialId) : []),
    [tutorialId, props.profile, props.profiles],
  );
  const opening = props.state.phase === 'opening';
  const now = useTicker(opening, props.screenReader);
  const openedAt = useRef<number | undefined>(undefined);
  if (opening && openedAt.current === undefined) openedAt.current = now;

  const { onChoose, profile: fixedProfile } = props;
  useEffect(() => {
    if (tutorialId && fixedProfile && props.state.phase === 'start')
      onChoose({ tutorialId, profile: fixedProfile.name, sandbox: fixedProfile.sandbox });
  }, [tutorialId, fixedProfile, onChoose, props.state.phase]);

  const profileCount = useRef(0);
  const profilesRef = useRef(profiles);
  profilesRef.current = profiles;
  const profileItems: SelectItem[] = [
    ...profiles.map((p) => ({
      label: p.name,
      detail: [
        p.sandbox ? t(lang, 'wizard.profile.sandbox') : '',
        p.passed > 0
          ? t(lang, 'wizard.profile.progress', { passed: p.passed, total: p.total })
          : p.exists
            ? ''
            : t(lang, 'wizard.profile.fresh'),
      ]
        .filter(Boolean)
        .join(' · '),
    })),
    { label: t(lang, 'wizard.profile.new') },
  ];
  profileCount.current = profileItems.length;

  useKeys(
    (input, key) => {
      const { stage: at, cursor: pos, name: typed, tutorialId: chosenTutorial } = live.current;
      if (key.ctrl) {
        if (at === 'new-name' && input === 'u') setUi({ name: { value: '', cursor: 0 } });
        return;
      }
      if (at === 'new-name') {
        if (key.escape) setUi({ stage: 'profile', problem: undefined });
        else if (key.return) {
          const why = profileNameProblem(lang, typed.value);
          if (why) setUi({ problem: why });
          else if (chosenTutorial)
            onChoose({ tutorialId: chosenTutorial, profile: typed.value, sandbox: false });
        } else if (key.backspace || key.delete) setUi({ name: edit(typed, { type: 'backspace' }) });
        else if (key.leftArrow) setUi({ name: edit(typed, { type: 'left' }) });
        else if (key.rightArrow) setUi({ name: edit(typed, { type: 'right' }) });
        else if (input && !key.meta)
          setUi({ name: edit(typed, { type: 'insert', text: input }), problem: undefined });
        return;
      }
      if (input === 'q' || key.escape) {
        props.onQuit();
        return;
      }
      const count = at === 'tutorial' ? tutorials.length : profileCount.current;
      if (key.upArrow || key.downArrow || key.home || key.end) {
        setUi({ cursor: moveCursor(pos, count, key) });
        return;
      }
      if (!key.return) return;
      if (at === 'tutorial') {
        const chosen = tutorials[pos];
        if (!chosen) return;
        setUi({ tutorialId: chosen.id, cursor: 0, ...(fixedProfile ? {} : { stage: 'profile' as const }) });
        return;
      }
      const chosen = profilesRef.current[pos];
      if (chosen && chosenTutorial)
        onChoose({ tutorialId: chosenTutorial, profile: chosen.name, sandbox: chosen.sandbox });
      else setUi({ stage: 'new-name' });
    },
    { isActive: props.state.phase === 'start' },
  );

  const rows: StyledLine[] = [];
  const foot: StyledLine[] = [];
  let keys: [string, string][] = [
    ['↑↓', t(lang, 'wizard.key.choose')],
    ['Enter', t(lang, 'wizard.key.start')],
    ['q', t(lang, 'wizard.key.quit')],
  ];
  let list: SelectItem[] = [];
  if (opening || (tutorialId && fixedProfile)) {
    const text = props.state.startingSandbox ? t(lang, 'ui.sandboxStarting') : t(lang, 'wizard.opening');
    const since = now - (openedAt.current ?? now);
    const icon = props.screenReader ? '…' : spinnerFrame(since);
    rows.push(...para(`${icon} ${text}  ${elapsed(since)}`, width));
    keys = [['Ctrl-C', t(lang, 'wizard.key.quit')]];
  } else if (stage === 'tutorial') {
    rows.push([{ text: t(lang, 'wizard.pickTutorial'), bold: true }]);
    list = tutorials.map((c) => ({ label: c.id, detail: c.title }));
    const summary = tutorials[cursor]?.summary;
    if (summary)
      foot.push([], ...para(summary, width, 'muted').slice(0, Math.max(1, props.rows - 8 - list.length)));
  } else if (stage === 'profile') {
    rows.push(...para(t(lang, 'wizard.pickProfile'), width).map((l) => l.map((s) => ({ ...s, bold: true }))));
    list = profileItems;
  } else {
    rows.push([{ text: t(lang, 'wizard.profile.newPrompt'), bold: true }]);
    const chars = Array.from(name.value);
    rows.push([
      { text: '› ', bold: true, tone: 'accent' },
      { text: chars.slice(0, name.cursor).join('') },
      { text: chars[name.cursor] ?? ' ', inverse: true },
      { text: chars.slice(name.cursor + 1).join('') },
    ]);
    if (problem) rows.push(...para(problem, width, 'error'));
    keys = [
      ['Enter', t(lang, 'wizard.key.start')],
      ['Esc', t(lang, 'wizard.key.back')],
      ['Ctrl-C', t(lang, 'wizard.key.quit')],
    ];
  }
  const title = tutorials.find((c) => c.id === tutorialId)?.title;
  return (
    <Box flexDirection="column">
      <Header
        left={title ? t(lang, 'wizard.title', { title }) : t(lang, 'wizard.appTitle')}
        right=""
        width={width}
      />
      <Lines lines={[[], ...rows]} />
      {list.length > 0 && <SelectList items={list} cursor={cursor} width={width} />}
      <Lines lines={[...foot, []]} />
      <KeyBar keys={keys} width={width} />
    </Box>
  );
}
