import { storage, type WxtStorageItem } from 'wxt/utils/storage';
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

/** What a change to a setting means for a page already marked. */
export type OnChange = 'switch' | 'live' | 'restart';

interface SettingRecord<T> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any metadata shape
  item: WxtStorageItem<T, any>;
  parse: (v: unknown) => T;
  /** switch: marks on or off; live: applied to the marks in place; restart: the page is marked again. */
  onChange: OnChange;
}

/**
 * A setting's storage item, under its own key in sync storage (settings follow the user between
 * browsers signed in to the same account), with its default as the fallback.
 */
const syncItem = <K extends keyof Settings>(key: K) =>
  storage.defineItem<Settings[K]>(`sync:${key}`, { fallback: DEFAULTS[key], version: 1 });

/** One record per setting, which loading, watching and resetting go through. */
export const SETTINGS: { [K in keyof Settings]: SettingRecord<Settings[K]> } = {
  /** Global on/off switch. */
  enabled: { item: syncItem('enabled'), parse: parseEnabled, onChange: 'switch' },
  /** Hostnames where the extension never runs (subdomains included). */
  disabledSites: { item: syncItem('disabledSites'), parse: parseSites, onChange: 'switch' },
  /** How marks look: dotted underline, soft background, or not shown (tooltips still work by keyboard). */
  markStyle: { item: syncItem('markStyle'), parse: parseMarkStyle, onChange: 'live' },
  /** Mark every occurrence of a term, or only the first on each page. */
  occurrences: { item: syncItem('occurrences'), parse: parseOccurrences, onChange: 'restart' },
  /** Milliseconds the pointer rests on a term before its card opens. */
  tooltipDelay: { item: syncItem('tooltipDelay'), parse: parseTooltipDelay, onChange: 'restart' },
  /** Show the entry's picture in the card, below the definition. */
  showPictures: { item: syncItem('showPictures'), parse: parseShowPictures, onChange: 'restart' },
};
const KEYS = Object.keys(SETTINGS) as (keyof Settings)[];

const safe = async <T>(read: () => Promise<unknown>, parse: (v: unknown) => T): Promise<T> => {
  try {
    return parse(await read());
  } catch {
    return parse(undefined);
  }
};

/** Every setting, each checked: corrupt or old values come back as defaults, never as an error. */
export async function loadSettings(): Promise<Settings> {
  const values = await Promise.all(
    KEYS.map((k) => {
      const { item, parse } = SETTINGS[k] as SettingRecord<unknown>;
      return safe(() => item.getValue(), parse);
    }),
  );
  return Object.fromEntries(KEYS.map((k, i) => [k, values[i]])) as unknown as Settings;
}

/** Whether going from `prev` to `next` needs the page marked again (not just switched or restyled). */
export function needsRestart(prev: Settings, next: Settings): boolean {
  return KEYS.some((k) => SETTINGS[k].onChange === 'restart' && prev[k] !== next[k]);
}

/** Calls `onChange` with fresh settings whenever any of them changes; returns the unwatch. */
export function watchSettings(onChange: (s: Settings) => void): () => void {
  const stops = KEYS.map((k) => SETTINGS[k].item.watch(() => void loadSettings().then(onChange)));
  return () => stops.forEach((stop) => stop());
}

/** Back to defaults: every item removed, so fallbacks apply. */
export async function resetSettings(): Promise<void> {
  await Promise.all(KEYS.map((k) => SETTINGS[k].item.removeValue()));
}
