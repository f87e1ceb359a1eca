import { useCallback, useEffect, useState } from 'preact/hooks';
import type { WxtStorageItem } from 'wxt/utils/storage';

/**
 * A stored setting as component state: read once, kept live by the item's watcher (another
 * extension page or the popup may change it), and every read checked by `parse`, so a corrupt
 * stored value shows as its default. `undefined` until the first read finishes.
 */
export function useStored<T>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any metadata shape
  item: WxtStorageItem<T, any>,
  parse: (v: unknown) => T,
): [T | undefined, (value: T) => Promise<void>] {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    let live = true;
    item.getValue().then(
      (v) => live && setValue(parse(v)),
      () => live && setValue(parse(undefined)),
    );
    const unwatch = item.watch((v) => live && setValue(parse(v)));
    return () => {
      live = false;
      try {
        unwatch();
      } catch {
        // In a card whose extension is gone (reloaded or removed), the storage API refuses: nothing to unwatch.
      }
    };
  }, [item, parse]);
  const save = useCallback(
    async (next: T) => {
      setValue(next);
      try {
        await item.setValue(next);
      } catch (e) {
        // Not stored (sync storage full, say): show what is stored, and let the caller say why.
        setValue(parse(await item.getValue().catch(() => undefined)));
        throw e;
      }
    },
    [item, parse],
  );
  return [value, save];
}
