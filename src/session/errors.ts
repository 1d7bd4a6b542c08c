import { type Lang, type MessageKey, type MessageValues, t } from '../i18n/index.js';

/** What can stop a session before its first step; each is a usage problem (exit 2). */
export type SessionErrorCode =
  | 'NO_TUTORIAL'
  | 'UNKNOWN_TUTORIAL'
  | 'TUTORIAL_INVALID'
  | 'UNKNOWN_PARAM'
  | 'UNKNOWN_STEP'
  | 'BAD_SET'
  | 'PROFILE_NAME'
  | 'PROFILE_BUSY'
  | 'CONFIG_DIR_UNUSABLE'
  | 'SANDBOX_UNAVAILABLE'
  | 'ROOM_FILE'
  | 'ROOM_PARAMS'
  | 'LEARNER_NAME'
  | 'NAME_TAKEN'
  | 'ROOM_FULL'
  | 'ROOM_CHANNEL'
  | 'ROOM_SECRET';

/**
 * A usage problem found while opening a session, with the message that says it (a catalogue key
 * and its values), so that each front end can show it its own way: a line on stderr, a JSON line,
 * a screen.
 */
export class SessionError extends Error {
  constructor(
    readonly code: SessionErrorCode,
    readonly key: MessageKey,
    readonly values: MessageValues = {},
    /** A sentence already in words (e.g. a sandbox failure with its log tail). */
    readonly text?: string,
    /** Slots filled with a message of their own, in the same language (e.g. why a folder is unusable). */
    readonly nested: Record<string, [MessageKey, MessageValues]> = {},
  ) {
    super(`${code}: ${text ?? key}`);
    this.name = 'SessionError';
  }

  render(lang: Lang): string {
    if (this.text !== undefined) return this.text;
    const inner = Object.fromEntries(
      Object.entries(this.nested).map(([slot, [key, values]]) => [slot, t(lang, key, values)]),
    );
    return t(lang, this.key, { ...this.values, ...inner });
  }

  /** The `{"type":"error",...}` line of `--json`. */
  toJson(lang: Lang): Record<string, unknown> {
    return { type: 'error', code: this.code, message: this.render(lang), ...this.values };
  }
}
