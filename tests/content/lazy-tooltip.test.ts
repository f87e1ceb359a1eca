import { describe, expect, it, vi } from 'vitest';
import { createLazyTooltip, type CardModule } from '../../content/lazy-tooltip';
import type { Tooltip } from '../../content/tooltip';
import { entry } from '../support/terms';

/** A card module whose load the test resolves by hand, and a tooltip that records what it shows. */
function fakeCard() {
  const shown: string[] = [];
  const prepared: (string | undefined)[] = [];
  const tooltip: Tooltip = {
    show: (term) => void shown.push(term.id),
    prepare: (term) => void prepared.push(term?.id),
    hide: () => undefined,
    visible: false,
    termId: undefined,
    contains: () => false,
  };
  let release!: () => void;
  const loaded = new Promise<void>((r) => (release = r));
  const created: { loadPicture?: unknown }[] = [];
  const loadPicture = async () => '<svg/>';
  const mod = {
    loadPicture,
    createTooltip: (o: { loadPicture?: unknown }) => (created.push(o), tooltip),
    lookupCard: (id: string) => (id === 'kyphosis' ? entry(id, 'kyphosis') : undefined),
  } as unknown as CardModule;
  const load = vi.fn(() => loaded.then(() => mod));
  return { shown, prepared, load, release, created, loadPicture };
}

const anchor = { range: document.createRange() };
const opts = () => ({ doc: document, signal: new AbortController().signal });

describe('createLazyTooltip', () => {
  it('should not load the card until it is wanted', () => {
    const card = fakeCard();
    createLazyTooltip(opts(), card.load);
    expect(card.load).not.toHaveBeenCalled();
  });

  it('should show the card once loaded, loading it once', async () => {
    const card = fakeCard();
    const tip = createLazyTooltip(opts(), card.load);
    tip.preload();
    const shown = tip.show('kyphosis', anchor);
    card.release();
    await shown;
    await tip.show('kyphosis', anchor);
    expect(card.shown).toEqual(['kyphosis', 'kyphosis']);
    expect(card.load).toHaveBeenCalledTimes(1);
  });

  it("should render the pointed term's card ahead, while the hover delay runs", async () => {
    const card = fakeCard();
    const tip = createLazyTooltip(opts(), card.load);
    tip.preload('kyphosis');
    card.release();
    await vi.waitFor(() => expect(card.prepared).toEqual(['kyphosis']));
    expect(card.shown).toEqual([]);
    // A keyboard jump knows no term yet: the card is only built.
    tip.preload();
    await vi.waitFor(() => expect(card.prepared).toEqual(['kyphosis', undefined]));
  });

  it('should not render ahead once a show or hide came first', async () => {
    const card = fakeCard();
    const tip = createLazyTooltip(opts(), card.load);
    tip.preload('kyphosis');
    tip.hide();
    card.release();
    await tip.show('kyphosis', anchor);
    expect(card.prepared).toEqual([]);
    expect(card.shown).toEqual(['kyphosis']);
  });

  it('should not open a card that finished loading after a hide', async () => {
    const card = fakeCard();
    const tip = createLazyTooltip(opts(), card.load);
    const shown = tip.show('kyphosis', anchor);
    tip.hide();
    card.release();
    await shown;
    expect(card.shown).toEqual([]);
  });

  it('should try again after a failed load', async () => {
    const card = fakeCard();
    const load = vi.fn().mockRejectedValueOnce(new Error('gone')).mockImplementation(card.load);
    const tip = createLazyTooltip(opts(), load);
    tip.preload();
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(1));
    await Promise.resolve();
    card.release();
    await tip.show('kyphosis', anchor);
    expect(card.shown).toEqual(['kyphosis']);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('should give the card its picture loader only when pictures are on', async () => {
    for (const pictures of [true, false]) {
      const card = fakeCard();
      const tip = createLazyTooltip({ ...opts(), pictures }, card.load);
      card.release();
      await tip.show('kyphosis', anchor);
      expect(card.created[0]!.loadPicture).toBe(pictures ? card.loadPicture : undefined);
    }
  });
});
