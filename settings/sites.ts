import { isSiteDisabled, normalizeSite } from './parse';

/** The site a tab shows, as stored in the never-run list; undefined for pages that are not web sites. */
export function siteOfUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? normalizeSite(u.hostname) : undefined;
  } catch {
    return undefined;
  }
}

export type AddSiteResult =
  { ok: true; site: string; sites: string[] } | { ok: false; reason: 'invalid' | 'duplicate'; site?: string };

/** The list with what the user typed added, or why it was not: a pure step the options page shows. */
export function addSite(sites: readonly string[], input: string): AddSiteResult {
  const site = normalizeSite(input);
  if (!site) return { ok: false, reason: 'invalid' };
  if (sites.includes(site)) return { ok: false, reason: 'duplicate', site };
  return { ok: true, site, sites: [...sites, site].sort() };
}

/** The list without `site`. */
export function removeSite(sites: readonly string[], site: string): string[] {
  return sites.filter((s) => s !== site);
}

/**
 * The list with `site` switched on or off, for the popup's per-site switch. Switching on removes
 * every entry that covers the site (a listed example.com also turns off news.example.com).
 */
export function toggleSite(sites: readonly string[], site: string, on: boolean): string[] {
  if (on) return sites.filter((s) => !isSiteDisabled(site, [s]));
  return isSiteDisabled(site, sites) ? [...sites] : [...sites, site].sort();
}
