import { Text } from 'ink';
import { useSyncExternalStore } from 'react';
import type { Lang } from '../../../i18n/index.js';
import type { WizardStore } from '../../interactive/wizard.js';
import { StepScreen } from '../screens/step-screen.js';

/** The step screen bound to a store, as the app renders it (re-mounted per step). */
export function StepHarness(props: {
  store: WizardStore;
  lang?: Lang;
  width?: number;
  rows?: number;
  screenReader?: boolean;
}) {
  const state = useSyncExternalStore(props.store.subscribe, props.store.getSnapshot);
  if (state.phase !== 'step' && state.phase !== 'stopping') return <Text>phase: {state.phase}</Text>;
  return (
    <StepScreen
      key={state.index}
      lang={props.lang ?? 'en'}
      store={props.store}
      state={state}
      width={props.width ?? 79}
      rows={props.rows ?? 23}
      screenReader={props.screenReader ?? false}
    />
  );
}
