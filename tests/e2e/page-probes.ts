// Functions evaluated inside the page under test (main world). They read what the extension
// did through public page APIs only: the CSS highlight registry and the tooltip's open shadow root.

export const HIGHLIGHT = 'health-glossary';
export const HOST = 'health-glossary-tooltip';

/** The text of every marked range, in insertion order. */
export function markedTexts(name: string): string[] {
  const h = CSS.highlights.get(name);
  return h ? [...h].map((r) => (r as Range).toString()) : [];
}

/** Whether any marked range lies inside an element matching `selector`. */
export function marksInside({ name, selector }: { name: string; selector: string }): string[] {
  const h = CSS.highlights.get(name);
  if (!h) return [];
  const out: string[] = [];
  for (const r of h) {
    const node = (r as Range).startContainer;
    const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
    if (el?.closest(selector)) out.push((r as Range).toString());
  }
  return out;
}

/** Centre of the first marked range whose text is `text` (viewport coordinates). */
export function markCenter({ name, text }: { name: string; text: string }): { x: number; y: number } | null {
  const h = CSS.highlights.get(name);
  if (!h) return null;
  for (const r of h) {
    if ((r as Range).toString() !== text) continue;
    const rect = (r as Range).getClientRects()[0];
    if (rect) return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }
  return null;
}

/** Visible text of the tooltip card, or '' when none is shown. */
export function tooltipText(host: string): string {
  const box = document.querySelector(host)?.shadowRoot?.querySelector('.tippy-box');
  if (!box) return '';
  const root = box.closest('[data-tippy-root]') as HTMLElement | null;
  if (root && getComputedStyle(root).visibility === 'hidden') return '';
  return (box as HTMLElement).innerText ?? box.textContent ?? '';
}

/** Geometry and style facts about the shown tooltip, to prove it is styled and on top. */
export function tooltipFacts(host: string): {
  rect: { top: number; left: number; bottom: number; right: number };
  background: string;
  topElementIsHost: boolean;
} | null {
  const box = document.querySelector(host)?.shadowRoot?.querySelector('.tippy-box') as HTMLElement | null;
  if (!box) return null;
  const r = box.getBoundingClientRect();
  const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return {
    rect: { top: r.top, left: r.left, bottom: r.bottom, right: r.right },
    background: getComputedStyle(box).backgroundColor,
    topElementIsHost: top?.localName === host,
  };
}

/** Whether the tooltip card is shown (tippy's visible state on a laid-out box). */
export function tooltipVisible(host: string): boolean {
  const box = document.querySelector(host)?.shadowRoot?.querySelector('.tippy-box[data-state="visible"]');
  if (!box) return false;
  const root = box.closest('[data-tippy-root]');
  // Fully faded in, so screenshots show the finished card.
  return !!root && getComputedStyle(root).visibility !== 'hidden' && getComputedStyle(box).opacity === '1' && box.getBoundingClientRect().height > 0;
}
