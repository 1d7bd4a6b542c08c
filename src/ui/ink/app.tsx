import { Box, useIsScreenReaderEnabled } from 'ink';
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type { Lang } from '../../i18n/index.js';
import type { ProfileChoice, TutorialChoice } from '../interactive/setup.js';
import type { WizardState, WizardStore } from '../interactive/wizard.js';
import { Lines } from './components/lines.js';
import { Transcript } from './components/transcript.js';
import { useKeys } from './hooks/use-keys.js';
import { layoutRows, layoutWidth, type Size, useTerminalSize } from './hooks/use-terminal-size.js';
import { OverviewScreen } from './screens/overview-screen.js';
import { StartScreen } from './screens/start-screen.js';
import { StepScreen } from './screens/step-screen.js';
import { SummaryScreen } from './screens/summary-screen.js';

export interface AppProps {
  store: WizardStore;
  lang: Lang;
  tutorials: () => TutorialChoice[];
  profiles: (tutorialId: string) => ProfileChoice[];
  tutorialId?: string;
  profile?: { name: string; sandbox: boolean };
  /** Fixed terminal size (tests); else the real one, following resizes. */
  size?: Size;
  /** Called once when the walk is over (the store's phase is `exit`). */
  onExit?: (state: WizardState) => void;
  now?: () => number;
}

/**
 * The wizard: finished steps above in <Static>, the current screen below. Ctrl-C is handled here
 * (Ink's own exitOnCtrlC is off) so that a running step is stopped cleanly before leaving.
 */
export function App(props: AppProps) {
  const { store, lang, onExit } = props;
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const size = useTerminalSize(props.size);
  const screenReader = useIsScreenReaderEnabled();
  const width = layoutWidth(size);
  const rows = layoutRows(size);

  useKeys((input, key) => {
    if (key.ctrl && input === 'c') void store.quit();
  });

  useEffect(() => {
    if (state.phase === 'exit') onExit?.(state);
  }, [state, onExit]);

  const choose = useCallback(
    (choice: { tutorialId: string; profile: string; sandbox: boolean }) => void store.choose(choice),
    [store],
  );
  const quit = useCallback(() => void store.quit(), [store]);
  const controller = state.walk;

  let screen: React.ReactNode = null;
  if (state.phase === 'start' || state.phase === 'opening' || (state.phase === 'stopping' && !controller)) {
    screen = (
      <StartScreen
        lang={lang}
        state={state}
        width={width}
        rows={rows}
        screenReader={screenReader}
        tutorials={props.tutorials}
        profiles={props.profiles}
        tutorialId={props.tutorialId}
        profile={props.profile}
        onChoose={choose}
        onQuit={quit}
      />
    );
  } else if (state.phase === 'overview' && controller && state.walk) {
    screen = (
      <OverviewScreen
        lang={lang}
        controller={controller}
        profile={state.profile ?? ''}
        startAt={state.walk.startAt}
        resumed={state.walk.resumed}
        notices={state.notices}
        width={width}
        rows={rows}
        onBegin={(index) => void store.begin(index)}
        onQuit={quit}
      />
    );
  } else if ((state.phase === 'step' || state.phase === 'stopping') && controller) {
    const step = controller.tutorial.steps[state.index];
    screen = (
      <StepScreen
        key={step?.id}
        lang={lang}
        store={store}
        state={state}
        width={width}
        rows={rows}
        screenReader={screenReader}
        now={props.now}
      />
    );
  } else if ((state.phase === 'summary' || state.phase === 'exit') && controller && state.summary) {
    screen = (
      <SummaryScreen
        lang={lang}
        controller={controller}
        summary={state.summary}
        profile={state.profile ?? ''}
        width={width}
        onClose={() => store.close()}
        closed={state.phase === 'exit'}
      />
    );
  } else if (state.phase === 'exit') {
    screen = <Lines lines={[]} />;
  }

  return (
    <Box flexDirection="column">
      <Transcript tutorial={controller?.tutorial} lang={lang} attempts={state.transcript} width={width} />
      {screen}
    </Box>
  );
}
