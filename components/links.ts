import { browser } from 'wxt/browser';

/** The glossary page, at an entry (`glossary.html#kyphosis`) or with a search (`?q=`). */
export function glossaryUrl(opts: { termId?: string; query?: string } = {}): string {
  const base = browser.runtime.getURL('/glossary.html');
  const q = opts.query ? `?q=${encodeURIComponent(opts.query)}` : '';
  const hash = opts.termId ? `#${encodeURIComponent(opts.termId)}` : '';
  return `${base}${q}${hash}`;
}
