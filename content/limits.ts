/**
 * The content script's start-up limits, each named for what it protects. (The scanner's and
 * painter's limits still sit in their modules: see docs/performance.md.)
 */
export const LIMITS = {
  /** Elements beyond which the page's rendered text is not read at all ("maybe"): reading it took 40-50 ms at 50,000 elements. */
  precheckElements: 15_000,
  /** Text nodes the precheck reads before it stops and answers "maybe": past this, the sliced engine is cheaper than one long task. */
  precheckNodes: 30_000,
  /** Characters tested in one go; early chunks often hold the answer. */
  precheckChunkChars: 65_536,
  /** Characters the precheck reads at most (about 20 ms of word lookups in V8); beyond, "maybe". */
  precheckChars: 1_000_000,
  /** Added text is prechecked at most this often on a page with no term yet (a live ticker). */
  wakeCheckMs: 250,
  /** How often a marked page asks whether its extension is still there (reloaded, updated, removed). */
  orphanCheckMs: 1000,
} as const;
