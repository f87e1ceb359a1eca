// Page functions that read and write the extension's storage from one of its own pages (options,
// popup), for the browser tests. Each is self-contained: it is sent to the page as text.

/** The extension API as an extension page has it: `browser` in Firefox, `chrome` in Chromium. */
interface StorageArea {
  set(items: object): Promise<void>;
  get(key: string): Promise<Record<string, unknown>>;
  clear(): Promise<void>;
}
declare const chrome: { storage: { sync: StorageArea; local: StorageArea } };

export async function setSync(items: Record<string, unknown>): Promise<void> {
  const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
  await api.storage.sync.set(items);
}

/** Empties sync storage, and local storage too with `{ local: true }`. */
export async function clearSync(opts: { local?: boolean } | null): Promise<void> {
  const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
  await api.storage.sync.clear();
  if (opts?.local) await api.storage.local.clear();
}

export async function readSync(key: string): Promise<unknown> {
  const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
  return (await api.storage.sync.get(key))[key];
}

/**
 * Fills sync storage until it takes no more (halving the size of what it tries), as years of saved
 * settings and another device's writes could. Returns the characters written.
 */
export async function fillSync(): Promise<number> {
  const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
  let written = 0;
  for (let size = 8000, i = 0; size >= 1;) {
    try {
      await api.storage.sync.set({ [`filler${i}`]: 'x'.repeat(size) });
      i++;
      written += size;
    } catch {
      size = Math.floor(size / 2);
    }
  }
  return written;
}
