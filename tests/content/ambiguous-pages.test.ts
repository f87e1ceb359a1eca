import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createScanner } from '../../entrypoints/content/scanner';
import { compileMatcher } from '../../glossary/matcher';
import { TERMS } from '../../glossary/terms';

const matcher = compileMatcher(TERMS);
const ambiguous = new Set(TERMS.filter((t) => t.ambiguous).map((t) => t.id));

async function marksOn(html: string): Promise<string[]> {
  // eslint-disable-next-line no-restricted-properties
  document.body.innerHTML = new DOMParser().parseFromString(html, 'text/html').body.innerHTML;
  const controller = new AbortController();
  const scanner = createScanner({ matcher, ambiguous, highlight: new Highlight(), signal: controller.signal });
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

  it('should mark the same words once the page is about health', async () => {
    const ids = await marksOn(
      '<p>Osteoporosis can cause a vertebral compression fracture and kyphosis.</p><p>A worn disc, a brace, a fall and rest.</p>',
    );
    expect(ids).toEqual(expect.arrayContaining(['disc', 'brace', 'fall', 'rest']));
  });
});
