import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { SETTINGS } from '../../settings/items';
import { knownTermsItem } from '../../settings/my-terms';
import { loadPageSettings, SETTING_KEYS, watchKnown } from '../../settings/page-settings';
import { DEFAULTS } from '../../settings/parse';

describe('loadPageSettings (what a page reads)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('should read the settings and the known terms in one storage call', async () => {
    await SETTINGS.markStyle.item.setValue('background');
    await knownTermsItem.setValue(['kyphosis']);
    const get = vi.spyOn(fakeBrowser.storage.sync, 'get');
    const read = await loadPageSettings();
    expect(get).toHaveBeenCalledTimes(1);
    expect(read).toEqual({ settings: { ...DEFAULTS, markStyle: 'background' }, known: ['kyphosis'] });
    vi.restoreAllMocks();
  });

  it('should read the keys the extension pages write through their items', () => {
    for (const [name, key] of Object.entries(SETTING_KEYS)) expect(SETTINGS[name as keyof typeof SETTINGS].item.key).toBe(key);
  });

  it('should give the defaults and no known terms when the read fails or holds junk', async () => {
    await fakeBrowser.storage.sync.set({ knownTerms: 'not a list', tooltipDelay: 'soon' });
    expect(await loadPageSettings()).toEqual({ settings: DEFAULTS, known: [] });
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(new Error('storage is broken'));
    expect(await loadPageSettings()).toEqual({ settings: DEFAULTS, known: [] });
    vi.restoreAllMocks();
  });

  it('should tell a watcher the known terms, checked', async () => {
    const seen: string[][] = [];
    const stop = watchKnown((ids) => seen.push(ids));
    await fakeBrowser.storage.sync.set({ knownTerms: ['kyphosis', 42, 'Not An Id'] });
    await vi.waitFor(() => expect(seen.at(-1)).toEqual(['kyphosis']));
    stop();
  });
});
