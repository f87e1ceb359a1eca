import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createScanner } from '../../content/scanner';
import { CUE_GROUPS } from '../../glossary/cues';
import { compileMatcher } from '../../glossary/matcher';
import { TERMS } from '../../glossary/terms';

const matcher = compileMatcher(TERMS, CUE_GROUPS);

async function marksOn(html: string): Promise<string[]> {
  // A whole page: its body's nodes, brought into the test document.
  const parsed = new DOMParser().parseFromString(html, 'text/html').body;
  document.body.replaceChildren(...[...parsed.childNodes].map((n) => document.importNode(n, true)));
  const controller = new AbortController();
  const scanner = createScanner({ matcher, highlight: new Highlight(), signal: controller.signal });
  await scanner.scan(document.body);
  const ids = scanner.index.all().map((m) => m.termId);
  controller.abort();
  return ids;
}

describe('everyday words on pages that are not about health', () => {
  afterEach(() => document.body.replaceChildren());

  it.each(['music-review.html', 'book-review.html'])('should mark nothing on %s', async (file) => {
    const html = readFileSync(path.resolve('tests/fixtures/not-health', file), 'utf8');
    expect(await marksOn(html)).toEqual([]);
  });

  it('should mark the same words once the page is about health and a cue is near', async () => {
    const ids = await marksOn(
      '<p>Osteoporosis can cause a vertebral compression fracture.</p><p>It can lead to kyphosis.</p>' +
        '<p>A worn disc in the spine, a brace after a fracture, a fall that breaks a hip, and rest for back pain.</p>',
    );
    expect(ids).toEqual(expect.arrayContaining(['disc', 'brace', 'fall', 'rest']));
  });

  it.each([
    ['the rest of the body', '<p>Calcium goes to the rest of the body after a fracture.</p>', 'rest'],
    ['levels that fall', '<p>Estrogen levels fall after menopause, and bone loss speeds up.</p>', 'fall'],
    ['a cast member', '<p>A cast member broke a bone on set.</p>', 'cast'],
  ])('should not mark %s even on a health page', async (_name, html, id) => {
    const health = '<p>Osteoporosis thins bone.</p><p>Kyphosis and a vertebral compression fracture can follow.</p>';
    expect(await marksOn(health + html)).not.toContain(id);
  });
});
