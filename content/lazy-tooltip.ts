import type { Anchor, Tooltip, TooltipOptions } from './tooltip';

/** The card as the engine sees it: shown by term id, its code and texts loaded on first use. */
export interface LazyTooltip {
  /**
   * Starts loading the card (the pointer reached a term): it is ready when the hover delay ends,
   * with `termId`'s card already rendered.
   */
  preload(termId?: string): void;
  /** Shows the card of `termId` as soon as it is loaded; a later show or hide supersedes it. */
  show(termId: string, anchor: Anchor, how?: { keyboard?: boolean }): Promise<void>;
  hide(): void;
  readonly visible: boolean;
  readonly termId: string | undefined;
  contains(path: readonly EventTarget[]): boolean;
}

export type CardModule = typeof import('./card');

/** The card's options, but pictures as a yes or no: their loader comes with the card's code. */
export type LazyTooltipOptions = Omit<TooltipOptions, 'loadPicture'> & { pictures?: boolean };

/**
 * Wraps the tooltip so that tippy.js, Preact and the card texts load when a card is first wanted,
 * not with the page: most pages never open one.
 */
export function createLazyTooltip(opts: LazyTooltipOptions, loadCard: () => Promise<CardModule>): LazyTooltip {
  let real: Tooltip | undefined;
  let card: CardModule | undefined;
  let loading: Promise<CardModule | undefined> | undefined;
  /** Bumped by every show and hide, so a card that finishes loading late does not open after a hide. */
  let wish = 0;

  /** Resolves to the card module, or undefined when it could not load (tried again next time). */
  const load = (): Promise<CardModule | undefined> =>
    (loading ??= loadCard().then(
      (m) => {
        card = m;
        if (!opts.signal.aborted) real = m.createTooltip({ ...opts, loadPicture: opts.pictures ? m.loadPicture : undefined });
        return m;
      },
      () => {
        loading = undefined;
        return undefined;
      },
    ));

  return {
    preload(termId) {
      const ticket = wish;
      void load().then((m) => {
        // Still within the hover delay (no show or hide since): the show then only opens the card.
        const term = termId === undefined ? undefined : m?.lookupCard(termId);
        if (ticket === wish && !opts.signal.aborted) real?.prepare?.(term);
      });
    },
    async show(termId, anchor, how) {
      const ticket = ++wish;
      if (!card) await load();
      const term = card?.lookupCard(termId);
      if (ticket !== wish || opts.signal.aborted || !term) return;
      real?.show(term, anchor, how);
    },
    hide() {
      wish++;
      real?.hide();
    },
    get visible() {
      return real?.visible ?? false;
    },
    get termId() {
      return real?.termId;
    },
    contains(path) {
      return real?.contains(path) ?? false;
    },
  };
}
