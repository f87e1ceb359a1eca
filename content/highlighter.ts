import type { Matcher } from '../glossary/matcher';
import type { MarkStyle } from '../settings/parse';
import { followPointer } from './hover';
import { createLazyTooltip, type CardModule } from './lazy-tooltip';
import { HIGHLIGHT_NAMES, highlightName, isDarkPage } from './mark-style';
import { createNavigator } from './navigate';
import { afterNextPaint } from './yield';
import { HOST_TAG } from './scan';
import { createScanner } from './scanner';
import markCss from './marks.css?inline';
import { watchChanges } from './watch';
import { LIMITS } from './limits';

export interface HighlighterOptions {
  signal: AbortSignal;
  /** The compiled glossary (loaded once per page, not per restart). */
  matcher: Matcher;
  /** Loads the card's code and texts (on first use). */
  loadCard: () => Promise<CardModule>;
  markStyle?: MarkStyle;
  showDelay?: number;
  firstOnly?: boolean;
  /** Extra elements never to mark (the extension's own pages: headings that name the term). */
  skipSelector?: string;
  /** Matches never to mark (the glossary page: an entry's own term inside that entry). */
  skipMatch?: (termId: string, node: Text) => boolean;
  learnMoreUrl?: (term: { id: string }) => string | undefined;
  /** Whether cards show the entry's picture (the "Show pictures in explanations" setting). */
  showPictures?: boolean;
  /** Terms the reader knows: found and counted, never marked. */
  known?: ReadonlySet<string>;
}

/** What the rest of the content script may ask of a running highlighter. */
export interface Highlighter {
  /** Resolves when the first full scan is done. */
  ready: Promise<void>;
  /** Terms found on the page with their counts, in document order of first appearance (known ones too). */
  counts(): [termId: string, count: number][];
  /** Stops marking the terms in `ids` (the reader knows them) and marks again those no longer in it. */
  setKnown(ids: ReadonlySet<string>): void;
  /** Moves to the next (1) or previous (-1) mark, of `termId` or of any term, and opens its card. */
  jump(direction: 1 | -1, termId?: string): Promise<boolean>;
  /** Opens the card of the first glossary term in `text` at `range`; returns its id, if any. */
  explain(text: string, range: Range): string | undefined;
  /** Re-registers the marks under another look, without rescanning. */
  setMarkStyle(style: MarkStyle): void;
}

/**
 * Marks glossary terms in `doc` and explains them on hover, tap and keyboard; keeps marks in step
 * with DOM changes. Aborting `signal` removes every trace.
 */
