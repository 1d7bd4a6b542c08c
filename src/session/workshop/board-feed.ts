import type { ProgressChannel } from '../../actions/progress/channel.js';
import { envVarName } from '../../engine/params.js';
import { secretParamIds } from '../../engine/secrets.js';
import type { Lang } from '../../i18n/index.js';
import { type ProgressEvent, parseProgressEvent } from '../../workshop/progress.js';
import type { RoomFile } from '../../workshop/room-file.js';
import { SessionError } from '../errors.js';
import { openTutorial } from '../tutorials.js';
import { channelFailureText } from './channel-words.js';
import { roomChannel, roomSecrets } from './room-channel.js';
import { readRoom } from './room-io.js';

export interface OpenedRoom {
  room: RoomFile;
  /** The room's parameters with the secrets filled in. */
  values: Record<string, string>;
  channel: ProgressChannel;
  /** A channel failure in words. */
  words(error: unknown): string;
}

/** The room of a file, with a channel on the credentials the instructor has here (room, sandbox, env). */
export function openRoom(file: string, env: NodeJS.ProcessEnv, lang: Lang): OpenedRoom {
  const room = readRoom(file);
  const tutorial = openTutorial(room.tutorial, env);
  const secrets = roomSecrets(room, tutorial, env);
  const missing = secretParamIds(tutorial).find((id) => !secrets[id]);
  if (missing)
    throw new SessionError('ROOM_SECRET', 'room.needSecret', {
      param: missing,
      env: envVarName(missing),
      file,
      name: '…',
    });
  const values = { ...room.params, ...secrets };
  return {
    room,
    values,
    channel: roomChannel(room, values),
    words: (error) => channelFailureText(error, room, lang),
  };
}

const progressOnly = (messages: unknown[]): ProgressEvent[] =>
  messages.map(parseProgressEvent).filter((e): e is ProgressEvent => e !== undefined);

/** The room's history, as the board reads it; a channel failure is a SessionError in words. */
export async function roomHistory(opened: OpenedRoom, signal: AbortSignal): Promise<ProgressEvent[]> {
  try {
    return progressOnly(await opened.channel.history(signal));
  } catch (error) {
    if (signal.aborted) throw error;
    throw new SessionError('ROOM_CHANNEL', 'room.channelFailed', {
      topic: opened.room.progress.topic,
      reason: opened.words(error),
    });
  }
}

/** History then live events, for the live boards; a failure ends the stream with words the board shows. */
export async function* roomFeed(opened: OpenedRoom, signal: AbortSignal): AsyncGenerator<ProgressEvent> {
  try {
    for await (const message of opened.channel.follow(signal)) {
      const event = parseProgressEvent(message);
      if (event) yield event;
    }
  } catch (error) {
    if (signal.aborted) return;
    throw new Error(opened.words(error));
  }
}
