/**
 * Every limit of the content script, each named for what it protects, with the measurement behind
 * it (more in docs/performance.md). Two objects, so the first stage on every page bundles only its own.
 */
export const FIRST_STAGE_LIMITS = {
  /**
   * Longest wait for an idle moment before the page's text is first read: a read at document_idle
   * sometimes forced a pending layout (8-14 ms of layout and text shaping inside our task on a book
   * chapter); a busy page is read after this anyway.
   */
  firstReadIdleMs: 1000,
  /** Elements beyond which the page's rendered text is not read at all ("maybe"): reading it took 40-50 ms at 50,000 elements. */
  precheckElements: 15_000,
  /** Text nodes the precheck reads before it stops and answers "maybe": past this, the sliced engine is cheaper than one long task. */
  precheckNodes: 30_000,
  /** Characters sent to the background's precheck at most (a 2 MB message, about 20 ms of word lookups there); beyond, "maybe". */
  precheckChars: 1_000_000,
  /**
   * Nodes added while a precheck answer is on its way (or in one batch) beyond which the answer is
   * "maybe" without reading them: such a page is growing fast, and the engine, which scans in slices,
   * is cheaper than one long read of all of it (and meets a smaller page the sooner it starts).
   */
  wakeBatchNodes: 2_000,
  /** Added text is prechecked at most this often on a page with no term yet (a live ticker). */
  wakeCheckMs: 250,
  /** How often a marked page asks whether its extension is still there (reloaded, updated, removed). */
  orphanCheckMs: 1000,
} as const;

/** The engine's and the painter's limits (loaded only where a page may hold a term). */
export const LIMITS = {
  /** Longest stretch of scanning between yields to the page (a 16 ms frame keeps half for the page). */
  scanSliceMs: 8,
  /** Characters matched between two time checks inside one long text run. */
  scanMatchSliceChars: 65_536,
  /** Characters after which a text run is handed over at the next node boundary. */
  scanRunChars: 32_768,
  /** Seconds after the first scan at which not-yet-defined custom elements are looked at again. */
  upgradeRecheckSeconds: [0.5, 1, 2, 4],

  /** More changed subtrees than this in one batch: the root is rescanned once instead. */
  watchFloodSubtrees: 1000,
  /** A block with more children than this is not rescanned whole for one added inline node (a feed). */
  watchWholeBlockChildren: 200,

  /**
   * Above this many marks only the ones near the viewport are painted: Chromium revalidates every
   * range of every highlight on each change (17,000 marks: 100-350 ms per rendering update; 2,000 on
   * a changing page: 60 ms frames). The 65 saved real pages have at most 32 marks.
   */
  paintAllMarksUpTo: 500,
  /** A block with more marks than this is painted around the viewport only, not whole. */
  paintWindowedBlockMarks: 300,
  /** Most marks painted in one big block. */
  paintBlockWindowMarks: 400,
  /** Least time between two paints while marks keep coming (a long scan, a live feed): each paint redraws the marked text. */
  paintGapMs: 250,
  /** Where no frame comes (a background tab), paint after this long anyway. */
  paintNoFrameMs: 250,
  /** How far above and below the viewport marks are painted, in viewport heights. */
  paintMarginViewports: 0.5,
  /** How long scrolling or page changes wait before a big block's window is moved. */
  paintSettleMs: 100,
  /**
   * A big block whose marks changed more recently than this is not painted until it is quiet: a
   * growing log of 50,000 spans with painted marks made every frame a fifth slower.
   */
  paintQuietBlockMs: 1000,
  /**
   * Marks in a text node longer than this (characters) are never painted, only explained: drawing
   * the first mark in a 5 MB text node cost Chromium one 85 ms pre-paint.
   */
  paintGiantTextChars: 1_000_000,
  /** Where no frame comes (a background tab), a big block's window is moved after this long anyway. */
  paintWindowNoFrameMs: 1000,
  /** An inline element shorter than this (in viewport heights) stands in for its mark's box (cheaper to read). */
  paintInlineBoxViewports: 0.25,
  /** The viewport height assumed where a document has no window. */
  viewportFallbackPx: 800,
  /** The block the reader is looking at: the first ancestor of the viewport's centre this tall (viewport heights). */
  viewportBlockViewports: 0.8,
  /** Frames, and ms at most per frame, that keyboard navigation waits for smooth scrolling to stop (about half a second). */
  scrollSettleFrames: 30,
  scrollSettleFrameMs: 50,
} as const;
