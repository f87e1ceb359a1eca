import { storage } from 'wxt/utils/storage';
import {
  DEFAULTS,
  parseEnabled,
  parseMarkStyle,
  parseOccurrences,
  parseShowPictures,
  parseSites,
  parseTooltipDelay,
  type Settings,
} from './parse';

// Sync storage: settings follow the user between browsers signed in to the same account.

/** Global on/off switch. */
export const enabledItem = storage.defineItem<boolean>('sync:enabled', { fallback: DEFAULTS.enabled, version: 1 });
/** Hostnames where the extension never runs (subdomains included). */
export const disabledSitesItem = storage.defineItem<string[]>('sync:disabledSites', {
  fallback: DEFAULTS.disabledSites,
  version: 1,
});
/** How marks look: dotted underline, soft background, or not shown (tooltips still work by keyboard). */
export const markStyleItem = storage.defineItem<Settings['markStyle']>('sync:markStyle', {
  fallback: DEFAULTS.markStyle,
  version: 1,
});
/** Mark every occurrence of a term, or only the first on each page. */
export const occurrencesItem = storage.defineItem<Settings['occurrences']>('sync:occurrences', {
  fallback: DEFAULTS.occurrences,
  version: 1,
});
/** Milliseconds the pointer rests on a term before its card opens. */
export const tooltipDelayItem = storage.defineItem<number>('sync:tooltipDelay', { fallback: DEFAULTS.tooltipDelay, version: 1 });
/** Show the entry's picture in the card, below the definition. */
export const showPicturesItem = storage.defineItem<boolean>('sync:showPictures', { fallback: DEFAULTS.showPictures, version: 1 });

const safe = async <T>(read: () => Promise<unknown>, parse: (v: unknown) => T): Promise<T> => {
  try {
    return parse(await read());
  } catch {
    return parse(undefined);
  }
};

/** Every setting, each checked: corrupt or old values come back as defaults, never as an error. */
export async function loadSettings(): Promise<Settings> {
  const [enabled, disabledSites, markStyle, occurrences, tooltipDelay, showPictures] = await Promise.all([
    safe(() => enabledItem.getValue(), parseEnabled),
    safe(() => disabledSitesItem.getValue(), parseSites),
    safe(() => markStyleItem.getValue(), parseMarkStyle),
    safe(() => occurrencesItem.getValue(), parseOccurrences),
    safe(() => tooltipDelayItem.getValue(), parseTooltipDelay),
    safe(() => showPicturesItem.getValue(), parseShowPictures),
  ]);
  return { enabled, disabledSites, markStyle, occurrences, tooltipDelay, showPictures };
}

/** Calls `onChange` with fresh settings whenever any of them changes; returns the unwatch. */
export function watchSettings(onChange: (s: Settings) => void): () => void {
  const items = [enabledItem, disabledSitesItem, markStyleItem, occurrencesItem, tooltipDelayItem, showPicturesItem] as const;
  const stops = items.map((item) => item.watch(() => void loadSettings().then(onChange)));
  return () => stops.forEach((stop) => stop());
}

/** Back to defaults: every item removed, so fallbacks apply. */
export async function resetSettings(): Promise<void> {
  await Promise.all(
    [enabledItem, disabledSitesItem, markStyleItem, occurrencesItem, tooltipDelayItem, showPicturesItem].map((i) =>
      i.removeValue(),
    ),
  );
}
