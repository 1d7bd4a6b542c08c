import { availableTutorials } from '../../session/prepare.js';

/** The other tutorials, to suggest after this one. */
export function availableTutorialsExcept(id: string): string[] {
  try {
    return availableTutorials().filter((other) => other !== id);
  } catch {
    return [];
  }
}
