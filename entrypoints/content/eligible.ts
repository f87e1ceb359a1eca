/**
 * Whether the content script should look at this document at all, from what it can tell without
 * reading the page's text or storage: an HTML document (not SVG, XML, whose Chromium viewer rebuilds
 * the page as XHTML, or a text file), an engine with the Highlight API, and not a frame from another
 * site (ads, embeds); same-site frames are the page's own (embedded readers).
 */
export function isEligibleDocument(doc: Document): boolean {
  if (doc.contentType !== 'text/html' || typeof Highlight === 'undefined') return false;
  const win = doc.defaultView;
  return !!win && !isCrossOriginFrame(win);
}

function isCrossOriginFrame(win: Window): boolean {
  if (win === win.top) return false;
  try {
    return win.top?.location.href === undefined;
  } catch {
    return true;
  }
}
