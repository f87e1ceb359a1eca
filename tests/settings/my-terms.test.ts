import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { TERMS } from '../../glossary/terms';
import {
  knownTermsItem,
  loadKnown,
  loadSaved,
  saveTerm,
  savedTermsItem,
  setKnown,
  setSaved,
  syncBytes,
  unsaveTerm,
} from '../../settings/my-terms';
import { MY_TERMS_LIMITS, parseKnown, parseSaved } from '../../settings/my-terms-parse';

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('parseSaved', () => {
  it('should keep valid entries newest first, each id once', () => {
    expect(
      parseSaved([
        { id: 'kyphosis', at: 10 },
        { id: 'osteoporosis', at: 30 },
        { id: 'kyphosis', at: 20 },
      ]),
    ).toEqual([
      { id: 'osteoporosis', at: 30 },
      { id: 'kyphosis', at: 10 },
    ]);
  });

  it.each([undefined, null, 'kyphosis', 42, { id: 'kyphosis' }, [null, 7, { id: '<script>' }, { at: 5 }]])(
    'should read %j as no saved terms, without throwing',
    (v) => expect(parseSaved(v)).toEqual([]),
  );

  it('should read version 1 (bare ids) as saved at an unknown time, order kept', () => {
    expect(parseSaved(['kyphosis', 'dxa-scan'])).toEqual([
      { id: 'kyphosis', at: 0 },
      { id: 'dxa-scan', at: 0 },
    ]);
  });

  it('should drop a bad date but keep the term', () => {
    expect(parseSaved([{ id: 'kyphosis', at: 'yesterday' }])).toEqual([{ id: 'kyphosis', at: 0 }]);
  });
});

describe('parseKnown', () => {
  it('should keep ids once and drop anything else', () => {
    expect(parseKnown(['kyphosis', 3, 'kyphosis', 'Bad Id', 'sciatica'])).toEqual(['kyphosis', 'sciatica']);
    expect(parseKnown({ kyphosis: true })).toEqual([]);
  });
});

describe('storage limits', () => {
  it('should fit the most saved terms, of the longest ids, in one sync item', () => {
    const longest = [...TERMS].sort((a, b) => b.id.length - a.id.length);
    const list = Array.from({ length: MY_TERMS_LIMITS.savedTerms }, (_, i) => ({
      id: longest[i % longest.length]!.id,
      at: 1_800_000_000_000,
    }));
    expect(syncBytes('savedTerms', list)).toBeLessThan(MY_TERMS_LIMITS.syncItemBytes);
  });

  it('should fit every glossary entry in the known list', () => {
    expect(
      syncBytes(
        'knownTerms',
        TERMS.map((t) => t.id),
      ),
    ).toBeLessThan(MY_TERMS_LIMITS.syncItemBytes);
  });
});

describe('saving terms', () => {
  it('should put a saved term first, and again first when saved again', async () => {
    expect(await saveTerm('kyphosis', 1)).toEqual({ ok: true });
    expect(await saveTerm('sciatica', 2)).toEqual({ ok: true });
    await saveTerm('kyphosis', 3);
    expect((await loadSaved()).map((s) => s.id)).toEqual(['kyphosis', 'sciatica']);
    await unsaveTerm('kyphosis');
    expect((await loadSaved()).map((s) => s.id)).toEqual(['sciatica']);
  });

  it('should refuse a term beyond the limit and leave the list as it was', async () => {
    const full = TERMS.slice(0, MY_TERMS_LIMITS.savedTerms).map((t, i) => ({ id: t.id, at: i + 1 }));
    await setSaved(full);
    const extra = TERMS[MY_TERMS_LIMITS.savedTerms]!.id;
    expect(await saveTerm(extra)).toEqual({ ok: false, problem: 'limit' });
    expect(await loadSaved()).toHaveLength(MY_TERMS_LIMITS.savedTerms);
    expect((await loadSaved()).some((s) => s.id === extra)).toBe(false);
  });

  it('should say "full" when sync storage refuses the write, and keep the list', async () => {
    await saveTerm('kyphosis', 1);
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    expect(await saveTerm('sciatica', 2)).toEqual({ ok: false, problem: 'full' });
    vi.restoreAllMocks();
    expect((await loadSaved()).map((s) => s.id)).toEqual(['kyphosis']);
  });

  it('should say "failed" for any other storage error', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('IO error'));
    expect(await saveTerm('sciatica')).toEqual({ ok: false, problem: 'failed' });
  });

  it('should read corrupt stored data as an empty list, and a rejecting read too', async () => {
    await fakeBrowser.storage.sync.set({ savedTerms: { not: 'a list' } });
    expect(await loadSaved()).toEqual([]);
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(new Error('broken'));
    expect(await loadSaved()).toEqual([]);
    expect(await loadKnown()).toEqual([]);
  });

  it('should migrate a version 1 list of bare ids to version 2', async () => {
    await fakeBrowser.storage.sync.set({ savedTerms: ['kyphosis', 'sciatica'], savedTerms$: { v: 1 } });
    await savedTermsItem.migrate();
    expect(await savedTermsItem.getValue()).toEqual([
      { id: 'kyphosis', at: 0 },
      { id: 'sciatica', at: 0 },
    ]);
    expect(await savedTermsItem.getMeta()).toMatchObject({ v: 2 });
  });
});

describe('known terms', () => {
  it('should add and remove a known term', async () => {
    await setKnown('kyphosis', true);
    await setKnown('sciatica', true);
    await setKnown('kyphosis', true);
    expect(await knownTermsItem.getValue()).toEqual(['kyphosis', 'sciatica']);
    await setKnown('kyphosis', false);
    expect(await loadKnown()).toEqual(['sciatica']);
  });
});

describe('lists from another version of the extension', () => {
  it('should read a list a newer version stored, without throwing', async () => {
    // A newer version's format may differ: what this version can read is kept, the rest dropped.
    await fakeBrowser.storage.sync.set({
      savedTerms: [{ id: 'kyphosis', at: 5, note: 'from v3' }, { term: 'dxa-scan' }],
      savedTerms$: { v: 3 },
    });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await savedTermsItem.migrate().catch(() => undefined);
    expect(await loadSaved()).toEqual([{ id: 'kyphosis', at: 5 }]);
  });
});
