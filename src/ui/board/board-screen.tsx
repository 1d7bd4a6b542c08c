import { Box } from 'ink';
import { type Lang, t } from '../../i18n/index.js';
import type { BoardView } from '../../workshop/view.js';
import { KeyBar, type KeyHint, keyBarLines } from '../ink/components/key-bar.js';
import { Lines } from '../ink/components/lines.js';
import { viewport } from '../ink/components/scroll-view.js';
import { useKeys } from '../ink/hooks/use-keys.js';
import { useLiveState } from '../ink/hooks/use-live-state.js';
import { boardHeaderLines, legendLines } from './board-header.js';
import { tableLines } from './board-table.js';

export interface BoardScreenProps {
  view: BoardView;
  lang: Lang;
  /** Cells and rows the screen may use (already one short of the terminal's). */
  width: number;
  rows: number;
  /** Words instead of icons (screen readers). */
  words: boolean;
  failure?: string;
  onQuit: () => void;
}

/**
 * The instructor's board in the terminal: the room and its count line, what the step numbers
 * stand for, the column titles, then the learners (scrolling), and the keys. Never taller than
 * `rows`: the learners get what the rest leaves.
 */
export function BoardScreen(props: BoardScreenProps) {
  const { view, lang, width, words } = props;
  const [{ offset }, live, setUi] = useLiveState(() => ({ offset: 0 }));

  const keys: KeyHint[] = [
    ['↑↓', t(lang, 'workshop.key.scroll')],
    ['PgUp/PgDn', t(lang, 'workshop.key.page')],
    ['q', t(lang, 'wizard.key.quit')],
  ];
  const top = [
    ...boardHeaderLines(view, width, lang, props.failure),
    ...(words ? [] : legendLines(view, width)),
  ];
  const { head, body } = tableLines(view, width, lang, words);
  const bottom = keyBarLines(keys, width);
  const height = Math.max(3, props.rows - top.length - head.length - bottom.length);
  const shown = viewport(body, offset, height, lang);
  const page = Math.max(1, height - 1);

  useKeys((input, key) => {
    const scrollTo = (to: number) => setUi({ offset: Math.min(Math.max(0, to), shown.maxOffset) });
    const at = Math.min(live.current.offset, shown.maxOffset);
    if (input === 'q' || (key.ctrl && input === 'c')) props.onQuit();
    else if (key.upArrow) scrollTo(at - 1);
    else if (key.downArrow) scrollTo(at + 1);
    else if (key.pageUp) scrollTo(at - page);
    else if (key.pageDown) scrollTo(at + page);
    else if (key.home) scrollTo(0);
    else if (key.end) scrollTo(shown.maxOffset);
  });

  return (
    <Box flexDirection="column">
      <Lines lines={[...top, ...head, ...shown.lines]} />
      <KeyBar keys={keys} width={width} />
    </Box>
  );
}