export function startHighlighter(doc: Document, opts: HighlighterOptions): Highlighter {
  const { signal } = opts;
  const highlight = new Highlight();
  const registry = (doc.defaultView ?? globalThis).CSS.highlights;
  // Read once the page has rendered (see below); until then assume a light page.
  let dark = false;
  let style = opts.markStyle ?? 'underline';
  let name: string | undefined;
  removeLeftovers(doc, registry);
  const setMarkStyle = (next: MarkStyle): void => {
    style = next;
    if (name && registry.get(name) === highlight) registry.delete(name);
    name = highlightName(style, dark);
    if (name && !signal.aborted) registry.set(name, highlight);
  };
  setMarkStyle(style);
  signal.addEventListener('abort', () => {
    if (name && registry.get(name) === highlight) registry.delete(name);
    highlight.clear();
  });

  /** The one registry of open shadow roots met: styled and watched once each, hit-tested by the pointer. */
  const shadowRoots = new Set<ShadowRoot>();
  const onShadowRoot = (shadow: ShadowRoot): void => {
    if (shadowRoots.has(shadow)) return;
    shadowRoots.add(shadow);
    styleShadowRoot(shadow, signal);
    watchChanges(shadow, ({ scopes, removed }) => void scanner.rescan(scopes, removed), signal);
  };
  const scanner = createScanner({
    matcher: opts.matcher,
    highlight,
    signal,
    firstOnly: opts.firstOnly,
    skipSelector: opts.skipSelector,
    skipMatch: opts.skipMatch,
    onShadowRoot,
  });
  if (opts.known?.size) scanner.index.setKnown(opts.known);
  const tooltip = createLazyTooltip({ doc, signal, learnMoreUrl: opts.learnMoreUrl, pictures: opts.showPictures }, opts.loadCard);
  followPointer({ doc, index: scanner.index, tooltip, signal, shadowRoots, showDelay: opts.showDelay ?? 300 });
  const navigate = createNavigator(doc, scanner.index, tooltip);

  const root = doc.body ?? doc.documentElement;
  // Watch before the first scan, so text added while it runs is not missed.
  watchChanges(root, ({ scopes, removed }) => void scanner.rescan(scopes, removed), signal);
  // Start after the page's next rendering update: the page lays itself out in its own task, and
  // reading the background colour or the element in view then forces no layout in ours.
  const ready = afterNextPaint(doc)
    .then(() => {
      dark = isDarkPage(doc);
      setMarkStyle(style);
      return scanner.scan(root);
    })
    .then(() =>
      watchUpgrades(
        root,
        (shadow) => {
          onShadowRoot(shadow);
          void scanner.rescan([shadow], false);
        },
        signal,
      ),
    );
  const counts = (): [string, number][] => {
    const byTerm = new Map<string, number>();
    for (const m of scanner.index.all()) byTerm.set(m.termId, (byTerm.get(m.termId) ?? 0) + 1);
    return [...byTerm];
  };
  const explain = (text: string, range: Range): string | undefined => {
    const termId = opts.matcher.find(text)[0]?.termId;
    if (termId === undefined || signal.aborted) return undefined;
    const r = range.getBoundingClientRect();
    void tooltip.show(termId, { range, x: r.left + 1, y: r.top + r.height / 2 });
    return termId;
  };
  const jump = async (direction: 1 | -1, termId?: string): Promise<boolean> => !!(await navigate(direction, termId));
  const setKnown = (ids: ReadonlySet<string>): void => {
    scanner.index.setKnown(ids);
    // A card open on a term the reader just said they know has done its job.
    if (tooltip.termId !== undefined && ids.has(tooltip.termId)) tooltip.hide();
  };
  return { ready, counts, jump, explain, setMarkStyle, setKnown };
}

/**
 * Marks and a card left by an earlier instance of this extension, reloaded or updated while the
 * page was open: Firefox then injects the new content script and the old one can no longer run,
 * so its highlight stays registered and its card's host stays in the page. They go before ours come.
 */
function removeLeftovers(doc: Document, registry: HighlightRegistry): void {
  // By name: Firefox cannot iterate the registry from a content script ("Xray wrapping of iterators").
  for (const name of Object.values(HIGHLIGHT_NAMES)) registry.delete(name);
  for (const host of doc.documentElement.querySelectorAll(`:scope > ${HOST_TAG}`)) host.remove();
}

/**
 * A custom element that upgrades late attaches its shadow root without any DOM mutation the
 * observer could see (and the content script's world cannot use `customElements.whenDefined`):
 * elements still undefined after the first scan are checked again a few times.
 */
function watchUpgrades(root: Element, onShadowRoot: (shadow: ShadowRoot) => void, signal: AbortSignal): void {
  let waiting = [...root.querySelectorAll(':not(:defined)')];
  if (waiting.length === 0) return;
  for (const seconds of LIMITS.upgradeRecheckSeconds) {
    const timer = setTimeout(() => {
      waiting = waiting.filter((el) => {
        if (!el.isConnected) return false;
        if (!el.shadowRoot) return true;
        onShadowRoot(el.shadowRoot);
        return false;
      });
    }, seconds * 1000);
    signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  }
}

/**
 * Document styles do not reach into shadow trees, so `::highlight` rules are adopted into each open
 * shadow root that has marks, and taken out again on abort.
 */
function styleShadowRoot(shadow: ShadowRoot, signal: AbortSignal): void {
  try {
    const sheet = new CSSStyleSheet();
    // `:root` matches nothing inside a shadow tree: there the rules match every element, as the
    // sheet applies to that tree alone.
    sheet.replaceSync(markCss.replaceAll(':root::highlight', '::highlight'));
    shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
    signal.addEventListener('abort', () => {
      shadow.adoptedStyleSheets = shadow.adoptedStyleSheets.filter((s) => s !== sheet);
    });
  } catch {
    // Some engines refuse sheets made by an extension's isolated world: marks there stay unstyled
    // but still answer hover.
  }
}
