/**
 * Pure checks for the reader's own lists (saved and known terms): storage may hold anything, so
 * every read goes through these and a corrupt value comes back as an empty list, never an error.
 */

/** One saved term: the entry id and when it was saved (ms since 1970; 0 when not known). */
export interface SavedTerm {
  id: string;
  at: number;
}

export const MY_TERMS_LIMITS = {
  /** Saved terms kept at most: 100 of the longest ids with dates take about 6.6 KB of an item's 8 KB. */
  savedTerms: 100,
  /** Sync storage's limit for one item, in bytes (QUOTA_BYTES_PER_ITEM in Chrome and Firefox). */
  syncItemBytes: 8192,
} as const;

const isId = (v: unknown): v is string => typeof v === 'string' && /^[a-z0-9-]{1,80}$/.test(v);

/**
 * Saved terms, newest first, each id once. Accepts version 1's bare ids too (saved at 0: their
 * date was never kept), so an old list migrates instead of being lost.
 */
export function parseSaved(v: unknown): SavedTerm[] {
  if (!Array.isArray(v)) return [];
  const seen = new Set<string>();
  const out: SavedTerm[] = [];
  for (const item of v) {
    const entry: unknown = isId(item) ? { id: item, at: 0 } : item;
    if (typeof entry !== 'object' || entry === null) continue;
    const { id, at } = entry as { id?: unknown; at?: unknown };
    if (!isId(id) || seen.has(id)) continue;
    seen.add(id);
    out.push({ id, at: typeof at === 'number' && Number.isFinite(at) && at > 0 ? at : 0 });
  }
  return out.sort((a, b) => b.at - a.at).slice(0, MY_TERMS_LIMITS.savedTerms);
}

/** Known term ids, each once; anything else in the stored value is dropped. */
export const parseKnown = (v: unknown): string[] => (Array.isArray(v) ? [...new Set(v.filter(isId))] : []);
