import type { Unsupported } from '../messaging/protocol';

/**
 * Whether the content script should look at this document at all, from what it can tell without
 * reading the page's text or storage: an HTML document (not SVG, XML, whose Chromium viewer rebuilds
 * the page as XHTML, or a text file), an engine with the Highlight API, and not a frame from another
 * site (ads, embeds); same-site frames are the page's own (embedded readers).
 * Returns why it is not (undefined: it is). A frame from another site, or no window, is left alone
 * without a word; the rest the popup explains to the reader (`Unsupported`).
 */
export function whyNotMarked(doc: Document): Unsupported | 'frame' | undefined {
  const win = doc.defaultView;
  if (!win || isCrossOriginFrame(win)) return 'frame';
  // Chromium's PDF viewer is a document of the PDF's own type, with the viewer embedded in it.
  if (doc.contentType === 'application/pdf') return 'pdf';
  if (doc.contentType !== 'text/html') return 'document';
  if (typeof Highlight === 'undefined') return 'old-browser';
  return undefined;
}

function isCrossOriginFrame(win: Window): boolean {
  if (win === win.top) return false;
  try {
    return win.top?.location.href === undefined;
  } catch {
    return true;
  }
}
