/**
 * What gets marked on a page, block by block: the matcher's matches, the sense check of ambiguous
 * forms and the health-page gate, as the content script's scanner applies them. PURE, so the sense
 * corpus test and the report run exactly the scanner's rules.
 */
import { createGate } from './gate';
import type { Matcher } from './matcher';
import { createSenseCheck, type SenseCheck, type SenseWindow } from './sense';
import type { Match } from './types';

export interface PageMarker<B> {
  /**
   * Matches starting in `text[from, to)` of `block` to mark now, followed by earlier ambiguous
   * matches (of any block) that were waiting for the page to pass the gate and may be marked now.
   */
  take(block: B, text: string, from?: number, to?: number): { block: B; match: Match }[];
  /** Whether the page passed the health-page gate. */
  readonly isHealthPage: boolean;
}

/**
 * A marker for one page. `blockKey` says which block a `B` belongs to (a DOM run may be one of
 * several pieces of one block, or a rescan of it).
 */
export function createPageMarker<B>(
  matcher: Matcher,
  opts: { blockKey?: (block: B) => unknown; sense?: SenseCheck; window?: SenseWindow } = {},
): PageMarker<B> {
  const gate = createGate();
  const sense = opts.sense ?? createSenseCheck(() => matcher.sense, opts.window);
  const key = opts.blockKey ?? ((b: B): unknown => b);
  let pending: { block: B; match: Match }[] = [];
  return {
    take(block, text, from = 0, to = text.length) {
      const out: { block: B; match: Match }[] = [];
      const found = matcher.find(text, from, to);
      const wasOpen = gate.open;
      let blockId: unknown;
      for (const match of sense.standing(text, found)) {
        if (match.rule === undefined) {
          if (!gate.open) gate.see(match.termId, (blockId ??= key(block)));
          out.push({ block, match });
        } else if (wasOpen) out.push({ block, match });
        else pending.push({ block, match });
      }
      if (!wasOpen && gate.open) {
        out.push(...pending);
        pending = [];
      }
      return out;
    },
    get isHealthPage() {
      return gate.open;
    },
  };
}

/** The marks of each block of a page read in order, as the scanner would place them. */
export function markBlocks(matcher: Matcher, blocks: readonly string[], window?: SenseWindow): Match[][] {
  const marker = createPageMarker<number>(matcher, { window });
  const marks: Match[][] = blocks.map(() => []);
  blocks.forEach((text, i) => {
    for (const { block, match } of marker.take(i, text)) marks[block]!.push(match);
  });
  return marks.map((list) => list.sort((a, b) => a.start - b.start));
}
