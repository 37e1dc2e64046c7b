/** A typed wrapper over `browser.i18n.getMessage`: every UI string has a key in `_locales/en/messages.json`. */
import { browser } from 'wxt/browser';
import type messages from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof messages;

/** The message for `key`, with `substitutions` filling its placeholders in order. */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const text = browser.i18n.getMessage(key, substitutions.map(String));
  // An empty string means the key is missing from the active locale: show the key so it gets noticed.
  return text === '' ? key : text;
}
