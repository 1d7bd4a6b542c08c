import { tutorialIds } from '../../session/tutorials.js';

/** The other tutorials, to suggest after this one. */
export function availableTutorialsExcept(id: string): string[] {
  try {
    return tutorialIds().filter((other) => other !== id);
  } catch {
    return [];
  }
}
