import { browser } from 'wxt/browser';

/** One entry of a Chrome-style messages.json. */
export interface MessageEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

/**
 * `browser.i18n.getMessage(key)`, or `fallback` (an English catalogue entry) formatted the same way
 * when the browser has no text for it: unit tests (the fake browser has no i18n) and a key missing
 * from a translation.
 */
export function getMessageOr(key: string, fallback: MessageEntry, substitutions: readonly (string | number)[]): string {
  const subs = substitutions.map(String);
  let text = '';
  try {
    // WXT types getMessage from the manifest's default_locale; callers check keys against the catalogue.
    text = (browser.i18n.getMessage as (name: string, subs?: string[]) => string)(key, subs);
  } catch {
    // No i18n API here (tests): use the English text.
  }
  return text || format(fallback, subs);
}

/** Chrome's substitution rules, enough for this catalogue: $NAME$ -> placeholder content -> $1. */
export function format(entry: MessageEntry, subs: readonly string[]): string {
  const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content;
    return content ?? whole;
  });
  return named.replace(/\$(\d|\$)/g, (_, d: string) => (d === '$' ? '$' : (subs[Number(d) - 1] ?? '')));
}
