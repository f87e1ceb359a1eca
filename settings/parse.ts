/**
 * Pure checks for stored settings: storage may hold anything (an old version, a hand-edited value,
 * another extension's bug), so every read goes through one of these and falls back to the default.
 */

export const MARK_STYLES = ['underline', 'background', 'off'] as const;
export type MarkStyle = (typeof MARK_STYLES)[number];
export const OCCURRENCES = ['all', 'first'] as const;
export type Occurrences = (typeof OCCURRENCES)[number];

export const DEFAULTS = {
  enabled: true,
  disabledSites: [] as string[],
  markStyle: 'underline' as MarkStyle,
  occurrences: 'all' as Occurrences,
  tooltipDelay: 300,
  showPictures: true,
};
export type Settings = typeof DEFAULTS;

export const MAX_TOOLTIP_DELAY = 2000;

export const parseEnabled = (v: unknown): boolean => (typeof v === 'boolean' ? v : DEFAULTS.enabled);

export const parseShowPictures = (v: unknown): boolean => (typeof v === 'boolean' ? v : DEFAULTS.showPictures);

export const parseMarkStyle = (v: unknown): MarkStyle =>
  MARK_STYLES.includes(v as MarkStyle) ? (v as MarkStyle) : DEFAULTS.markStyle;

export const parseOccurrences = (v: unknown): Occurrences =>
  OCCURRENCES.includes(v as Occurrences) ? (v as Occurrences) : DEFAULTS.occurrences;

export const parseTooltipDelay = (v: unknown): number =>
  typeof v === 'number' && Number.isFinite(v) ? Math.min(MAX_TOOLTIP_DELAY, Math.max(0, Math.round(v))) : DEFAULTS.tooltipDelay;

/** A site as the user means it: a hostname, lower-cased, without "www." or a port. */
export function normalizeSite(input: string): string | undefined {
  let s = input.trim().toLowerCase();
  if (!s) return undefined;
  try {
    s = new URL(s.includes('://') ? s : `http://${s}`).hostname;
  } catch {
    return undefined;
  }
  s = s.replace(/^www\./, '');
  return (/^[a-z0-9.-]+$/.test(s) && s.includes('.')) || s === 'localhost' || /^[\d.]+$/.test(s) ? s : undefined;
}

export const parseSites = (v: unknown): string[] =>
  Array.isArray(v)
    ? [...new Set(v.flatMap((s) => (typeof s === 'string' ? (normalizeSite(s) ?? []) : [])))]
    : DEFAULTS.disabledSites;

/** Whether the extension is off for a page's hostname (a listed site also covers its subdomains). */
export function isSiteDisabled(hostname: string, sites: readonly string[]): boolean {
  const host = hostname.toLowerCase().replace(/^www\./, '');
  return sites.some((s) => host === s || host.endsWith(`.${s}`));
}
