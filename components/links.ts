import { browser } from 'wxt/browser';

/** The glossary page, at an entry (`glossary.html#kyphosis`) or with a search (`?q=`). */
export function glossaryUrl(opts: { termId?: string; query?: string } = {}): string {
  const base = browser.runtime.getURL('/glossary.html');
  const q = opts.query ? `?q=${encodeURIComponent(opts.query)}` : '';
  const hash = opts.termId ? `#${encodeURIComponent(opts.termId)}` : '';
  return `${base}${q}${hash}`;
}

/** The visit sheet, with the terms of the page the reader was on (`?page=id1,id2`) when there are any. */
export function visitSheetUrl(pageTermIds: readonly string[] = []): string {
  const base = browser.runtime.getURL('/visit-sheet.html');
  return pageTermIds.length > 0 ? `${base}?page=${pageTermIds.map(encodeURIComponent).join(',')}` : base;
}

/** Where the extension's own pages live (`chrome-extension://<id>/`), to tell them from other tabs. */
export function ownPagesBase(): string {
  return browser.runtime.getURL('/');
}
