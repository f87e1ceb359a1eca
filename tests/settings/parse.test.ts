import { describe, expect, it } from 'vitest';
import {
  DEFAULTS,
  isSiteDisabled,
  normalizeSite,
  parseEnabled,
  parseMarkStyle,
  parseOccurrences,
  parseShowPictures,
  parseSites,
  parseTooltipDelay,
} from '../../settings/parse';

const JUNK: unknown[] = [undefined, null, '', 'garbage', 0, -1, 1e308, Number.NaN, {}, [], [1, 2], true, Symbol('x'), () => 1];

describe('parse', () => {
  it.each(JUNK.map((v) => [String(typeof v === 'symbol' ? 'symbol' : (JSON.stringify(v) ?? typeof v)), v]))(
    'should never throw and return a valid value for %s',
    (_name, v) => {
      expect([true, false]).toContain(parseEnabled(v));
      expect([true, false]).toContain(parseShowPictures(v));
      expect(['underline', 'background', 'off']).toContain(parseMarkStyle(v));
      expect(['all', 'first']).toContain(parseOccurrences(v));
      const delay = parseTooltipDelay(v);
      expect(delay >= 0 && delay <= 2000).toBe(true);
      expect(Array.isArray(parseSites(v))).toBe(true);
    },
  );

  it.each([
    [true, true],
    [false, false],
    ['false', DEFAULTS.enabled],
    [1, DEFAULTS.enabled],
  ])('should read enabled %j as %j', (v, out) => {
    expect(parseEnabled(v)).toBe(out);
  });

  it.each([
    [true, true],
    [false, false],
    ['false', DEFAULTS.showPictures],
    [0, DEFAULTS.showPictures],
  ])('should read showPictures %j as %j', (v, out) => {
    expect(parseShowPictures(v)).toBe(out);
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
    expect(normalizeSite(input)).toBe(out);
  });

  it.each([
    ['example.com', ['example.com'], true],
    ['www.example.com', ['example.com'], true],
    ['news.example.com', ['example.com'], true],
    ['badexample.com', ['example.com'], false],
    ['example.com', ['news.example.com'], false],
    ['example.com', [], false],
  ])('should say whether %s is off with list %j: %s', (host, sites, off) => {
    expect(isSiteDisabled(host, sites)).toBe(off);
  });
});
