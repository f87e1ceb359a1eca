import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { type TestPage } from './support/browsers';
import { describeEachBrowser } from './support/suite';
import { SHOTS } from './support/paths';
import { findMark, HIGHLIGHT, HOST, MENU_ID, tooltipText, tooltipVisible, UNDERLINED } from './support/page-probes';
import { HIGHLIGHT_NAMES } from '../../content/mark-style';
import { setSync } from './support/storage-probes';
import { openMarked, waitForMark } from './support/wait-scan';
import { CONTENT_ANSWER } from '../../messaging/protocol';

const HIGHLIGHT_DARK: string = HIGHLIGHT_NAMES['underline-dark'];

/** The highlight of the soft-background look on a light page. */
const SOFT: string = HIGHLIGHT_NAMES.background;

declare const chrome: { storage: { sync: { set(v: object): Promise<void>; clear(): Promise<void> } }; tabs: never };

/**
 * Runs in an extension page: asks every tab's content script the way the popup does (executeScript
 * of a function that calls the content script's answer in its isolated world, else a runtime
 * message), returns the answers.
 */
async function askTabs([name, msg]: readonly [string, object]): Promise<unknown[]> {
  const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
  const { tabs, scripting } = api as unknown as {
    tabs: { query(q: object): Promise<{ id: number; url?: string }[]>; sendMessage(id: number, m: object): Promise<unknown> };
    scripting: {
      executeScript(i: object): Promise<{ frameId: number; result?: unknown }[]>;
    };
  };
  const all = (await tabs.query({})).filter((t) => !t.url?.includes('-extension://'));
  const replies = await Promise.all(
    all.map((t) =>
      scripting
        .executeScript({
          target: { tabId: t.id, allFrames: true },
          func: (key: string, m: object) => (globalThis as unknown as Record<string, (r: object) => unknown>)[key]?.(m),
          args: [name, msg],
        })
        .then(
          (rs) => rs.find((r) => r.frameId === 0)?.result ?? undefined,
          // Chromium runs no script in a tab the user did not act on: by message, as askTab does.
          () => tabs.sendMessage(t.id, msg).catch(() => undefined),
        ),
    ),
  );
  return replies.filter((r) => r !== undefined && r !== null);
}

const markCount = (name: string): number => CSS.highlights.get(name)?.size ?? 0;

/**
 * Runs in an extension page: sends the first stage's precheck to the background with the same call
 * the content script makes (`chrome.runtime.sendMessage` with a callback), returns the answer.
 */
function askPrecheck(text: string): Promise<unknown> {
  const runtime = (
    chrome as unknown as {
      runtime: { sendMessage(m: object, cb: (a: unknown) => void): void; lastError?: { message?: string } };
    }
  ).runtime;
  return new Promise((resolve) =>
    runtime.sendMessage({ type: 'hg:precheck', text }, (a) =>
      resolve(runtime.lastError ? `error: ${runtime.lastError.message}` : a),
    ),
  );
}

