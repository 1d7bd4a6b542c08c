import type { DiagnosisCode } from '../../diagnosis/catalog.js';
import { diagnose } from '../../diagnosis/diagnose.js';
import { localizeDiagnosis } from '../../diagnosis/localize.js';
import type { Lang } from '../../i18n/index.js';
import { redact } from '../../util/secrets.js';
import type { RoomFile } from '../../workshop/room-file.js';

export interface ChannelFailure {
  /** The diagnosis the tutorial would give for the same error on the progress topic. */
  diagnosis: DiagnosisCode;
  /** Its title and first fix, in one sentence. Never the client's raw words. */
  reason: string;
  /** The client's own words, secrets masked: for `--json` and bug reports. */
  cause: string;
}

/** A failure of the room's progress channel, diagnosed. `secrets` are the values to mask in the cause. */
export function channelFailure(
  error: unknown,
  room: RoomFile,
  lang: Lang,
  secrets: Iterable<string | undefined> = [],
): ChannelFailure {
  const values = {
    ...room.params,
    topic: room.progress.topic,
    group: room.progress.readGroup ?? '',
    endpoints: room.progress.nameServer ?? room.params.endpoints ?? '',
  };
  const coded = diagnose(error, {
    action: room.broker === 'kafka' ? 'kafka.produce' : 'rocketmq.produce',
    values,
    timedOut: false,
    timeoutSeconds: 10,
  });
  const d = localizeDiagnosis(coded, lang);
  // Said inside another sentence: no full stop of its own at the end.
  const reason = [d.title, d.fixes[0]]
    .filter(Boolean)
    .join(lang === 'zh' ? '。' : '. ')
    .replace(/[.。]$/, '');
  return { diagnosis: coded.code, reason, cause: redact(coded.cause ?? '', secrets) };
}

/** The sentence of channelFailure alone. */
export function channelFailureText(error: unknown, room: RoomFile, lang: Lang): string {
  return channelFailure(error, room, lang).reason;
}
