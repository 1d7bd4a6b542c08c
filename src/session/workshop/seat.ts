import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ProfileStore } from '../../profile/store.js';
import { writeFileAtomic } from '../../util/files.js';

/** What this machine remembers of a learner's seat in a room, so that joining again is not someone new. */
export interface SavedSeat {
  claim: string;
  group: string;
}

function seatFile(store: ProfileStore, room: string, slug: string): string {
  return path.join(store.root, 'rooms', room, `${slug}.json`);
}

export function readSeat(store: ProfileStore, room: string, slug: string): SavedSeat | undefined {
  try {
    const raw = JSON.parse(readFileSync(seatFile(store, room, slug), 'utf8')) as Partial<SavedSeat>;
    return typeof raw.claim === 'string' && typeof raw.group === 'string'
      ? { claim: raw.claim, group: raw.group }
      : undefined;
  } catch {
    return undefined;
  }
}

export function saveSeat(store: ProfileStore, room: string, slug: string, seat: SavedSeat): void {
  writeFileAtomic(seatFile(store, room, slug), `${JSON.stringify(seat)}\n`, 0o600);
}
