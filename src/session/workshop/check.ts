import { randomBytes } from 'node:crypto';
import type { ProgressChannel } from '../../actions/progress/channel.js';
import { missingGroups } from '../../actions/progress/rocketmq.js';
import { type Lang, t } from '../../i18n/index.js';
import { fullName, normalize } from '../../naming/tdmq.js';
import { parseAddressList } from '../../util/addresses.js';
import type { OpenedRoom } from './board-feed.js';

export interface RoomCheck {
  ok: boolean;
  lines: string[];
}

const BACK_WITHIN_MS = 10_000;

/**
 * Whether the message with this token is read back from the room. Followed rather than read once: a
 * broker may acknowledge a message a moment before a reader can see it (RocketMQ indexes it after
 * the write), as `join` waits for its claim.
 */
async function comesBack(channel: ProgressChannel, token: string, signal: AbortSignal): Promise<boolean> {
  const reading = new AbortController();
  const stop = () => reading.abort();
  signal.addEventListener('abort', stop, { once: true });
  const timer = setTimeout(stop, BACK_WITHIN_MS);
  try {
    for await (const message of channel.follow(reading.signal))
      if ((message as { token?: string } | null)?.token === token) return true;
    signal.throwIfAborted();
    return false;
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', stop);
    reading.abort();
  }
}

/**
 * `workshop init --check`: what the learners will need of a cloud instance, tried for real with the
 * credentials at hand: a message written to the progress topic and read back (write, read and the
 * read group's rights), and for a RocketMQ room every group of the pool.
 */
export async function checkRoom(opened: OpenedRoom, lang: Lang, signal: AbortSignal): Promise<RoomCheck> {
  const { room, channel } = opened;
  const lines: string[] = [];
  let ok = true;
  const item = (text: string, failure?: string) => {
    if (failure !== undefined) ok = false;
    lines.push(
      failure === undefined
        ? t(lang, 'room.check.ok', { item: text })
        : t(lang, 'room.check.failed', { item: text, reason: failure }),
    );
  };
  const token = randomBytes(6).toString('hex');
  const write = t(lang, 'room.check.write', { topic: room.progress.topic });
  try {
    await channel.publish(
      { v: 1, kind: 'check', room: room.id, token, at: new Date().toISOString() },
      signal,
    );
    const seen = await comesBack(channel, token, signal);
    item(write, seen ? undefined : t(lang, 'room.check.notBack'));
  } catch (error) {
    if (signal.aborted) throw error;
    item(write, opened.words(error));
  }
  if (room.groups.kind === 'pool') {
    const nameServers = parseAddressList(room.progress.nameServer ?? '');
    // As the broker knows them: a short name with the namespace apart becomes the full name.
    const onBroker = (g: string) => {
      const n = normalize(opened.values.namespace ?? '', g);
      return fullName(n.namespace, n.name);
    };
    const groups = [...room.groups.names.map(onBroker), room.progress.readGroup ?? ''];
    try {
      const missing = new Set(
        await missingGroups(
          {
            nameServers: nameServers.ok ? nameServers.addresses : [],
            credentials: {
              accessKey: opened.values.accessKey ?? '',
              secretKey: opened.values.secretKey ?? '',
            },
            topic: room.progress.topic,
          },
          groups,
          signal,
        ),
      );
      for (const group of groups)
        item(
          t(lang, 'room.check.group', { group }),
          missing.has(group) ? t(lang, 'room.check.missingGroup') : undefined,
        );
    } catch (error) {
      if (signal.aborted) throw error;
      item(t(lang, 'room.check.group', { group: groups[0] ?? '' }), opened.words(error));
    }
  }
  lines.push(t(lang, ok ? 'room.check.allOk' : 'room.check.someFailed'));
  return { ok, lines };
}
