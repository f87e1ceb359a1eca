import { describe, expect, it } from 'vitest';
import { addSite, removeSite, siteOfUrl, toggleSite } from '../../settings/sites';

describe('sites', () => {
  it.each([
    ['https://www.example.com/a/b', 'example.com'],
    ['http://localhost:5173/', 'localhost'],
    ['chrome://extensions/', undefined],
    ['about:blank', undefined],
    ['moz-extension://abc/popup.html', undefined],
    ['file:///home/me/a.html', undefined],
    ['', undefined],
    [undefined, undefined],
    ['not a url', undefined],
  ])('should find the site of %j: %j', (url, site) => {
    expect(siteOfUrl(url)).toBe(site);
  });

  it.each([
    [[], 'Example.com', { ok: true, site: 'example.com', sites: ['example.com'] }],
    [['b.org'], 'https://a.org/x', { ok: true, site: 'a.org', sites: ['a.org', 'b.org'] }],
    [['a.org'], 'www.a.org', { ok: false, reason: 'duplicate', site: 'a.org' }],
    [[], 'not a site', { ok: false, reason: 'invalid' }],
    [[], '', { ok: false, reason: 'invalid' }],
  ])('should add to %j the input %j', (sites, input, result) => {
    expect(addSite(sites, input)).toEqual(result);
  });

  it('should remove a site', () => {
    expect(removeSite(['a.org', 'b.org'], 'a.org')).toEqual(['b.org']);
  });

  it.each([
    [[], 'a.org', false, ['a.org']],
    [['a.org'], 'a.org', false, ['a.org']],
    [['a.org', 'b.org'], 'a.org', true, ['b.org']],
    // Switching a subdomain back on removes the parent entry that covered it.
    [['example.com'], 'news.example.com', true, []],
    [['b.org'], 'a.org', true, ['b.org']],
  ])('should toggle %j for %s to on=%s: %j', (sites, site, on, out) => {
    expect(toggleSite(sites, site, on)).toEqual(out);
  });
});
