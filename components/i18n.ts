import en from '../public/_locales/en/messages.json';
import { getMessageOr, type MessageEntry } from './i18n-core';

export { format } from './i18n-core';

/** Every message name in the English catalogue, so a typo in a key fails type-checking. */
export type MessageKey = keyof typeof en;

/** The UI string `key` in the browser's language, with `$1`-style substitutions; English when the browser has none. */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  return getMessageOr(key, en[key] as MessageEntry, substitutions);
}