describeEachBrowser(
  'settings and navigation in %s',
  (suite) => {
    const { name } = suite;
    let page: TestPage;
    let ext: TestPage;
    let marksAtStart: number;

    beforeAll(async () => {
      page = await suite.browser.newPage();
      await openMarked(page, suite.server.url('fixtures/article.html'));
      marksAtStart = await page.evaluate(markCount, HIGHLIGHT);
      ext = await suite.browser.newPage();
      await ext.open(`${suite.browser.extensionBase}popup.html`, 'body');
      // The reader's tab is the visible one, as when the popup or a shortcut is used over it.
      await page.bringToFront();
    }, 90_000);

    it('should remove every mark from an open page when switched off, and restore them when switched on', async () => {
      await ext.evaluate(setSync, { enabled: false });
      await page.waitFor((n) => !CSS.highlights.has(n), HIGHLIGHT);
      expect(await page.evaluate((host) => document.querySelector(host), HOST)).toBeNull();
      await ext.evaluate(setSync, { enabled: true });
      await page.waitFor(([n, count]) => (CSS.highlights.get(n as string)?.size ?? 0) === count, [
        HIGHLIGHT,
        marksAtStart,
      ] as const);
    });

    it('should switch off only for a listed site', async () => {
      // The look changes in the same write: once it shows, the page has applied the list too.
      await ext.evaluate(setSync, { disabledSites: ['example.org'], markStyle: 'background' });
      await page.waitFor(([soft, plain]) => CSS.highlights.has(soft) && !CSS.highlights.has(plain), [SOFT, HIGHLIGHT] as const);
      expect(await page.evaluate(markCount, SOFT)).toBe(marksAtStart);
      await ext.evaluate(setSync, { disabledSites: ['127.0.0.1'], markStyle: 'underline' });
      await page.waitFor(([soft, plain]) => !CSS.highlights.has(soft) && !CSS.highlights.has(plain), [SOFT, HIGHLIGHT] as const);
      await ext.evaluate(setSync, { disabledSites: [] });
      await page.waitFor((n) => (CSS.highlights.get(n)?.size ?? 0) > 5, HIGHLIGHT);
    });

    it('should change the mark style without reloading the page', async () => {
      await ext.evaluate(setSync, { markStyle: 'background' });
      await page.waitFor(([soft, plain]) => CSS.highlights.has(soft) && !CSS.highlights.has(plain), [SOFT, HIGHLIGHT] as const);
      await ext.evaluate(setSync, { markStyle: 'underline' });
      await page.waitFor((n) => CSS.highlights.has(n), HIGHLIGHT);
    });

    it('should fall back to defaults when stored settings are corrupt', async () => {
      await ext.evaluate(setSync, { markStyle: 'background' });
      await page.waitFor((soft) => CSS.highlights.has(soft), SOFT);
      // The corrupt look falls back to underline: once that shows, the corrupt write was read.
      await ext.evaluate(setSync, { enabled: 'yes please', markStyle: 42, disabledSites: 'not a list', tooltipDelay: 'slow' });
      await page.waitFor(([soft, plain]) => !CSS.highlights.has(soft) && CSS.highlights.has(plain), [SOFT, HIGHLIGHT] as const);
      expect(await page.evaluate(markCount, HIGHLIGHT)).toBeGreaterThan(5);
      await ext.evaluate(setSync, { enabled: true, markStyle: 'underline', disabledSites: [], tooltipDelay: 300 });
    });

    it("should have the background answer the first stage's precheck: yes for a term, no for none", async () => {
      expect(await ext.evaluate(askPrecheck, 'Her X-ray showed kyphosis and a wedge fracture.')).toBe(true);
      expect(await ext.evaluate(askPrecheck, 'Roses, tulips and a garden fork.')).toBe(false);
    });

    it('should list the terms on the page with counts', async () => {
      const [reply] = (await ext.evaluate(askTabs, [CONTENT_ANSWER, { type: 'hg:terms' }] as const)) as {
        counts: [string, number][];
      }[];
      const counts = new Map(reply!.counts);
      expect(counts.get('osteoporosis')).toBeGreaterThanOrEqual(3);
      // "vertebral compression fracture (VCF)": the name and the abbreviation.
      expect(counts.get('vertebral-compression-fracture')).toBe(2);
    });

    it('should jump to the next occurrence of a term and show its card (popup "On this page", keyboard command)', async () => {
      await page.evaluate(() => window.scrollTo(0, 0), null);
      const [reply] = (await ext.evaluate(askTabs, [
        CONTENT_ANSWER,
        { type: 'hg:jump', termId: 'bone-cement', direction: 1 },
      ] as const)) as {
        found: boolean;
      }[];
      expect(reply!.found).toBe(true);
      await page.waitFor(tooltipVisible, HOST);
      expect((await page.evaluate(tooltipText, HOST)).toLowerCase()).toContain('bone cement');
      // The card is also announced to screen readers.
      const live = await page.evaluate(
        (h) => document.querySelector(h)?.shadowRoot?.querySelector('[aria-live]')?.textContent ?? '',
        HOST,
      );
      expect(live.toLowerCase()).toContain('bone cement');
      await page.press('Escape');
      await page.waitFor((h) => !document.querySelector(h)?.shadowRoot?.querySelector('.tippy-box[data-state="visible"]'), HOST);
    });

    it('should take Tab into the card a keyboard command opened, and Escape back out', async () => {
      await ext.evaluate(askTabs, [CONTENT_ANSWER, { type: 'hg:jump', termId: 'kyphosis', direction: 1 }] as const);
      await page.waitFor(tooltipVisible, HOST);
      const focused = (): Promise<string> =>
        page.evaluate((h) => {
          const a = document.querySelector(h)?.shadowRoot?.activeElement;
          return a ? `${a.localName} ${a.localName === 'a' ? a.getAttribute('href') : a.textContent?.trim()}` : '';
        }, HOST);
      // Into the card: its first button, which Enter presses (and presses back).
      await page.press('Tab');
      expect(await focused()).toBe('button Save');
      await page.press('Enter');
      await page.waitFor((h) => document.querySelector(h)?.shadowRoot?.activeElement?.textContent?.trim() === 'Saved', HOST);
      await page.press('Enter');
      await page.waitFor((h) => document.querySelector(h)?.shadowRoot?.activeElement?.textContent?.trim() === 'Save', HOST);
      await page.press('Tab');
      expect(await focused()).toBe('button I know this word');
      // On to "Learn more" (past Listen, where the device has a voice).
      for (let i = 0; i < 2 && !(await focused()).startsWith('a '); i++) await page.press('Tab');
      expect(await focused()).toMatch(/^a .*glossary\.html#kyphosis$/);
      await page.press('Escape');
      await page.waitFor((h) => !document.querySelector(h)?.shadowRoot?.querySelector('.tippy-box[data-state="visible"]'), HOST);
      const after = await page.evaluate((h) => document.querySelector(h)?.shadowRoot?.activeElement?.localName ?? 'none', HOST);
      expect(after, 'focus left the hidden card').toBe('none');
    });

    it('should step through all marks in order with next and previous', async () => {
      const at = async (): Promise<string> => (await page.evaluate(tooltipText, HOST)).split('\n')[0]!.trim().toLowerCase();
      await ext.evaluate(askTabs, [CONTENT_ANSWER, { type: 'hg:jump', direction: 1 }] as const);
      await page.waitFor(tooltipVisible, HOST);
      const first = await at();
      await ext.evaluate(askTabs, [CONTENT_ANSWER, { type: 'hg:jump', direction: 1 }] as const);
      await page.waitFor(
        ({ t, host }) => !(document.querySelector(host)?.shadowRoot?.textContent ?? '').toLowerCase().startsWith(t),
        { t: first, host: HOST },
      );
      await ext.evaluate(askTabs, [CONTENT_ANSWER, { type: 'hg:jump', direction: -1 }] as const);
      await page.waitFor(tooltipVisible, HOST);
      expect(await at()).toBe(first);
    });

    it('should register the "Explain" context-menu entry', async () => {
      const exists = await ext.evaluate(async (id) => {
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        const menus = (api as unknown as { contextMenus: { update(id: string, p: object): Promise<void> } }).contextMenus;
        try {
          await menus.update(id, {});
          return true;
        } catch {
          return false;
        }
      }, MENU_ID);
      expect(exists).toBe(true);
    });

    it('should show the card when a term is tapped on a touch screen', async () => {
      await page.press('Escape');
      await page.evaluate(() => window.scrollTo(0, 0), null);
      const at = await page.evaluate(findMark, { ...UNDERLINED, text: 'osteopenia' });
      await page.evaluate(({ x, y }) => {
        const init = { bubbles: true, composed: true, clientX: x, clientY: y, pointerType: 'touch', isPrimary: true };
        document.elementFromPoint(x, y)!.dispatchEvent(new PointerEvent('pointerdown', init));
        document.elementFromPoint(x, y)!.dispatchEvent(new PointerEvent('pointerup', init));
      }, at!);
      await page.waitFor(tooltipVisible, HOST);
      expect((await page.evaluate(tooltipText, HOST)).toLowerCase()).toContain('osteopenia');
      await page.press('Escape');
    });

    it('should explain a selected glossary term (context menu)', async () => {
      await page.evaluate(() => {
        const p = document.getElementById('kyphosis')!;
        const text = p.firstChild as Text;
        const i = text.data.indexOf('round');
        const r = document.createRange();
        r.setStart(text, i);
        r.setEnd(text, i + 5);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(r);
      }, null);
      const [none] = (await ext.evaluate(askTabs, [CONTENT_ANSWER, { type: 'hg:explain', text: 'round' }] as const)) as {
        termId?: string;
      }[];
      expect(none!.termId).toBeUndefined();
      const [reply] = (await ext.evaluate(askTabs, [CONTENT_ANSWER, { type: 'hg:explain', text: 'Kyphosis' }] as const)) as {
        termId?: string;
      }[];
      expect(reply!.termId).toBe('kyphosis');
      await page.waitFor(tooltipVisible, HOST);
      await page.press('Escape');
    });

    it('should mark a dark page with the light-on-dark style and show a readable card', async () => {
      const dark = await suite.browser.newDarkPage();
      await dark.goto(suite.server.url('fixtures/dark-article.html'));
      await dark.waitFor((name) => (CSS.highlights.get(name)?.size ?? 0) > 3, HIGHLIGHT_DARK);
      expect(await dark.evaluate((name) => CSS.highlights.has(name), HIGHLIGHT)).toBe(false);
      const at = await waitForMark((fn, arg) => dark.evaluate(fn, arg), { name: HIGHLIGHT_DARK, text: 'Kyphosis' });
      await dark.mouseMove(at!.x, at!.y);
      await dark.waitFor(tooltipVisible, HOST);
      const bg = await dark.evaluate(
        (h) => getComputedStyle(document.querySelector(h)!.shadowRoot!.querySelector('.tippy-box')!).backgroundColor,
        HOST,
      );
      expect(bg).toBe('rgb(31, 36, 40)');
      await dark.screenshot(path.join(SHOTS, `tooltip-dark-${name}.png`));
      await dark.close();
    });
  },
  { mounts: { fixtures: path.resolve('tests/fixtures') } },
);
