import { Box } from 'ink';
import { seconds } from '../../../format/status.js';
import { type Lang, t } from '../../../i18n/index.js';
import type { WalkController } from '../../interactive/controller.js';
import { railItems } from '../../interactive/status.js';
import { Header } from '../components/header.js';
import { KeyBar } from '../components/key-bar.js';
import { Lines } from '../components/lines.js';
import { RAIL_ICON } from '../components/progress-rail.js';
import { moveCursor, type SelectItem, SelectList } from '../components/select-list.js';
import { useKeys } from '../hooks/use-keys.js';
import { useLiveState } from '../hooks/use-live-state.js';
import { type StyledLine, wrap } from '../text/width.js';

export interface OverviewProps {
  lang: Lang;
  controller: WalkController;
  profile: string;
  startAt: number;
  resumed: boolean;
  notices: readonly string[];
  width: number;
  rows: number;
  onBegin: (index: number) => void;
  onQuit: () => void;
}

const TONES = {
  passed: 'ok',
  warned: 'warn',
  failed: 'error',
  running: 'accent',
  pending: 'muted',
  skipped: 'muted',
  na: 'muted',
} as const;

/** The steps ahead: which are done from an earlier run, where a cut-off run resumes; pick the start. */
export function OverviewScreen(props: OverviewProps) {
  const { lang, controller, width } = props;
  const tutorial = controller.tutorial;
  const [{ cursor }, live, setUi] = useLiveState(() => ({ cursor: props.startAt }));

  useKeys((input, key) => {
    if (key.ctrl) return;
    if (input === 'q' || key.escape) props.onQuit();
    else if (key.return) props.onBegin(live.current.cursor);
    else setUi({ cursor: moveCursor(live.current.cursor, tutorial.steps.length, key) });
  });

  const rail = railItems(controller, undefined, undefined);
  const items: SelectItem[] = tutorial.steps.map((step, i) => {
    const item = rail[i];
    const state = item?.state ?? 'pending';
    const result = controller.resultFor(step.id);
    let detail = t(lang, 'wizard.state.ahead');
    if (state === 'na') detail = t(lang, 'wizard.short.notNeeded');
    else if (result) {
      const word = t(lang, `wizard.short.${result.status}`);
      detail = `${t(lang, 'wizard.state.earlier', { status: word })}${result.status === 'skipped' ? '' : ` (${seconds(result.durationMs)})`}`;
    }
    // Where a cut-off run resumes (the icon still shows how it ended).
    if (props.resumed && i === props.startAt) detail = t(lang, 'wizard.state.resumeHere');
    return {
      label: `${i + 1}. ${step.title[lang]}`,
      detail,
      icon: { text: RAIL_ICON[state], tone: TONES[state] },
    };
  });

  const rows: StyledLine[] = [[{ text: tutorial.title[lang], bold: true }]];
  const summary = wrap(tutorial.summary[lang], width);
  const room = props.rows - 10 - items.length - props.notices.length;
  rows.push(
    ...summary.slice(0, Math.max(1, Math.min(4, room))).map((l) => [{ text: l, tone: 'muted' as const }]),
  );
  for (const notice of props.notices)
    rows.push(...wrap(notice, width).map((l) => [{ text: l, tone: 'warn' as const }]));
  rows.push([]);
  rows.push([{ text: t(lang, 'wizard.overview.heading'), bold: true }]);
  const foot: StyledLine[] = [];
  const resumeStep = tutorial.steps[props.startAt];
  if (props.resumed && resumeStep)
    foot.push(
      ...wrap(t(lang, 'wizard.overview.resume', { step: resumeStep.title[lang] }), width).map((l) => [
        { text: l, tone: 'accent' as const },
      ]),
    );
  foot.push(
    ...wrap(t(lang, 'wizard.overview.startAt'), width).map((l) => [{ text: l, tone: 'muted' as const }]),
  );

  return (
    <Box flexDirection="column">
      <Header
        left={t(lang, 'wizard.title', { title: tutorial.id })}
        right={t(lang, 'wizard.profileLabel', { profile: props.profile })}
        width={width}
      />
      <Lines lines={[[], ...rows]} />
      <SelectList items={items} cursor={cursor} width={width} />
      <Lines lines={[[], ...foot, []]} />
      <KeyBar
        keys={[
          ['↑↓', t(lang, 'wizard.key.choose')],
          ['Enter', t(lang, 'wizard.key.start')],
          ['q', t(lang, 'wizard.key.quit')],
        ]}
        width={width}
      />
    </Box>
  );
}
