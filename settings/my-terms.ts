import { storage } from 'wxt/utils/storage';
import { MY_TERMS_LIMITS as LIMITS } from './my-terms-parse';
import { KNOWN_TERMS_KEY } from './page-settings';
import { parseKnown, parseSaved, type SavedTerm } from './my-terms-parse';

export { parseKnown, parseSaved, type SavedTerm } from './my-terms-parse';

// Sync storage, like the settings: a reader's terms follow them to their other browsers.

/**
 * Saved terms, newest first. Version 1 stored bare ids (no date); version 2 keeps when each was
 * saved, so My terms can list the newest first.
 */
export const savedTermsItem = storage.defineItem<SavedTerm[]>('sync:savedTerms', {
  fallback: [],
  version: 2,
  migrations: { 2: (old: unknown): SavedTerm[] => parseSaved(old) },
});

/** Terms the reader said they know: never marked on a page, listed in My terms and options to restore. */
export const knownTermsItem = storage.defineItem<string[]>(KNOWN_TERMS_KEY, { fallback: [], version: 1 });

/** Why a change to My terms was not stored; the list in storage is left as it was. */
export type WriteProblem = 'limit' | 'full' | 'failed';
export type WriteResult = { ok: true } | { ok: false; problem: WriteProblem };

/** Bytes an item takes in sync storage (its key plus its JSON), as the browsers count them. */
export const syncBytes = (key: string, value: unknown): number => new TextEncoder().encode(key + JSON.stringify(value)).length;

async function write<T>(item: { key: string; setValue(v: T): Promise<void> }, value: T): Promise<WriteResult> {
  // The item's key is "sync:name"; the browser counts the bare name.
  if (syncBytes(item.key.replace(/^sync:/, ''), value) > LIMITS.syncItemBytes) return { ok: false, problem: 'full' };
  try {
    await item.setValue(value);
    return { ok: true };
  } catch (e) {
    // Chrome and Firefox both name the quota in the message ("QUOTA_BYTES_PER_ITEM quota exceeded").
    return { ok: false, problem: /quota/i.test(String(e)) ? 'full' : 'failed' };
  }
}

const read = async <T>(item: { getValue(): Promise<unknown> }, parse: (v: unknown) => T): Promise<T> => {
  try {
    return parse(await item.getValue());
  } catch {
    return parse(undefined);
  }
};

export const loadSaved = (): Promise<SavedTerm[]> => read(savedTermsItem, parseSaved);
export const loadKnown = (): Promise<string[]> => read(knownTermsItem, parseKnown);

/** Saves `id` at the top of the list (again at the top if it was there). */
export async function saveTerm(id: string, at = Date.now()): Promise<WriteResult> {
  const list = await loadSaved();
  const rest = list.filter((s) => s.id !== id);
  if (rest.length >= LIMITS.savedTerms) return { ok: false, problem: 'limit' };
  return write(savedTermsItem, [{ id, at }, ...rest]);
}

export async function unsaveTerm(id: string): Promise<WriteResult> {
  return write(
    savedTermsItem,
    (await loadSaved()).filter((s) => s.id !== id),
  );
}

/** Replaces the whole list (remove all, and its undo). */
export const setSaved = (list: readonly SavedTerm[]): Promise<WriteResult> => write(savedTermsItem, parseSaved(list));

export async function setKnown(id: string, known: boolean): Promise<WriteResult> {
  const list = (await loadKnown()).filter((k) => k !== id);
  return write(knownTermsItem, known ? [id, ...list] : list);
}
