import type { TermsReply, Unsupported } from '../messaging/protocol';

/** Why the popup has no terms to show for a tab, each with its own plain message (onPageWhy*). */
export type NoAccessReason = Unsupported | 'source' | 'browser-page' | 'own-page' | 'store' | 'file' | 'reload' | 'unknown';

/** Add-on stores, where browsers let no extension run. */
const STORES: readonly [host: string, path: string][] = [
  ['chromewebstore.google.com', '/'],
  ['chrome.google.com', '/webstore'],
  ['addons.mozilla.org', '/'],
  ['microsoftedge.microsoft.com', '/addons'],
];
/** Schemes of the browser's own pages and of other extensions. */
const BROWSER_SCHEMES = new Set([
  'chrome:',
  'about:',
  'edge:',
  'brave:',
  'opera:',
  'vivaldi:',
  'resource:',
  'chrome-extension:',
  'moz-extension:',
]);

/**
 * Why a tab's content script gave no terms, from its reply and the tab's URL (known only where the
 * browser shows it: Firefox for the sites the content script runs on; undefined otherwise).
 * Undefined when the page answered as an ordinary web page.
 */
export function noAccessReason(
  reply: TermsReply | undefined,
  url: string | undefined,
  ownBase: string,
): NoAccessReason | undefined {
  if (reply) return reply.unsupported;
  if (url === undefined) return 'unknown';
  if (url.startsWith('view-source:')) return 'source';
  if (ownBase && url.startsWith(ownBase)) return 'own-page';
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'unknown';
  }
  if (u.protocol === 'file:') return 'file';
  if (BROWSER_SCHEMES.has(u.protocol)) return 'browser-page';
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return 'unknown';
  if (STORES.some(([host, path]) => u.hostname === host && u.pathname.startsWith(path))) return 'store';
  // Firefox shows PDF files in its own viewer, where no content script runs.
  if (/\.pdf$/i.test(u.pathname)) return 'pdf';
  return 'reload';
}
