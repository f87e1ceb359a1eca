// From reading to the visit, as a reader does it, in real Chromium and Firefox ESR: Save in the card
// lists the term in the popup's My terms and on the visit sheet; "I know this word" unmarks the term
// in every open tab at once and "Mark again" brings it back; Listen reads the term, then its
// definition (speech stubbed in the page: headless browsers have no voices), and is absent without
// a voice on the device; no request leaves the machine.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { type TestPage } from './support/browsers';
import { describeEachBrowser } from './support/suite';
import { ANY_LOOK, findMark, HIGHLIGHT_PREFIX, HOST, markedTexts, tooltipVisible } from './support/page-probes';
import { SHOTS } from './support/paths';
import { steady, until } from './support/poll';
import { clearSync, setSync } from './support/storage-probes';

/** Centre of a button in the card, found by its visible text. Runs in the page. */
function cardButton({ host, label }: { host: string; label: string }): { x: number; y: number } | null {
  const root = document.querySelector(host)?.shadowRoot;
  const button = [...(root?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === label);
  const r = button?.getBoundingClientRect();
  return r && r.width > 0 ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
}

/** Centre of an element of this document. Runs in the page. */
function centreOf(selector: string): { x: number; y: number } | null {
  const el = document.querySelector(selector);
  if (!el) return null;
  el.scrollIntoView({ block: 'center' });
  const r = el.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
}

/** The centre of `selector` once it has stopped moving (a smooth scroll into view, a list still loading). */
async function stableCentre(page: TestPage, selector: string): Promise<{ x: number; y: number }> {
  const { value, settled } = await steady(() => page.evaluate(centreOf, selector), { stableMs: 200, accept: Boolean });
  if (!settled || !value) throw new Error(`${selector} did not come to rest`);
  return value;
}

/** Opens the popup page on its My terms tab, chosen by pointer as a reader would. */
async function openMyTerms(page: TestPage, base: string): Promise<void> {
  await page.open(`${base}popup.html`, '#popup-tab-mine');
  // Input goes to the tab in front only.
  await page.bringToFront();
  const tab = await stableCentre(page, '#popup-tab-mine');
  await page.click(tab.x, tab.y);
  // Every panel is in the page, hidden but one: wait for this one to be the one shown.
  await page.waitFor(
    () =>
      document.querySelector('#popup-tab-mine')?.getAttribute('aria-selected') === 'true' &&
      (document.querySelector('.my-terms') as HTMLElement | null)?.offsetParent !== null,
    null,
  );
}

/** Texts of the saved terms' names in the popup's My terms. Runs in the page. */
const savedNames = (): string[] => [...document.querySelectorAll('.saved-list .my-name')].map((n) => n.textContent ?? '');

/**
 * Replaces the page's speech synthesis by a recorder with the given voices (headless browsers have
 * none), and remembers what it was asked to say in `window.__spoken`. Runs in the page.
 */
function stubSpeech(voices: { lang: string; localService: boolean }[]): void {
  const w = window as unknown as { __spoken: string[] };
  w.__spoken = [];
  const events = new EventTarget();
  const synth = {
    getVoices: () => voices.map((v) => ({ ...v, default: false, name: v.lang, voiceURI: v.lang })),
    speak: (u: SpeechSynthesisUtterance) => w.__spoken.push(u.text),
    cancel: () => w.__spoken.push('(cancel)'),
    addEventListener: events.addEventListener.bind(events),
    removeEventListener: events.removeEventListener.bind(events),
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  // The real utterance only takes real voices.
  class Utterance extends EventTarget {
    voice: unknown = null;
    lang = '';
    rate = 1;
    constructor(readonly text: string) {
      super();
    }
  }
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
}
const spoken = (): string[] => (window as unknown as { __spoken?: string[] }).__spoken ?? [];
/** Whether at least `n` things were said. Runs in the page (self-contained: page functions are sent as text). */
const spokenAtLeast = (n: number): boolean => ((window as unknown as { __spoken?: string[] }).__spoken ?? []).length >= n;
const cancelled = (): boolean => ((window as unknown as { __spoken?: string[] }).__spoken ?? []).includes('(cancel)');

/** Whether a range of the extension's highlight reads `text`. Runs in the page. */
function isMarked({ prefix, text }: { prefix: string; text: string }): boolean {
  for (const [key, h] of CSS.highlights ?? [])
    if (key.startsWith(prefix)) return [...h].some((r) => (r as Range).toString() === text);
  return false;
}
const notMarked = (arg: { prefix: string; text: string }): boolean => {
  for (const [key, h] of CSS.highlights ?? [])
    if (key.startsWith(arg.prefix)) return ![...h].some((r) => (r as Range).toString() === arg.text);
  return false;
};
/** The first marked word of more than three letters in view, once the page is marked. Runs in the page. */
function someMarkedWord(prefix: string): string {
  for (const [key, h] of CSS.highlights ?? []) {
    if (!key.startsWith(prefix)) continue;
    for (const r of h as Iterable<Range>) {
      const box = r.getClientRects()[0];
      if (r.toString().length > 3 && box && box.top > 0 && box.bottom < innerHeight) return r.toString();
    }
  }
  return '';
}

/** Types `query` into the glossary page's search box, so its results render afresh. Runs in the page. */
function search(query: string): void {
  const box = document.querySelector<HTMLInputElement>('input[type="search"]')!;
  box.value = query;
  box.dispatchEvent(new Event('input', { bubbles: true }));
}

/** A reader's lists as the extension stores them (version 2 of the saved terms). */
const READER = {
  savedTerms: [
    { id: 't-score', at: 3 },
    { id: 'denosumab', at: 2 },
    { id: 'kyphosis', at: 1 },
  ],
  savedTerms$: { v: 2 },
  knownTerms: ['sciatica'],
};

/** The text of each page of a PDF. */
async function pdfPages(data: Buffer): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(data), useSystemFonts: true }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(
      content.items
        .map((it) => ('str' in it ? it.str : ''))
        .join(' ')
        .replace(/\s+/g, ' '),
    );
  }
  return pages;
}

