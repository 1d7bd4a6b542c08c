import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../../util/files.js';
import { parseRoomFile, type RoomFile, RoomFileError } from '../../workshop/room-file.js';
import { SessionError } from '../errors.js';
import { tutorialIds } from '../tutorials.js';

/** The room file at `file`, checked; a file that cannot be read or is not a room is a SessionError. */
export function readRoom(file: string): RoomFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new SessionError('ROOM_FILE', 'room.file.unreadable', {
      file,
      reason: (error as NodeJS.ErrnoException).code ?? String(error),
    });
  }
  let room: RoomFile;
  try {
    room = parseRoomFile(text);
  } catch (error) {
    if (!(error instanceof RoomFileError)) throw error;
    throw new SessionError('ROOM_FILE', 'room.file.invalid', { file, problem: error.problem });
  }
  if (!tutorialIds().includes(room.tutorial))
    throw new SessionError('ROOM_FILE', 'room.file.unknownTutorial', {
      tutorial: room.tutorial,
      known: tutorialIds().join(', '),
    });
  return room;
}

/** Written whole or not at all; private (0600) when it holds secrets. */
export function writeRoom(file: string, room: RoomFile): void {
  writeFileAtomic(file, `${JSON.stringify(room, null, 2)}\n`, room.secretsIncluded ? 0o600 : 0o644);
}
