import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Highlighter } from '../../content/highlighter';
import { startSession } from '../../content/session';

/** A stand-in highlighter that records how the session drove it. */
function recorder() {
  const started: { markStyle: string; firstOnly: boolean; known: ReadonlySet<string> }[] = [];
  const styles: string[] = [];
  const start = vi.fn((_doc: Document, opts: { markStyle: string; firstOnly: boolean; known: ReadonlySet<string> }) => {
    started.push(opts);
    return { setMarkStyle: (s: string) => styles.push(s), setKnown: vi.fn(), counts: () => [] } as unknown as Highlighter;
  });
  return { start, started, styles };
}

describe('startSession', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('should start with the stored settings and known terms, read from storage once', async () => {
    await fakeBrowser.storage.sync.set({ occurrences: 'first', knownTerms: ['kyphosis'] });
    const get = vi.spyOn(fakeBrowser.storage.sync, 'get');
    const r = recorder();
    const s = startSession(document, new AbortController().signal, r.start as never);
    await s.ready;
    expect(get).toHaveBeenCalledTimes(1);
    expect(r.started).toHaveLength(1);
    expect(r.started[0]!.firstOnly).toBe(true);
    expect([...r.started[0]!.known]).toEqual(['kyphosis']);
    vi.restoreAllMocks();
  });

  it('should restyle live, and not start at all on a site the reader turned off', async () => {
    const r = recorder();
    const ctl = new AbortController();
    await startSession(document, ctl.signal, r.start as never).ready;
    await fakeBrowser.storage.sync.set({ markStyle: 'background' });
    await vi.waitFor(() => expect(r.styles).toEqual(['background']));
    expect(r.started).toHaveLength(1);
    ctl.abort();

    await fakeBrowser.storage.sync.set({ disabledSites: [document.location.hostname || 'localhost'] });
    const off = recorder();
    await startSession(document, new AbortController().signal, off.start as never).ready;
    expect(off.started).toHaveLength(0);
  });
});
