import { catalog } from './catalog.js';
import type { Lang, Localized } from './lang.js';

export type MessageKey = keyof typeof catalog;
export type MessageValues = Record<string, string | number | boolean | undefined>;

/** A user-facing message not yet put into words: a catalog key and the values for its slots. */
export interface Message {
  key: MessageKey;
  values?: MessageValues;
  /** Text written in a tutorial's own files rather than in the catalog (e.g. a parameter rule). */
  text?: Localized;
}

export function msg(key: MessageKey, values?: MessageValues): Message {
  return values ? { key, values } : { key };
}

/** Fills `{name}` slots. Unknown slots stay visible so that a missing value is noticed in review. */
export function fill(template: string, values: MessageValues = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}

export function t(lang: Lang, key: MessageKey, values?: MessageValues): string {
  const entry: Localized = catalog[key];
  return fill(entry[lang], values);
}

export function render(lang: Lang, message: Message): string {
  return message.text ? fill(message.text[lang], message.values) : t(lang, message.key, message.values);
}

export function pick(lang: Lang, text: Localized): string {
  return text[lang];
}

export { detectLang, isLang, LANGS, type Lang, type Localized } from './lang.js';
