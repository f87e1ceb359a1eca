import { render } from 'preact';
import tippy, { type Instance } from 'tippy.js';
import tippyCss from 'tippy.js/dist/tippy.css?inline';
import { CardActions } from '../components/CardActions';
import type { PictureLoader } from '../components/picture-meta';
import { stopSpeaking } from '../components/speech';
import { TermCard } from '../components/TermCard';
import type { CardTerm } from '../glossary/types';
import { HOST_TAG } from './scan';
import cardCss from './tooltip.css?inline';

export interface Anchor {
  range: Range;
  /** A point on the term (the pointer), to pick the right line of a term that wraps. */
  x?: number;
  y?: number;
}

export interface Tooltip {
  /** `keyboard`: opened by a keyboard command, so Tab moves into the card and Escape comes back. */
  show(term: CardTerm, anchor: Anchor, how?: { keyboard?: boolean }): void;
  hide(): void;
  readonly visible: boolean;
  /** The term shown now, if any. */
  readonly termId: string | undefined;
  /** Whether an event's composed path goes through the tooltip (the pointer is on the card). */
  contains(path: readonly EventTarget[]): boolean;
  /**
   * Builds the card's host and tippy instance ahead of the first show (during the hover delay), and
   * renders `term`'s card into it while no card is showing, so that the show only has to open it.
   */
  prepare?(term?: CardTerm): void;
}

export interface TooltipOptions {
  doc: Document;
  signal: AbortSignal;
  learnMoreUrl?: (term: CardTerm) => string | undefined;
  /** Loads an entry's picture for the card; omitted when pictures are off. */
  loadPicture?: PictureLoader;
}

/**
 * One tippy instance inside one shadow root, created on first use: the only element the extension
 * adds to a page. Page CSS cannot restyle it, and its CSS cannot leak out.
 */