describeEachBrowser('my terms in %s', (suite) => {
  const { name } = suite;
  let ext: TestPage;

  beforeAll(async () => {
    ext = await suite.browser.newPage();
    await ext.open(`${suite.browser.extensionBase}options.html`, 'body');
  }, 90_000);

  /** Opens the article and the card of `text`, by pointer. */
  async function openCard(page: TestPage, text: string): Promise<void> {
    // One read that waits and answers, so the place moved to is the one found.
    const at = await until(() => page.evaluate(findMark, { ...ANY_LOOK, text }), Boolean, `a mark on "${text}"`);
    await page.mouseMove(at!.x, at!.y);
    await page.waitFor(tooltipVisible, HOST);
  }

  async function clickInCard(page: TestPage, label: string): Promise<void> {
    const at = await until(() => page.evaluate(cardButton, { host: HOST, label }), Boolean, `the card's "${label}" button`);
    await page.click(at!.x, at!.y);
  }

  it('should save a term from the card, list it in My terms and put it on the visit sheet', async () => {
    await ext.evaluate(clearSync, { local: true });
    const page = await suite.browser.newPage();
    await page.goto(suite.server.url('fixtures/article.html'));
    await openCard(page, 'kyphosis');
    await clickInCard(page, 'Save');
    // The button says what happened, and the card stays open.
    await page.waitFor(cardButton, { host: HOST, label: 'Saved' });
    expect(await page.evaluate(tooltipVisible, HOST)).toBe(true);
    await page.screenshot(path.join(SHOTS, `card-actions-${name}.png`));

    const popup = await suite.browser.newPage();
    await openMyTerms(popup, suite.browser.extensionBase);
    await popup.waitFor((n) => document.querySelectorAll('.saved-list .my-name').length === n, 1);
    expect(await popup.evaluate(savedNames, null)).toEqual(['Kyphosis']);
    await popup.screenshot(path.join(SHOTS, `popup-my-terms-${name}.png`));

    const sheet = await suite.browser.newPage();
    await sheet.open(`${suite.browser.extensionBase}visit-sheet.html`, '.sheet-term');
    const text = await sheet.evaluate(() => document.querySelector('.sheet-term-list')?.textContent ?? '', null);
    expect(text).toMatch(/Kyphosis/);
    for (const p of [page, popup, sheet]) await p.close();
  });

  it('should stop marking a known word in every open tab at once, and mark it again from My terms', async () => {
    await ext.evaluate(clearSync, { local: true });
    const [a, b] = [await suite.browser.newPage(), await suite.browser.newPage()];
    for (const p of [a, b]) {
      await p.goto(suite.server.url('fixtures/article.html'));
      await p.waitFor(findMark, { ...ANY_LOOK, text: 'kyphosis' });
    }
    await a.bringToFront();
    await openCard(a, 'kyphosis');
    await clickInCard(a, 'I know this word');
    const kyphosis = { prefix: HIGHLIGHT_PREFIX, text: 'kyphosis' };
    await a.waitFor(notMarked, kyphosis);
    // The card has done its job; the other marks stay.
    await a.waitFor((host) => !document.querySelector(host)?.shadowRoot?.querySelector('.tippy-box[data-state="visible"]'), HOST);
    expect(await a.evaluate(markedTexts, ANY_LOOK)).toContain('kyphoplasty');
    await b.bringToFront();
    await b.waitFor(notMarked, kyphosis);

    const popup = await suite.browser.newPage();
    await openMyTerms(popup, suite.browser.extensionBase);
    const restore = '.known-terms button[aria-label="Mark again: Kyphosis"]';
    // Both lists read (the saved one, empty here, says so above the known one): the layout is still.
    await popup.waitFor(
      (s) => document.querySelector(s) !== null && document.querySelector('#saved-heading + p.note') !== null,
      restore,
    );
    const at = await stableCentre(popup, restore);
    await popup.click(at.x, at.y);
    await popup.waitFor((s) => document.querySelector(s) === null, restore);
    await a.bringToFront();
    await a.waitFor(isMarked, kyphosis);
    await b.bringToFront();
    await b.waitFor(isMarked, kyphosis);
    for (const p of [a, b, popup]) await p.close();
  });

  it('should read the term, then its definition, on Listen, in the card and on the glossary page', async () => {
    const page = await suite.browser.newPage();
    await page.open(`${suite.browser.extensionBase}glossary.html`, '#kyphosis');
    await page.evaluate(stubSpeech, [{ lang: 'en-US', localService: true }]);
    // The entry, rendered again by a search, finds the voice.
    await page.evaluate(search, 'kyphosis');
    const listen = '#kyphosis button.listen';
    await page.waitFor((s) => document.querySelector(s) !== null, listen);
    const at = (await page.evaluate(centreOf, listen))!;
    await page.click(at.x, at.y);
    const definition = await page.evaluate(() => document.querySelector('#kyphosis .definition')?.textContent ?? '', null);
    await page.waitFor(spokenAtLeast, 2);
    expect(await page.evaluate(spoken, null)).toEqual(['Kyphosis', definition]);
    await page.press('Escape');
    await page.waitFor(cancelled, null);

    // The card on a marked word of the same page (the glossary page marks the terms in its details).
    await page.evaluate(stubSpeech, [{ lang: 'en-GB', localService: true }]);
    // The search's results are marked afresh: wait for a mark in view.
    await page.waitFor(someMarkedWord, HIGHLIGHT_PREFIX);
    const marked = await page.evaluate(someMarkedWord, HIGHLIGHT_PREFIX);
    await openCard(page, marked);
    await clickInCard(page, 'Listen');
    await page.waitFor(spokenAtLeast, 2);
    const [said] = await page.evaluate(spoken, null);
    expect(said?.toLowerCase()).toBe(
      (
        await page.evaluate(
          (host) => document.querySelector(host)?.shadowRoot?.querySelector('.hg-term')?.textContent ?? '',
          HOST,
        )
      ).toLowerCase(),
    );
    // Closing the card stops it.
    await page.press('Escape');
    await page.waitFor(cancelled, null);
    const outside = page.requests.filter((u) => !u.startsWith(suite.browser.extensionBase) && !u.startsWith('data:'));
    expect(outside, 'requests that left the extension').toEqual([]);
    await page.close();
  });

  it('should show no Listen button where the device has no voice of its own', async () => {
    const page = await suite.browser.newPage();
    await page.open(`${suite.browser.extensionBase}glossary.html`, '#kyphosis');
    await page.evaluate(stubSpeech, [{ lang: 'en-US', localService: false }]);
    await page.evaluate(search, 'kyphosis');
    await page.waitFor(
      () => document.querySelectorAll('.entry').length === 1 || document.querySelector('#kyphosis') !== null,
      null,
    );
    expect(await page.evaluate(() => document.querySelectorAll('button.listen').length, null)).toBe(0);
    await page.close();
  });
  describe.each([
    ['light', false],
    ['dark', true],
  ] as const)('with saved and known terms, in %s mode', (scheme, dark) => {
    let page: TestPage;
    beforeAll(async () => {
      page = dark ? await suite.browser.newDarkPage() : await suite.browser.newPage();
      // Firefox's dark page is a browser of its own, with its own storage: the lists go in from it.
      await page.open(`${suite.browser.extensionBase}options.html`, 'body');
      await page.evaluate(clearSync, { local: true });
      await page.evaluate(setSync, READER);
    }, 60_000);
    afterAll(async () => {
      await page?.close();
    });

    it('should have no axe violations in My terms', async () => {
      await openMyTerms(page, suite.browser.extensionBase);
      await page.waitFor((n) => document.querySelectorAll('.saved-list .my-name').length === n, 3);
      await page.waitFor((s) => document.querySelector(s) !== null, '.known-terms button');
      expect(await page.evaluate(savedNames, null)).toEqual(['T-score', 'Denosumab', 'Kyphosis']);
      expect(await axeViolations(page), `My terms, ${scheme}`).toEqual([]);
      await page.screenshot(path.join(SHOTS, `popup-my-terms-${scheme}-${name}.png`));
    });

    it('should build the visit sheet from saved and page terms, with no axe violations', async () => {
      await page.open(`${suite.browser.extensionBase}visit-sheet.html?page=vertebroplasty,kyphosis`, '.sheet-term');
      await page.waitFor((n) => document.querySelectorAll('.sheet-term').length === n, 4);
      const sections = await page.evaluate(
        () =>
          [...document.querySelectorAll('.sheet-term-list')].map((s) => [...s.querySelectorAll('dt')].map((d) => d.textContent)),
        null,
      );
      // Saved terms newest first; the page's terms after, without the ones already saved.
      expect(sections).toEqual([['T-score', 'Denosumab', 'Kyphosis'], ['Vertebroplasty']]);
      expect(await axeViolations(page), `visit sheet, ${scheme}`).toEqual([]);
      await page.screenshot(path.join(SHOTS, `visit-sheet-${scheme}-${name}.png`));
    });
  });

  it.runIf(name === 'chromium')(
    'should print the visit sheet on A4 and US Letter: black on white, ticked questions only, no buttons',
    async () => {
      await ext.evaluate(clearSync, { local: true });
      await ext.evaluate(setSync, READER);
      const page = await suite.browser.newPage();
      await page.open(`${suite.browser.extensionBase}visit-sheet.html?page=vertebroplasty`, '.sheet-term');
      await page.waitFor((n) => document.querySelectorAll('.sheet-term').length === n, 4);
      // Tick one T-score question, untick one Ask Me 3 question, add a question of one's own and a note.
      const facts = await page.evaluate(() => {
        const label = (input: HTMLInputElement) => document.querySelector(`label[for="${input.id}"]`)?.textContent ?? '';
        const groups = [...document.querySelectorAll('fieldset.sheet-group')];
        const first = (i: number) => groups[i]!.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
        const tScore = groups.find((g) => g.querySelector('legend')?.textContent?.includes('T-score'))!;
        const tick = tScore.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
        const untick = first(0);
        return { ticked: label(tick), unticked: label(untick), tickId: tick.id, untickId: untick.id };
      }, null);
      for (const id of [facts.tickId, facts.untickId]) {
        const at = (await page.evaluate(centreOf, `[id="${id}"]`))!;
        await page.click(at.x, at.y);
      }
      await page.waitFor(
        ({ a, b }) =>
          (document.getElementById(a) as HTMLInputElement).checked && !(document.getElementById(b) as HTMLInputElement).checked,
        { a: facts.tickId, b: facts.untickId },
      );
      for (const format of ['A4', 'Letter'] as const) {
        const pdf = await page.pdf!(format);
        writeFileSync(path.join(SHOTS, `visit-sheet-${format}.pdf`), pdf);
        const pages = await pdfPages(pdf);
        const text = pages.join(' ');
        expect(pages.length, `${format}: terms, then the questions on a page of their own`).toBeGreaterThanOrEqual(2);
        expect(text).toContain('Visit sheet');
        expect(text).toMatch(/T-score/);
        expect(text).toContain('Vertebroplasty');
        expect(text).toContain(facts.ticked);
        expect(text).not.toContain(facts.unticked);
        expect(text).toMatch(/not medical advice/);
        expect(text).toMatch(/Sources:/);
        expect(text).toContain(new Date().getFullYear().toString());
        for (const control of ['Copy as text', 'Download (.txt)', 'Remove'])
          expect(text, `${format}: no "${control}" on paper`).not.toContain(control);
        expect(
          pages.find((p) => p.includes(facts.ticked)),
          'the questions start a new page',
        ).not.toBe(pages[0]);
      }
      await page.emulatePrint!(true);
      await page.screenshot(path.join(SHOTS, 'visit-sheet-print-chromium.png'));
      await page.emulatePrint!(false);
      await page.close();
    },
  );
});
