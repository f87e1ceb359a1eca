import { afterEach, describe, expect, it } from 'vitest';
import { isInsideSkipped, textRuns } from '../../content/scan';
import { setBody } from '../support/dom';

const runs = (html: string): string[] => [...textRuns(setBody(html))].map((r) => r.text.trim()).filter(Boolean);

describe('textRuns', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it.each([
    ['script', '<script>osteoporosis()</script>'],
    ['style', '<style>.osteoporosis{}</style>'],
    ['noscript', '<noscript>osteoporosis</noscript>'],
    ['textarea', '<textarea>osteoporosis</textarea>'],
    ['select and option', '<select><option>osteoporosis</option></select>'],
    ['code', '<code>osteoporosis</code>'],
    ['pre', '<pre>osteoporosis</pre>'],
    ['contenteditable', '<div contenteditable="true"><p>osteoporosis</p></div>'],
    ['contenteditable with an empty value', '<div contenteditable><p>osteoporosis</p></div>'],
    ['template', '<template>osteoporosis</template>'],
    ['svg', '<svg><text>osteoporosis</text></svg>'],
    ['the tooltip host', '<health-glossary-tooltip>osteoporosis</health-glossary-tooltip>'],
  ])('should never read text inside %s', (_name, html) => {
    expect(runs(`<p>before</p>${html}<p>after</p>`)).toEqual(['before', 'after']);
  });

  it('should read contenteditable="false" islands like normal text', () => {
    expect(runs('<div contenteditable="false">osteoporosis</div>')).toEqual(['osteoporosis']);
  });

  it('should join text across inline formatting into one run', () => {
    expect(runs('<p><b>vertebral</b> compression <i>frac</i>ture</p>')).toEqual(['vertebral compression fracture']);
  });

  it.each([
    ['paragraphs', '<p>vertebral</p><p>fracture</p>'],
    ['a line break', '<p>vertebral<br>fracture</p>'],
    ['a nested block', '<div>vertebral<div>x</div>fracture</div>'],
    ['list items', '<ul><li>vertebral</li><li>fracture</li></ul>'],
    ['table cells', '<table><tr><td>vertebral</td><td>fracture</td></tr></table>'],
  ])('should split runs at %s', (_name, html) => {
    const r = runs(html);
    expect(r).toContain('vertebral');
    expect(r.some((t) => t.includes('vertebral') && t.includes('fracture'))).toBe(false);
  });

  it('should record where each node starts in the run', () => {
    const [run] = [...textRuns(setBody('<p>ab<b>cd</b>ef</p>'))];
    expect(run!.starts).toEqual([0, 2, 4]);
    expect(run!.nodes.map((n) => n.data)).toEqual(['ab', 'cd', 'ef']);
  });

  it('should read a text node given as the root (a walker never returns its root)', () => {
    const p = setBody('<p>vertebral fracture</p>').querySelector('p')!;
    expect([...textRuns(p.firstChild!)].map((r) => r.text)).toEqual(['vertebral fracture']);
  });

  it('should skip an excluded subtree (already scanned)', () => {
    const root = setBody('<p>one</p><div id="x"><p>two</p></div><p>three</p>');
    const texts = [...textRuns(root, root.querySelector('#x')!)].map((r) => r.text);
    expect(texts).toEqual(['one', 'three']);
  });

  it('should hand open shadow roots to the caller', () => {
    const root = setBody('<div id="host"></div>');
    const shadow = root.querySelector('#host')!.attachShadow({ mode: 'open' });
    shadow.append(document.createTextNode('inside'));
    const found: ShadowRoot[] = [];
    for (const _run of textRuns(root, undefined, (s) => found.push(s)));
    expect(found).toEqual([shadow]);
    expect([...textRuns(shadow)].map((r) => r.text)).toEqual(['inside']);
  });
});

describe('textRuns on extreme pages', () => {
  afterEach(() => document.body.replaceChildren());

  it('should read text under 5,000 nested inline tags (block lookup is memoised)', () => {
    let el: Element = document.body;
    for (let i = 0; i < 5000; i++) el = el.appendChild(document.createElement('span'));
    el.append('osteoporosis');
    document.body.append('tail');
    expect([...textRuns(document.body)].map((r) => r.text)).toEqual(['osteoporosistail']);
  });

  it('should hand a huge block over in pieces at node boundaries', () => {
    const p = document.createElement('p');
    for (let i = 0; i < 2000; i++) p.append(document.createElement('span'), `${'word '.repeat(10)}`);
    document.body.append(p);
    const pieces = [...textRuns(document.body)];
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.map((r) => r.text).join('')).toBe(p.textContent);
    for (const r of pieces) expect(r.text.length).toBeLessThan(40_000);
  });
});

describe('isInsideSkipped', () => {
  it('should see a skipped ancestor', () => {
    const root = setBody('<div contenteditable="true"><p id="p">x</p></div><p id="q">y</p>');
    expect(isInsideSkipped(root.querySelector('#p')!)).toBe(true);
    expect(isInsideSkipped(root.querySelector('#q')!.firstChild!)).toBe(false);
  });
});
