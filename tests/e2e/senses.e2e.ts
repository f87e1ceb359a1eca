import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { CUE_GROUPS } from '../../glossary/cues';
import { compileMatcher } from '../../glossary/matcher';
import { TERMS } from '../../glossary/terms';
import { describeEachBrowser } from './support/suite';
import { ANY_LOOK, HIGHLIGHT, HIGHLIGHT_PREFIX, markedTexts } from './support/page-probes';
import { FIXTURES } from './support/paths';
import { waitForMark, waitForMarksToSettle } from './support/wait-scan';

// Pages about something else that use glossary words in another sense (tests/fixtures/senses/):
// every mark on them must be one of the entries that are right there (expected.json).
const DIR = path.join(FIXTURES, 'senses');
const EXPECTED = JSON.parse(readFileSync(path.join(DIR, 'expected.json'), 'utf8')) as Record<string, string[]>;
const matcher = compileMatcher(TERMS, CUE_GROUPS);
const idOf = (text: string): string => matcher.find(text)[0]?.termId ?? `(no entry for "${text}")`;

describeEachBrowser(
  'wrong-sense pages and a listening page in %s',
  (suite) => {
    it.each(Object.entries(EXPECTED))('should mark nothing in the wrong sense on %s', async (file, allowed) => {
      const page = await suite.browser.newPage();
      await page.goto(suite.server.url(`senses/${file}`));
      // The page may have no term the engine would start for: then no highlight ever appears.
      await waitForMarksToSettle((fn, arg) => page.evaluate(fn, arg), HIGHLIGHT_PREFIX, { timeoutMs: 4000 });
      const ids = (await page.evaluate(markedTexts, ANY_LOOK)).map(idOf);
      expect(ids.filter((id) => !allowed.includes(id))).toEqual([]);
      expect(page.errors).toEqual([]);
      await page.close();
    });

    it('should post nothing to the page: no extension id a page could read', async () => {
      const page = await suite.browser.newPage();
      await page.goto(suite.server.url('fixtures/listens.html'));
      await waitForMark((fn, arg) => page.evaluate(fn, arg), { name: HIGHLIGHT, text: 'T-score' });
      expect(await page.evaluate(() => (window as unknown as { __heard: string[] }).__heard, null)).toEqual([]);
      await page.close();
    });
  },
  { mounts: { senses: DIR, fixtures: FIXTURES }, timeoutMs: 60_000 },
);
