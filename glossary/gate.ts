/**
 * The health-page gate: ambiguous forms are marked only on pages that are clearly about health.
 * PURE: no DOM, no browser.
 */

/** Distinct unambiguous terms a page must show before its ambiguous forms are marked. */
export const HEALTH_PAGE_THRESHOLD = 3;
/** Different blocks those terms must come from: one stray "X-ray" in a footer is not a health page. */
export const HEALTH_PAGE_BLOCKS = 2;

/** One match of an unambiguous form (a form no entry lists in `ambiguousForms`), and its block. */
export interface Sighting {
  termId: string;
  /** Any value that is the same for two matches of one block and different otherwise. */
  block: unknown;
}

/**
 * Whether the page is about health: at least HEALTH_PAGE_THRESHOLD distinct terms among the
 * sightings of unambiguous forms, seen in at least HEALTH_PAGE_BLOCKS different blocks.
 */
export function isHealthPage(sightings: Iterable<Sighting>): boolean {
  const terms = new Set<string>();
  const blocks = new Set<unknown>();
  for (const s of sightings) {
    terms.add(s.termId);
    blocks.add(s.block);
  }
  return terms.size >= HEALTH_PAGE_THRESHOLD && blocks.size >= HEALTH_PAGE_BLOCKS;
}

/** The gate as a page is read block by block: `see` each sighting; `open` once the page qualifies. */
export interface Gate {
  see(termId: string, block: unknown): void;
  readonly open: boolean;
}

export function createGate(): Gate {
  // One sighting per term and per block is all `isHealthPage` can use; the rest is dropped.
  const kept: Sighting[] = [];
  const terms = new Set<string>();
  const blocks = new Set<unknown>();
  let open = false;
  return {
    see(termId, block) {
      if (open || (terms.has(termId) && blocks.has(block))) return;
      terms.add(termId);
      blocks.add(block);
      kept.push({ termId, block });
      open = isHealthPage(kept);
    },
    get open() {
      return open;
    },
  };
}
