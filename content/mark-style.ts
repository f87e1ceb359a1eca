import type { MarkStyle } from '../settings/parse';

/**
 * Highlight names, one per look; `content/marks.css` styles each with `::highlight(<name>)`. The same
 * Highlight object is registered under the name that fits the setting and the page's background.
 */
export const HIGHLIGHT_NAMES = {
  underline: 'health-glossary',
  'underline-dark': 'health-glossary-dark',
  background: 'health-glossary-soft',
  'background-dark': 'health-glossary-soft-dark',
} as const;
/** What every highlight name of the extension begins with (tests look for all of them by it). */
export const HIGHLIGHT_PREFIX = 'health-glossary';

/** Parses `rgb()`/`rgba()` as computed styles report it. */
export function parseRgb(color: string): { r: number; g: number; b: number; a: number } | undefined {
  const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)/.exec(color);
  if (!m) return undefined;
  const a = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
  return { r: +m[1]!, g: +m[2]!, b: +m[3]!, a };
}

/** Relative luminance (WCAG) of an sRGB colour, 0 (black) to 1 (white). */
export function luminance({ r, g, b }: { r: number; g: number; b: number }): number {
  const lin = (c: number): number => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/**
 * Whether the page is dark: the first opaque background among body and html, else the
 * browser's own canvas (dark only when the page opts into a dark colour scheme).
 */
export function isDarkPage(doc: Document): boolean {
  const win = doc.defaultView;
  if (!win) return false;
  for (const el of [doc.body, doc.documentElement]) {
    if (!el) continue;
    const c = parseRgb(win.getComputedStyle(el).backgroundColor);
    if (c && c.a > 0.5) return luminance(c) < 0.2;
  }
  return (
    win.getComputedStyle(doc.documentElement).colorScheme.includes('dark') &&
    win.matchMedia('(prefers-color-scheme: dark)').matches
  );
}

/** The highlight name for a mark style on a light or dark page; undefined when marks are off. */
export function highlightName(style: MarkStyle, dark: boolean): string | undefined {
  if (style === 'off') return undefined;
  return HIGHLIGHT_NAMES[dark ? (`${style}-dark` as const) : style];
}
