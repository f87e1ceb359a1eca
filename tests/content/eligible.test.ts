import { afterEach, describe, expect, it, vi } from 'vitest';
import { whyNotMarked } from '../../content/eligible';

/** A document as the content script sees it, with the type and window it is given. */
const docOf = (contentType: string, win: unknown = window): Document =>
  ({ contentType, defaultView: win }) as unknown as Document;

describe('whyNotMarked', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('should mark an HTML page in a browser with the Highlight API', () => {
    vi.stubGlobal('Highlight', class {});
    expect(whyNotMarked(document)).toBeUndefined();
  });

  it('should name a PDF viewer, a file shown as it is and a browser without the Highlight API', () => {
    vi.stubGlobal('Highlight', class {});
    expect(whyNotMarked(docOf('application/pdf'))).toBe('pdf');
    expect(whyNotMarked(docOf('image/svg+xml'))).toBe('document');
    expect(whyNotMarked(docOf('text/plain'))).toBe('document');
    vi.stubGlobal('Highlight', undefined);
    expect(whyNotMarked(document)).toBe('old-browser');
  });

  it('should leave a frame from another site, or a document without a window, alone', () => {
    vi.stubGlobal('Highlight', class {});
    const top = {
      get location(): Location {
        throw new DOMException('cross-origin', 'SecurityError');
      },
    };
    const frame = { top };
    expect(whyNotMarked(docOf('text/html', frame))).toBe('frame');
    expect(whyNotMarked(docOf('application/pdf', frame))).toBe('frame');
    expect(whyNotMarked(docOf('text/html', null))).toBe('frame');
  });
});
