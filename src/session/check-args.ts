import type { Tutorial } from '../engine/types.js';
import { type Lang, t } from '../i18n/index.js';
import { openTutorial, UnknownTutorialError } from './prepare.js';

/**
 * The tutorial the command line names, checked against the other flags before anything runs: an
 * unknown tutorial, `--set` key or `--step` gives the one line that says so, in the user's language.
 */
export function checkTutorialArgs(
  lang: Lang,
  tutorialId: string,
  set: Record<string, string>,
  step?: string,
): { tutorial: Tutorial; problem?: undefined } | { tutorial?: undefined; problem: string } {
  let tutorial: Tutorial;
  try {
    tutorial = openTutorial(tutorialId);
  } catch (error) {
    if (!(error instanceof UnknownTutorialError)) throw error;
    return {
      problem: t(lang, 'ui.unknownTutorial', { tutorial: error.tutorial, known: error.known.join(', ') }),
    };
  }
  const known = Object.keys(tutorial.params);
  const unknownKey = Object.keys(set).find((key) => !(key in tutorial.params));
  if (unknownKey) {
    return {
      problem: t(lang, 'ui.unknownParam', {
        key: unknownKey,
        tutorial: tutorial.id,
        known: known.join(', '),
      }),
    };
  }
  if (step && !tutorial.steps.some((s) => s.id === step)) {
    const steps = tutorial.steps.map((s) => s.id).join(', ');
    return { problem: t(lang, 'ui.unknownStep', { tutorial: tutorial.id, step, known: steps }) };
  }
  return { tutorial };
}
