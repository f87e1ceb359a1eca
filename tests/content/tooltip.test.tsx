import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { HOST_TAG } from '../../content/scan';
import { createTooltip } from '../../content/tooltip';
import { termById } from '../../glossary/terms';

const kyphosis = termById.get('kyphosis')!;
const lordosis = termById.get('lordosis')!;
// tippy keeps the card's popper on its reference (the host) before it is first mounted.
const cardText = (): string =>
  (document.querySelector(HOST_TAG) as (Element & { _tippy?: { popper: Element } }) | null)?._tippy?.popper.textContent ?? '';
const liveText = (): string => document.querySelector(HOST_TAG)?.shadowRoot?.querySelector('.hg-live')?.textContent ?? '';

let life: AbortController;
beforeEach(() => {
  fakeBrowser.reset();
  life = new AbortController();
  const p = document.createElement('p');
  p.textContent = 'Kyphosis and lordosis.';
  document.body.replaceChildren(p);
});
afterEach(() => life.abort());

const anchorOn = (): { range: Range } => {
  const range = document.createRange();
  range.selectNodeContents(document.querySelector('p')!);
  return { range };
};

describe('createTooltip', () => {
  it('should render a card ahead without opening it or announcing it', () => {
    const tip = createTooltip({ doc: document, signal: life.signal });
    tip.prepare!(kyphosis);
    expect(document.querySelector(HOST_TAG)).not.toBeNull();
    expect(tip.visible).toBe(false);
    expect(tip.termId).toBeUndefined();
    expect(cardText()).toContain(kyphosis.definition);
    expect(liveText()).toBe('');
  });

  it('should announce the card rendered ahead once it opens', () => {
    const tip = createTooltip({ doc: document, signal: life.signal });
    tip.prepare!(kyphosis);
    tip.show(kyphosis, anchorOn());
    expect(tip.visible).toBe(true);
    expect(tip.termId).toBe('kyphosis');
    expect(liveText()).toBe(`${kyphosis.term}: ${kyphosis.definition}`);
  });

  it('should leave a card on screen as it is when another term is rendered ahead', () => {
    const tip = createTooltip({ doc: document, signal: life.signal });
    tip.show(kyphosis, anchorOn());
    tip.prepare!(lordosis);
    expect(cardText()).toContain(kyphosis.definition);
    expect(cardText()).not.toContain(lordosis.definition);
    tip.show(lordosis, anchorOn());
    expect(cardText()).toContain(lordosis.definition);
  });
});
