/** What the glossary page was opened for: `?q=<text>` fills the search, `#<term-id>` picks an entry. */
export interface GlossaryLocation {
  query: string;
  termId?: string;
}

/** Reads `location.search` and `location.hash`; ids that are not glossary entries are ignored. */
export function readGlossaryLocation(search: string, hash: string, isTerm: (id: string) => boolean): GlossaryLocation {
  let query = '';
  try {
    query = new URLSearchParams(search).get('q')?.slice(0, 200) ?? '';
  } catch {
    // A malformed query string opens the page unfiltered.
  }
  return { query, termId: termFromHash(hash, isTerm) };
}

/** The entry a `#fragment` names, if it names one. */
export function termFromHash(hash: string, isTerm: (id: string) => boolean): string | undefined {
  let id = hash.replace(/^#/, '');
  try {
    id = decodeURIComponent(id);
  } catch {
    return undefined;
  }
  return id && isTerm(id) ? id : undefined;
}
