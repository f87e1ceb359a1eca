import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import { DEFAULTS, type Settings } from './parse';
import { ON_CHANGE, SETTING_KEYS, SETTING_NAMES, SETTING_PARSERS, type OnChange } from './page-settings';

export { loadSettings, needsRestart, watchSettings, type OnChange } from './page-settings';

interface SettingRecord<T> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any metadata shape
  item: WxtStorageItem<T, any>;
  parse: (v: unknown) => T;
  /** switch: marks on or off; live: applied to the marks in place; restart: the page is marked again. */
  onChange: OnChange;
}

/** A setting's storage item (the options page and the background write through it), with its default as the fallback. */
const syncItem = <K extends keyof Settings>(key: K) =>
  storage.defineItem<Settings[K]>(SETTING_KEYS[key], { fallback: DEFAULTS[key], version: 1 });

const record = <K extends keyof Settings>(key: K): SettingRecord<Settings[K]> => ({
  item: syncItem(key),
  parse: SETTING_PARSERS[key],
  onChange: ON_CHANGE[key],
});

/** One record per setting, which the options page, the background and resetting go through. */
export const SETTINGS: { [K in keyof Settings]: SettingRecord<Settings[K]> } = {
  enabled: record('enabled'),
  disabledSites: record('disabledSites'),
  markStyle: record('markStyle'),
  occurrences: record('occurrences'),
  tooltipDelay: record('tooltipDelay'),
  showPictures: record('showPictures'),
};
/** Back to defaults: every item removed, so fallbacks apply. */
export async function resetSettings(): Promise<void> {
  await Promise.all(SETTING_NAMES.map((k) => SETTINGS[k].item.removeValue()));
}
