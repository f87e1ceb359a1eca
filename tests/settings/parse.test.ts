import { describe, expect, it } from 'vitest';
import * as settings from '../../settings/parse';

const JUNK: unknown[] = [undefined, null, '', 'garbage', 0, -1, 1e308, Number.NaN, {}, [], [1, 2], true, Symbol('x'), () => 1];

describe('parse', () => {
  it.each(JUNK.map((v) => [String(typeof v === 'symbol' ? 'symbol' : (JSON.stringify(v) ?? typeof v)), v]))(
    'should never throw and return a valid value for %s',
    (_name, v) => {
      expect([true, false]).toContain(settings.parseEnabled(v));
      expect([true, false]).toContain(settings.parseShowPictures(v));
      expect(['underline', 'background', 'off']).toContain(settings.parseMarkStyle(v));
      expect(['all', 'first']).toContain(settings.parseOccurrences(v));
      const delay = settings.parseTooltipDelay(v);
      expect(delay >= 0 && delay <= 2000).toBe(true);
      expect(Array.isArray(settings.parseSites(v))).toBe(true);
    },
  );

  it.each([
    [true, true],
    [false, false],
    ['false', settings.DEFAULTS.enabled],
    [1, settings.DEFAULTS.enabled],
  ])('should read enabled %j as %j', (v, out) => {
    expect(settings.parseEnabled(v)).toBe(out);
  });

  it.each([
    [true, true],
    [false, false],
    ['false', settings.DEFAULTS.showPictures],
    [0, settings.DEFAULTS.showPictures],
  ])('should read showPictures %j as %j', (v, out) => {
    expect(settings.parseShowPictures(v)).toBe(out);
  });

  it.each([
    ['example.com', 'example.com'],
    ['  WWW.Example.COM  ', 'example.com'],
    ['https://news.example.com:8080/path?q=1#x', 'news.example.com'],
    ['localhost', 'localhost'],
    ['127.0.0.1', '127.0.0.1'],
    ['', undefined],
    ['not a site', undefined],
    ['example', undefined],
    ['javascript:alert(1)', undefined],
    ['ex ample.com', undefined],
    ['🦴.com', 'xn--hu9h.com'],
  ])('should normalise the site %j to %j', (input, out) => {
    expect(settings.normalizeSite(input)).toBe(out);
  });

  it.each([
    ['example.com', ['example.com'], true],
    ['www.example.com', ['example.com'], true],
    ['news.example.com', ['example.com'], true],
    ['badexample.com', ['example.com'], false],
    ['example.com', ['news.example.com'], false],
    ['example.com', [], false],
  ])('should say whether %s is off with list %j: %s', (host, sites, off) => {
    expect(settings.isSiteDisabled(host, sites)).toBe(off);
  });
});
