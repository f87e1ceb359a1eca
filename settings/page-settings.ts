import { storage, type StorageItemKey } from 'wxt/utils/storage';
import { parseKnown } from './my-terms-parse';
import {
  parseEnabled,
  parseMarkStyle,
  parseOccurrences,
  parseShowPictures,
  parseSites,
  parseTooltipDelay,
  type Settings,
} from './parse';

// What a web page's engine reads: the settings and the known terms, by key, in one storage call. By
// key and not through WXT's storage items, because defining an item reads it once at once: the
// engine defined eight and paid eight reads more on every page with a term (items.ts defines them
// for the extension's own pages, from these keys and checks).

/** Each setting under its own key in sync storage: settings follow the user between signed-in browsers. */
export const SETTING_KEYS = {
  enabled: 'sync:enabled',
  disabledSites: 'sync:disabledSites',
  markStyle: 'sync:markStyle',
  occurrences: 'sync:occurrences',
  tooltipDelay: 'sync:tooltipDelay',
  showPictures: 'sync:showPictures',
} as const satisfies { [K in keyof Settings]: StorageItemKey };

/** Terms the reader said they know (my-terms.ts defines the item). */
export const KNOWN_TERMS_KEY = 'sync:knownTerms' satisfies StorageItemKey;

/** Each setting's check: storage may hold anything, and a bad value reads as the default. */
export const SETTING_PARSERS: { [K in keyof Settings]: (v: unknown) => Settings[K] } = {
  enabled: parseEnabled,
  disabledSites: parseSites,
  markStyle: parseMarkStyle,
  occurrences: parseOccurrences,
  tooltipDelay: parseTooltipDelay,
  showPictures: parseShowPictures,
};

export const SETTING_NAMES = Object.keys(SETTING_KEYS) as (keyof Settings)[];

/** What a change to a setting means for a page already marked. */
export type OnChange = 'switch' | 'live' | 'restart';

/** switch: marks on or off; live: applied to the marks in place; restart: the page is marked again. */
export const ON_CHANGE: { [K in keyof Settings]: OnChange } = {
  /** Global on/off switch. */
  enabled: 'switch',
  /** Hostnames where the extension never runs (subdomains included). */
  disabledSites: 'switch',
  /** How marks look: dotted underline, soft background, or not shown (tooltips still work by keyboard). */
  markStyle: 'live',
  /** Mark every occurrence of a term, or only the first on each page. */
  occurrences: 'restart',
  /** Milliseconds the pointer rests on a term before its card opens. */
  tooltipDelay: 'restart',
  /** Show the entry's picture in the card, below the definition. */
  showPictures: 'restart',
};

/** Whether going from `prev` to `next` needs the page marked again (not just switched or restyled). */
export const needsRestart = (prev: Settings, next: Settings): boolean =>
  SETTING_NAMES.some((k) => ON_CHANGE[k] === 'restart' && prev[k] !== next[k]);

/** What a page's engine needs from storage. */
export interface PageSettings {
  settings: Settings;
  known: string[];
}

/** The settings and the known terms in one read, each checked: a failed read gives the defaults, never an error. */
export async function loadPageSettings(): Promise<PageSettings> {
  let values = new Map<string, unknown>();
  try {
    const read = await storage.getItems([...SETTING_NAMES.map((k) => SETTING_KEYS[k]), KNOWN_TERMS_KEY]);
    values = new Map(read.map((r) => [r.key, r.value as unknown]));
  } catch {
    // Nothing read: every value falls back to its default below.
  }
  const settings = Object.fromEntries(SETTING_NAMES.map((k) => [k, SETTING_PARSERS[k](values.get(SETTING_KEYS[k]))]));
  return { settings: settings as unknown as Settings, known: parseKnown(values.get(KNOWN_TERMS_KEY)) };
}

/** Every setting, each checked: corrupt or old values come back as defaults, never as an error. */
export const loadSettings = async (): Promise<Settings> => (await loadPageSettings()).settings;

/** Calls `onChange` with fresh settings whenever any of them changes; returns the unwatch. */
export function watchSettings(onChange: (s: Settings) => void): () => void {
  const stops = SETTING_NAMES.map((k) => storage.watch(SETTING_KEYS[k], () => void loadSettings().then(onChange)));
  return () => stops.forEach((stop) => stop());
}

/** Calls `onChange` with the known terms, checked, whenever they change; returns the unwatch. */
export const watchKnown = (onChange: (ids: string[]) => void): (() => void) =>
  storage.watch(KNOWN_TERMS_KEY, (v) => onChange(parseKnown(v)));
