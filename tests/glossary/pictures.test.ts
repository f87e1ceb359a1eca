import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import pictures from '../../glossary/data/pictures.json';
import { checkPictureRefs, labelMatches, type PictureMeta } from '../../glossary/pictures';
import { placeTScore, parseTScore, tScoreBand } from '../../glossary/t-score';
import { CONDITIONS, TERMS, termById } from '../../glossary/terms';
import type { Condition, Term } from '../../glossary/types';
import { checkPictures, PICTURE_DIR, pictureProblems } from '../../scripts/check-pictures';
import { checkSvg, MAX_PICTURE_BYTES } from '../../scripts/pictures/svg-check';

const files = readdirSync(PICTURE_DIR).filter((f) => f.endsWith('.svg'));
const GOOD =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 480 280"><title>A test</title><circle cx="10" cy="10" r="5"/></svg>';
const withBody = (body: string, attrs = 'viewBox="0 0 480 280"') =>
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" ${attrs}><title>A test</title>${body}</svg>`;

describe('pictures', () => {
  it('should have at least 32 drawings, each listed in pictures.json', () => {
    expect(files.length).toBeGreaterThanOrEqual(32);
    expect(new Set(files.map((f) => f.slice(0, -4)))).toEqual(new Set((pictures as PictureMeta[]).map((p) => p.id)));
  });

  it.each(files)('should pass every SVG check: %s', (f) => {
    const { problems, optimized } = checkSvg(readFileSync(join(PICTURE_DIR, f), 'utf8'));
    expect(problems).toEqual([]);
    expect(optimized.length).toBeLessThanOrEqual(MAX_PICTURE_BYTES);
  });

  it('should pass the whole check (drawings, labels and every reference)', () => {
    expect(pictureProblems()).toEqual([]);
    expect(() => checkPictures()).not.toThrow();
  });

  it('should give every entry that has a picture one that lists it', () => {
    const withPicture = TERMS.filter((t) => t.picture);
    expect(withPicture.length).toBeGreaterThanOrEqual(32);
    expect(CONDITIONS[0]!.sections.filter((s) => s.picture).length).toBeGreaterThanOrEqual(4);
  });

  it.each([
    ['a <script>', withBody('<script>alert(1)</script>'), /<script>/],
    ['an onload handler', withBody('<circle r="4"/>', 'viewBox="0 0 10 10" onload="alert(1)"'), /event handler attribute onload/],
    ['an onclick handler on a child', withBody('<circle r="4" onclick="x()"/>'), /event handler attribute onclick/],
    [
      'an external href',
      withBody('<image href="https://example.com/a.png" width="4" height="4"/>'),
      /points outside the picture/,
    ],
    ['an external xlink:href', withBody('<use xlink:href="other.svg#a"/>'), /points outside the picture/],
    [
      'a url() to another file',
      withBody('<rect width="4" height="4" fill="url(https://example.com/p.svg#g)"/>'),
      /url\(\) outside/,
    ],
    [
      'a foreignObject',
      withBody('<foreignObject width="10" height="10"><p xmlns="http://www.w3.org/1999/xhtml">hi</p></foreignObject>'),
      /foreignObject/,
    ],
    ['no title', '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><circle r="2"/></svg>', /has no <title>/],
    [
      'no viewBox',
      '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><title>t</title><circle r="2"/></svg>',
      /has no viewBox/,
    ],
    [
      'too many bytes',
      withBody(Array.from({ length: 900 }, (_, i) => `<text x="${i}" y="${i % 97}">label number ${i}</text>`).join('')),
      /weighs \d+ bytes after optimisation; at most 12288/,
    ],
    ['broken markup', '<svg viewBox="0 0 4 4"><title>t</title><circle', /not valid SVG/],
  ])('should fail an SVG with %s, with a clear message', (_name, svg, message) => {
    expect(checkSvg(svg).problems.join('\n')).toMatch(message);
  });

  it('should accept an in-picture reference', () => {
    expect(checkSvg(withBody('<defs><path id="a" d="M0 0h4"/></defs><use href="#a"/>')).problems).toEqual([]);
    expect(checkSvg(GOOD).problems).toEqual([]);
  });
});

