import { describe, expect, it } from 'vitest';
import { noAccessReason } from '../../components/page-access';

const OWN = 'chrome-extension://abc/';

describe('noAccessReason', () => {
  it('should say nothing for a page that answered as a web page', () => {
    expect(noAccessReason({ counts: [] }, 'https://example.org/', OWN)).toBeUndefined();
    expect(noAccessReason({ counts: [['kyphosis', 2]] }, undefined, OWN)).toBeUndefined();
  });

  it('should pass on what the content script said about its document', () => {
    expect(noAccessReason({ counts: [], unsupported: 'pdf' }, undefined, OWN)).toBe('pdf');
    expect(noAccessReason({ counts: [], unsupported: 'document' }, 'https://example.org/a.svg', OWN)).toBe('document');
    expect(noAccessReason({ counts: [], unsupported: 'old-browser' }, undefined, OWN)).toBe('old-browser');
  });

  it.each([
    ['view-source:https://example.org/', 'source'],
    ['chrome://settings/', 'browser-page'],
    ['about:newtab', 'browser-page'],
    ['moz-extension://other/page.html', 'browser-page'],
    [`${OWN}glossary.html`, 'own-page'],
    ['file:///home/me/notes.html', 'file'],
    ['https://chromewebstore.google.com/detail/x', 'store'],
    ['https://chrome.google.com/webstore/category/extensions', 'store'],
    ['https://addons.mozilla.org/en-US/firefox/', 'store'],
    ['https://example.org/files/Report.PDF', 'pdf'],
    ['https://example.org/article', 'reload'],
    ['https://chrome.google.com/search', 'reload'],
    ['data:text/html,hi', 'unknown'],
    ['not a url', 'unknown'],
  ] as const)('should tell why %s has no answer: %s', (url, reason) => {
    expect(noAccessReason(undefined, url, OWN)).toBe(reason);
  });

  it('should fall back to the general reason when the browser hides the address', () => {
    expect(noAccessReason(undefined, undefined, OWN)).toBe('unknown');
  });
});
