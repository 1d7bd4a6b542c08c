import { Box } from 'ink';
import type { RunSummary } from '../../../engine/types.js';
import { STATUS_ICON, seconds } from '../../../format/status.js';
import { type Lang, t } from '../../../i18n/index.js';
import type { WalkController } from '../../interactive/controller.js';
import { availableTutorialsExcept } from '../../interactive/next-steps.js';
import { shownResult } from '../../interactive/setup.js';
import { Header } from '../components/header.js';
import { KeyBar } from '../components/key-bar.js';
import { Lines } from '../components/lines.js';
import { useKeys } from '../hooks/use-keys.js';
import { padEnd, type StyledLine, type Tone, truncate, widthOf, wrap } from '../text/width.js';

export interface SummaryProps {
  lang: Lang;
  controller: WalkController;
  summary: RunSummary;
  profile: string;
  width: number;
  onClose: () => void;
  /** The walk is over: the summary stays on screen without keys. */
  closed?: boolean;
}

const TONE: Record<string, Tone> = { passed: 'ok', warned: 'warn', failed: 'error', skipped: 'muted' };

/** Rows of the summary: each step's result and time, the totals, what to do next. */
export function summaryLines(props: Omit<SummaryProps, 'onClose' | 'closed'>): StyledLine[] {
  const { lang, controller, summary, width } = props;
  const tutorial = controller.tutorial;
  const rows: StyledLine[] = [
    [{ text: t(lang, 'wizard.summary.heading', { title: tutorial.title[lang] }), bold: true }],
    [],
  ];
  const shown = tutorial.steps.map((step) => ({ step, shown: shownResult(controller, step.id) }));
  const words = shown.map(({ shown: s }) => {
    if (!s) return t(lang, 'wizard.short.notRun');
    if (s.result.status === 'skipped' && s.result.skipReason === 'condition')
      return t(lang, 'wizard.short.notNeeded');
    return (
      t(lang, `wizard.short.${s.result.status}`) + (s.earlier ? ` ${t(lang, 'wizard.summary.earlier')}` : '')
    );
  });
  const times = shown.map(({ shown: s }) =>
    s && s.result.status !== 'skipped' ? seconds(s.result.durationMs) : '',
  );
  const wordW = Math.max(...words.map(widthOf));
  const timeW = Math.max(...times.map(widthOf));
  const titleW = Math.max(8, width - 2 - 2 - wordW - 2 - timeW);
  shown.forEach(({ step, shown: s }, i) => {
    const status = s?.result.status;
    rows.push([
      {
        text: `${status ? STATUS_ICON[status] : '○'} `,
        ...(status ? { tone: TONE[status] } : { tone: 'muted' as const }),
      },
      { text: padEnd(`${i + 1}. ${step.title[lang]}`, titleW) },
      { text: '  ' },
      {
        text: padEnd(words[i] ?? '', wordW),
        ...(status ? { tone: TONE[status] } : { tone: 'muted' as const }),
      },
      { text: `  ${(times[i] ?? '').padStart(timeW)}`, tone: 'muted' },
    ]);
  });
  rows.push([]);
  rows.push(
    ...wrap(
      t(lang, 'ui.transcript.summary', {
        passed: summary.passed,
        failed: summary.failed,
        skipped: summary.skipped,
        warned: summary.warned,
        time: seconds(summary.durationMs),
      }),
      width,
    ).map((l): StyledLine => [{ text: l }]),
  );
  const all = shown.every(
    ({ shown: s }) =>
      s &&
      (s.result.status === 'passed' || s.result.status === 'warned' || s.result.skipReason === 'condition'),
  );
  rows.push(
    ...wrap(t(lang, all ? 'wizard.summary.allPassed' : 'wizard.summary.notAllPassed'), width).map(
      (l): StyledLine => [{ text: l, bold: true, tone: all ? 'ok' : 'warn' }],
    ),
  );
  rows.push([]);
  rows.push([{ text: t(lang, 'wizard.summary.next'), bold: true }]);
  for (const set of controller.generated)
    rows.push(
      ...wrap(t(lang, 'wizard.summary.codeWritten', { dir: set.dir }), width - 2, '  ').map(
        (l): StyledLine => [{ text: l, tone: 'ok' }],
      ),
    );
  const profileFlag = props.profile === 'default' ? '' : ` --profile ${props.profile}`;
  const failed = shown.find(({ shown: s }) => s?.result.status === 'failed' && !s.earlier);
  const next: [string, string][] = [];
  if (failed)
    next.push([
      `mq-tutor run ${tutorial.id}${profileFlag} --step ${failed.step.id}`,
      t(lang, 'wizard.summary.nextRetry'),
    ]);
  next.push([`mq-tutor code ${tutorial.id} --lang python`, t(lang, 'wizard.summary.nextCode')]);
  next.push([`mq-tutor report${profileFlag}`, t(lang, 'wizard.summary.nextReport')]);
  for (const other of availableTutorialsExcept(tutorial.id))
    next.push([`mq-tutor run ${other}`, t(lang, 'wizard.summary.nextOther')]);
  const cmdW = Math.max(...next.map(([c]) => widthOf(c)));
  for (const [command, what] of next) {
    if (2 + cmdW + 2 + widthOf(what) <= width)
      rows.push([
        { text: `  ${padEnd(command, cmdW)}  `, tone: 'accent' },
        { text: what, tone: 'muted' },
      ]);
    else {
      rows.push([{ text: `  ${truncate(command, width - 2)}`, tone: 'accent' }]);
      rows.push(...wrap(what, width - 4, '    ').map((l): StyledLine => [{ text: l, tone: 'muted' }]));
    }
  }
  return rows;
}

/** The end of the walk: every step's result and timing, and what to do next. */
export function SummaryScreen(props: SummaryProps) {
  const { lang, width } = props;
  useKeys(
    (input, key) => {
      if (key.ctrl) return;
      if (key.return || input === 'q' || key.escape) props.onClose();
    },
    { isActive: !props.closed },
  );
  return (
    <Box flexDirection="column">
      <Header
        left={t(lang, 'wizard.title', { title: props.controller.tutorial.id })}
        right={t(lang, 'wizard.profileLabel', { profile: props.profile })}
        width={width}
      />
      <Lines lines={[[], ...summaryLines(props), []]} />
      {!props.closed && <KeyBar keys={[['Enter/q', t(lang, 'wizard.key.exit')]]} width={width} />}
    </Box>
  );
}
