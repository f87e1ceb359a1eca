import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_NAMES, HIGHLIGHT_PREFIX, highlightName, isDarkPage, luminance, parseRgb } from '../../content/mark-style';

describe('mark style', () => {
  it.each([
    ['rgb(255, 255, 255)', { r: 255, g: 255, b: 255, a: 1 }],
    ['rgba(0, 0, 0, 0)', { r: 0, g: 0, b: 0, a: 0 }],
    ['rgb(10 20 30 / 50%)', { r: 10, g: 20, b: 30, a: 0.5 }],
  ])('should parse %s', (css, rgb) => {
    expect(parseRgb(css)).toEqual(rgb);
  });

  it('should not parse what is not rgb()', () => {
    expect(parseRgb('transparent')).toBeUndefined();
  });

  it('should rank black darker than white', () => {
    expect(luminance({ r: 0, g: 0, b: 0 })).toBe(0);
    expect(luminance({ r: 255, g: 255, b: 255 })).toBeCloseTo(1);
  });

  it.each([
    ['underline', false, 'health-glossary'],
    ['underline', true, 'health-glossary-dark'],
    ['background', false, 'health-glossary-soft'],
    ['background', true, 'health-glossary-soft-dark'],
    ['off', false, undefined],
  ] as const)('should name the highlight for %s on a dark=%s page', (style, dark, name) => {
    expect(highlightName(style, dark)).toBe(name);
  });

  it('should begin every highlight name with the prefix the browser tests look for', () => {
    for (const name of Object.values(HIGHLIGHT_NAMES)) expect(name.startsWith(HIGHLIGHT_PREFIX), name).toBe(true);
  });

  it('should see a dark page from its body background', () => {
    document.body.style.backgroundColor = 'rgb(20, 20, 20)';
    expect(isDarkPage(document)).toBe(true);
    document.body.style.backgroundColor = 'rgb(250, 250, 250)';
    expect(isDarkPage(document)).toBe(false);
    document.body.removeAttribute('style');
  });
});
