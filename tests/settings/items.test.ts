import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { loadSettings, needsRestart, resetSettings, SETTINGS, watchSettings } from '../../settings/items';
import { DEFAULTS, type Settings } from '../../settings/parse';

// What another version, a hand edit or a bug may have left in sync storage (keys without "sync:").
const CORRUPT: [string, unknown][] = [
  ['a string', 'garbage'],
  ['a huge number', 1e308],
  ['NaN', Number.NaN],
  ['null', null],
  ['an object', { nested: { deep: true } }],
  ['an array of junk', [null, 3, {}, 'not a site at all', '']],
  ['a boolean', false],
  ['a negative number', -5],
  ['a very long string', 'x'.repeat(100_000)],
];

describe('stored settings', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('should give the defaults when nothing is stored', async () => {
    expect(await loadSettings()).toEqual(DEFAULTS);
  });

  it('should give the defaults, without throwing, when the storage read itself fails', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(new Error('storage is broken'));
    expect(await loadSettings()).toEqual(DEFAULTS);
    vi.restoreAllMocks();
  });

  it.each(CORRUPT)('should fall back to defaults, without throwing, when every value is %s', async (_name, value) => {
    await fakeBrowser.storage.sync.set({
      enabled: value,
      disabledSites: value,
      markStyle: value,
      occurrences: value,
      tooltipDelay: value,
      showPictures: value,
    });
    const s = await loadSettings();
    // Each field is either its default or a value of its own type that parse accepted.
    expect(typeof s.enabled).toBe('boolean');
    expect(typeof s.showPictures).toBe('boolean');
    expect(['underline', 'background', 'off']).toContain(s.markStyle);
    expect(['all', 'first']).toContain(s.occurrences);
    expect(Number.isFinite(s.tooltipDelay)).toBe(true);
    expect(s.tooltipDelay).toBeGreaterThanOrEqual(0);
    expect(s.tooltipDelay).toBeLessThanOrEqual(2000);
    expect(Array.isArray(s.disabledSites)).toBe(true);
    expect(s.disabledSites.every((x) => typeof x === 'string')).toBe(true);
  });

  it.each([
    ['enabled', 'yes', { enabled: true }],
    ['showPictures', false, { showPictures: false }],
    ['showPictures', 'no', { showPictures: true }],
    ['markStyle', 'UNDERLINE', { markStyle: 'underline' }],
    ['markStyle', 'sparkles', { markStyle: 'underline' }],
    ['occurrences', 2, { occurrences: 'all' }],
    ['tooltipDelay', '900', { tooltipDelay: 300 }],
    ['tooltipDelay', 1e12, { tooltipDelay: 2000 }],
    ['tooltipDelay', -40, { tooltipDelay: 0 }],
    ['tooltipDelay', 412.6, { tooltipDelay: 413 }],
    ['tooltipDelay', Infinity, { tooltipDelay: 300 }],
    ['disabledSites', 'example.com', { disabledSites: [] }],
    ['disabledSites', ['https://www.Example.com/page', 'example.com', 42, 'nope nope'], { disabledSites: ['example.com'] }],
  ] as [string, unknown, Partial<Settings>][])('should read a stored %s of %j as %j', async (key, value, expected) => {
    await fakeBrowser.storage.sync.set({ [key]: value });
    expect(await loadSettings()).toEqual({ ...DEFAULTS, ...expected });
  });

  it('should read back what was written', async () => {
    await SETTINGS.enabled.item.setValue(false);
    await SETTINGS.disabledSites.item.setValue(['example.org']);
    await SETTINGS.markStyle.item.setValue('background');
    await SETTINGS.occurrences.item.setValue('first');
    await SETTINGS.tooltipDelay.item.setValue(1200);
    await SETTINGS.showPictures.item.setValue(false);
    expect(await loadSettings()).toEqual({
      enabled: false,
      disabledSites: ['example.org'],
      markStyle: 'background',
      occurrences: 'first',
      tooltipDelay: 1200,
      showPictures: false,
    });
  });

  it('should go back to the defaults on reset', async () => {
    await SETTINGS.markStyle.item.setValue('off');
    await SETTINGS.disabledSites.item.setValue(['example.org']);
    await resetSettings();
    expect(await loadSettings()).toEqual(DEFAULTS);
  });

  it('should tell a watcher about a change, already checked', async () => {
    const seen: Settings[] = [];
    const stop = watchSettings((s) => seen.push(s));
    await fakeBrowser.storage.sync.set({ markStyle: 42 });
    await SETTINGS.markStyle.item.setValue('background');
    await vi.waitFor(() => expect(seen.at(-1)?.markStyle).toBe('background'));
    expect(seen.every((s) => ['underline', 'background', 'off'].includes(s.markStyle))).toBe(true);
    stop();
  });
});

describe('SETTINGS (one record per setting)', () => {
  it('should have a record for every setting there is a default for', () => {
    expect(Object.keys(SETTINGS).sort()).toEqual(Object.keys(DEFAULTS).sort());
  });

  it('should ask for the page to be marked again only for a change that needs it', () => {
    const base = { ...DEFAULTS };
    expect(needsRestart(base, { ...base, markStyle: 'background' })).toBe(false);
    expect(needsRestart(base, { ...base, enabled: false })).toBe(false);
    expect(needsRestart(base, { ...base, disabledSites: ['example.org'] })).toBe(false);
    expect(needsRestart(base, { ...base, occurrences: 'first' })).toBe(true);
    expect(needsRestart(base, { ...base, tooltipDelay: base.tooltipDelay + 100 })).toBe(true);
    expect(needsRestart(base, { ...base, showPictures: !base.showPictures })).toBe(true);
  });
});