export function createTooltip({ doc, signal, learnMoreUrl, loadPicture }: TooltipOptions): Tooltip {
  let host: HTMLElement | undefined;
  let instance: Instance | undefined;
  let content: HTMLElement | undefined;
  let live: HTMLElement | undefined;
  let anchor: Anchor | undefined;
  let shownId: string | undefined;
  /** The term whose card the content holds (rendered ahead by `prepare`, or shown). */
  let renderedId: string | undefined;
  /** Where focus was when a keyboard command opened the card, to go back to on Escape. */
  let returnTo: Element | null = null;
  let byKeyboard = false;

  const focusInCard = (): boolean => !!host?.shadowRoot?.activeElement;
  // Marks are not elements, so they cannot take focus: after a keyboard command shows a card,
  // Tab goes into it (to its buttons and "Learn more") rather than on through the page.
  doc.addEventListener(
    'keydown',
    (e) => {
      if (e.key !== 'Tab' || e.shiftKey || !byKeyboard || !instance?.state.isVisible || focusInCard()) return;
      const first = content?.querySelector<HTMLElement>('button:not([disabled]), a[href]');
      if (!first) return;
      e.preventDefault();
      first.focus();
    },
    { capture: true, signal },
  );

  const build = (): Instance => {
    host = doc.createElement(HOST_TAG);
    // A manual popover lives in the browser's top layer: above any z-index, and above a page's
    // own modal dialogs too when raised again on each show.
    host.setAttribute('popover', 'manual');
    const shadow = host.attachShadow({ mode: 'open' });
    adoptStyles(shadow, `${tippyCss}\n${cardCss}`);
    const container = doc.createElement('div');
    container.className = 'hg-layer';
    content = doc.createElement('div');
    live = doc.createElement('div');
    live.className = 'hg-live';
    live.setAttribute('aria-live', 'polite');
    shadow.append(container, live);
    // Outside <body>, so the page's body markup stays exactly as the page made it.
    doc.documentElement.append(host);
    instance = tippy(host, {
      content,
      appendTo: () => container,
      getReferenceClientRect: () => rectFor(anchor),
      interactive: true,
      trigger: 'manual',
      placement: 'top',
      maxWidth: 340,
      theme: 'health-glossary',
      arrow: true,
      // A short fade; none at all for readers who ask for less motion.
      duration: doc.defaultView?.matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : [150, 100],
      offset: [0, 10],
      aria: { content: 'describedby', expanded: false },
      popperOptions: {
        strategy: 'fixed',
        modifiers: [
          { name: 'flip', options: { fallbackPlacements: ['bottom', 'top-start', 'bottom-start'] } },
          { name: 'preventOverflow', options: { padding: 8, altAxis: true } },
        ],
      },
      onHide: () => {
        // Listening stops with the card.
        stopSpeaking();
        // Focus inside a card that is going away would be lost: it goes back where it was.
        if (focusInCard()) {
          (host!.shadowRoot!.activeElement as HTMLElement).blur();
          if (returnTo instanceof HTMLElement && returnTo !== doc.body) returnTo.focus();
        }
        byKeyboard = false;
      },
      onHidden: () => {
        shownId = undefined;
      },
    });
    return instance;
  };

  const renderCard = (term: CardTerm): void => {
    const announce = (message: string): void => {
      live!.textContent = message;
    };
    render(
      <TermCard
        term={term}
        learnMoreUrl={learnMoreUrl?.(term)}
        loadPicture={loadPicture}
        actions={<CardActions key={term.id} term={term} announce={announce} />}
      />,
      content!,
    );
    renderedId = term.id;
  };

  signal.addEventListener(
    'abort',
    () => {
      // The host first: whatever fails below (an extension gone leaves its APIs throwing), the card goes.
      host?.remove();
      instance?.destroy();
      if (content) render(null, content);
    },
    { once: true },
  );

  return {
    show(term, at, how) {
      if (signal.aborted) return;
      const tip = instance ?? build();
      anchor = at;
      byKeyboard = how?.keyboard === true;
      if (byKeyboard && !focusInCard()) returnTo = doc.activeElement;
      if (renderedId !== term.id) renderCard(term);
      // Said once the card opens, not when it was rendered ahead.
      if (shownId !== term.id) live!.textContent = `${term.term}: ${term.definition}`;
      shownId = term.id;
      raise(host!);
      tip.popperInstance?.update();
      tip.show();
    },
    hide() {
      instance?.hide();
    },
    get visible() {
      return instance?.state.isVisible ?? false;
    },
    get termId() {
      return shownId;
    },
    contains(path) {
      return host !== undefined && path.includes(host);
    },
    prepare(term) {
      if (signal.aborted) return;
      const tip = instance ?? build();
      // A card on screen (or fading out) keeps its content until the pointer's new term is due.
      if (term && !tip.state.isMounted && renderedId !== term.id) renderCard(term);
    },
  };
}

/** Puts the host at the top of the top layer (last shown wins); a no-op where popovers are missing. */
function raise(host: HTMLElement): void {
  try {
    if (host.matches(':popover-open')) host.hidePopover();
    host.showPopover();
  } catch {
    // Without the Popover API the host still sits above the page with the largest z-index.
  }
}

/** The line box of the range nearest the pointer, so a wrapped term gets its card by the right line. */
function rectFor(anchor: Anchor | undefined): DOMRect {
  if (!anchor) return new DOMRect();
  const rects = [...anchor.range.getClientRects()];
  const { x, y } = anchor;
  if (x !== undefined && y !== undefined) {
    const hit = rects.find((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom);
    if (hit) return hit;
  }
  return rects[0] ?? anchor.range.getBoundingClientRect();
}

/** Constructable stylesheets are not blocked by a page's style-src CSP; <style> is the fallback. */
function adoptStyles(shadow: ShadowRoot, css: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    const style = shadow.ownerDocument.createElement('style');
    style.textContent = css;
    shadow.append(style);
  }
}