describe('checkPictureRefs', () => {
  const meta = (over: Partial<PictureMeta> = {}): PictureMeta => ({
    id: 'wedge-fracture',
    title: 'A wedge fracture',
    caption: 'The front of the bone breaks down.',
    alt: 'A vertebra with a collapsed front.',
    entries: ['wedge-fracture'],
    labels: [{ text: 'wedge fracture', entry: 'wedge-fracture' }],
    ...over,
  });
  const term = (over: Partial<Term>): Term => ({ ...termById.get('wedge-fracture')!, ...over });
  const condition = (picture: string): Condition => ({
    ...CONDITIONS[0]!,
    sections: [{ id: 'how', heading: 'How', blocks: [{ type: 'paragraph', text: 'Text.' }], picture }],
  });

  it('should accept matching references and labels', () => {
    expect(checkPictureRefs([meta()], [term({ picture: 'wedge-fracture' })], [condition('wedge-fracture')])).toEqual([]);
  });

  it.each([
    [
      'an entry whose picture is missing',
      [meta()],
      [term({ picture: 'nope' })],
      [],
      'wedge-fracture.picture: no picture with id "nope"',
    ],
    [
      'an entry its picture does not list',
      [meta({ entries: ['wedge-fracture'] })],
      [
        term({ id: 'wedge-fracture', picture: 'wedge-fracture' }),
        term({ id: 'kyphosis', term: 'kyphosis', variants: [], picture: 'wedge-fracture' }),
      ],
      [],
      'kyphosis.picture: picture "wedge-fracture" does not list kyphosis',
    ],
    [
      'a section whose picture is missing',
      [meta()],
      [term({})],
      [condition('gone')],
      'osteoporosis-back-pain.sections[0].picture: no picture with id "gone"',
    ],
    [
      'a label naming no entry',
      [meta({ labels: [{ text: 'wedge fracture', entry: 'no-such' }] })],
      [term({})],
      [],
      'wedge-fracture.labels[0].entry: no entry with id "no-such"',
    ],
    [
      "a label that is not the entry's name",
      [meta({ labels: [{ text: 'burst fracture', entry: 'wedge-fracture' }] })],
      [term({})],
      [],
      'wedge-fracture.labels[0].text: "burst fracture" is not a name of wedge-fracture',
    ],
    [
      'an unknown entry in entries',
      [meta({ entries: ['ghost'] })],
      [term({})],
      [],
      'wedge-fracture.entries[0]: no entry with id "ghost"',
    ],
    [
      'a hard caption',
      [
        meta({
          caption:
            'Osteoporotic vertebral deformities predominantly demonstrate anterior compartmental insufficiency characteristics.',
        }),
      ],
      [term({})],
      [],
      'wedge-fracture.caption: reads at grade',
    ],
    [
      'two sentences as a caption',
      [meta({ caption: 'It breaks. It hurts.' })],
      [term({})],
      [],
      'wedge-fracture.caption: expected one sentence',
    ],
  ] as [string, PictureMeta[], Term[], Condition[], string][])(
    'should fail %s, naming the id and field',
    (_name, pics, terms, conditions, message) => {
      expect(checkPictureRefs(pics, terms, conditions).join('\n')).toContain(message);
    },
  );

  it('should name a picture that has no drawing', () => {
    expect(checkPictureRefs([meta()], [term({})], [], new Set())).toContain(
      'wedge-fracture.id: no drawing pictures/wedge-fracture.svg',
    );
  });

  it.each([
    ['Spongy bone', 'trabecular-bone', true],
    ['DXA', 'dxa-scan', true],
    ['dxa', 'dxa-scan', false],
    ['weight bearing exercise', 'weight-bearing-exercise', true],
    ['spine', 'vertebra', false],
  ])('should match label %j against %s: %s', (text, id, ok) => {
    expect(labelMatches(text, termById.get(id)!)).toBe(ok);
  });
});

describe('T-score', () => {
  it.each([
    ['-1.0', 'normal'],
    ['-1', 'normal'],
    ['0.5', 'normal'],
    ['-1.01', 'low-bone-mass'],
    ['-2.49', 'low-bone-mass'],
    ['-2.5', 'osteoporosis'],
    ['-2.51', 'osteoporosis'],
    ['\u22122,5', 'osteoporosis'],
    [' \u22121,01 ', 'low-bone-mass'],
    ['+1', 'normal'],
  ])('should place %j in the %s band', (input, band) => {
    const r = placeTScore(input);
    expect(r.ok && r.band).toBe(band);
  });

  it.each(['abc', '-', '1.2.3', '--2', '2e3', 'NaN', 'Infinity', '−', '1,2,3', '12 3'])(
    'should call %j not a number',
    (input) => {
      expect(placeTScore(input)).toEqual({ ok: false, reason: 'not-a-number' });
    },
  );

  it('should say empty input is empty', () => {
    expect(placeTScore('  ')).toEqual({ ok: false, reason: 'empty' });
  });

  it('should put the marker on the drawn line, clamped at its ends', () => {
    const at = (s: string) => {
      const r = placeTScore(s);
      return r.ok ? r.position : NaN;
    };
    expect(at('-4')).toBeCloseTo(30 / 480);
    expect(at('2')).toBeCloseTo(450 / 480);
    expect(at('-9')).toBeCloseTo(at('-4'));
    expect(at('7')).toBeCloseTo(at('2'));
    expect(at('-2.5')).toBeLessThan(at('-1'));
  });

  it('should keep the band edges exact', () => {
    expect(tScoreBand(-1)).toBe('normal');
    expect(tScoreBand(-2.5)).toBe('osteoporosis');
    expect(parseTScore('-2,50')).toBe(-2.5);
  });
});
