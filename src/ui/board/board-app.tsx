import { useIsScreenReaderEnabled } from 'ink';
import { useSyncExternalStore } from 'react';
import type { Lang } from '../../i18n/index.js';
import { boardView } from '../../workshop/view.js';
import { layoutRows, layoutWidth, type Size, useTerminalSize } from '../ink/hooks/use-terminal-size.js';
import { BoardScreen } from './board-screen.js';
import type { LiveBoard } from './live-board.js';
import { useClock } from './use-clock.js';

export interface BoardAppProps {
  live: LiveBoard;
  lang: Lang;
  onQuit: () => void;
  /** Fixed terminal size (tests); else the real one, following resizes. */
  size?: Size;
  /** Words instead of icons; by default when Ink runs for a screen reader. */
  words?: boolean;
  now?: () => number;
}

/** The board screen bound to the live board: a new event re-renders it, a running step's clock ticks. */
export function BoardApp(props: BoardAppProps) {
  const { board, failure } = useSyncExternalStore(props.live.subscribe, props.live.getSnapshot);
  const size = useTerminalSize(props.size);
  const screenReader = useIsScreenReaderEnabled();
  const words = props.words ?? screenReader;
  const view = boardView(board, { now: (props.now ?? Date.now)(), lang: props.lang });
  // A screen reader would read the board out again at every tick: it moves every 5 s instead.
  useClock(view.ticking, words ? 5000 : 1000);
  return (
    <BoardScreen
      view={view}
      lang={props.lang}
      width={layoutWidth(size)}
      rows={layoutRows(size)}
      words={words}
      {...(failure ? { failure } : {})}
      onQuit={props.onQuit}
    />
  );
}
