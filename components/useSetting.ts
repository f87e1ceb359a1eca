import { SETTINGS } from '../settings/items';
import type { Settings } from '../settings/parse';
import { useStored } from './useStored';

/** One setting as component state, read and checked through its record in `SETTINGS`. */
export function useSetting<K extends keyof Settings>(key: K): [Settings[K] | undefined, (value: Settings[K]) => Promise<void>] {
  const { item, parse } = SETTINGS[key];
  return useStored<Settings[K]>(item, parse);
}
