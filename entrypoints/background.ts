import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { SETTINGS } from '../settings/items';
import { isSiteDisabled, normalizeSite, parseSites } from '../settings/parse';
import { toggleSite } from '../settings/sites';
import { glossaryUrl } from '../components/links';
import precheck from 'virtual:glossary-precheck';
import { loadPrecheck } from '../glossary/precheck';
import { precheckAnswerer } from '../messaging/precheck-answer';
import { activeTab, askTab, EXPLAIN_TIMEOUT_MS, type AskOptions } from '../messaging/ask-tab';
import { EXPLAIN_MENU_ID as MENU_ID, type ContentRequest, type ExplainReply, type TermsReply } from '../messaging/protocol';

/** Asks a tab's content script; the answers, the top frame's first (none on e.g. a browser page). */
const ask = async <R>(tabId: number, req: ContentRequest, options?: AskOptions): Promise<Partial<R>[]> =>
  (await askTab(tabId, req, options)) as Partial<R>[];

export default defineBackground(() => {
  // Registered first, at start-up: a page's first stage wakes the background with this message.
  browser.runtime.onMessage.addListener(precheckAnswerer(loadPrecheck(precheck)));

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: MENU_ID,
      title: browser.i18n.getMessage('menuExplain') || 'Explain “%s”',
      contexts: ['selection'],
    });
  });

  browser.contextMenus.onClicked.addListener(async (info, tab) => {
    if (info.menuItemId !== MENU_ID || !info.selectionText) return;
    const replies =
      tab?.id === undefined
        ? []
        : await ask<ExplainReply>(
            tab.id,
            { type: 'hg:explain', text: info.selectionText },
            { timeoutMs: EXPLAIN_TIMEOUT_MS, frameId: info.frameId },
          );
    // No glossary term in the selection (or no content script there): search the glossary for it.
    if (!replies.some((r) => r.termId)) {
      await browser.tabs.create({ url: glossaryUrl({ query: info.selectionText.slice(0, 200) }) });
    }
  });

  browser.commands.onCommand.addListener(async (command) => {
    const tabId = (await activeTab())?.id;
    if (tabId === undefined) return;
    if (command === 'next-term') await ask(tabId, { type: 'hg:jump', direction: 1 });
    else if (command === 'previous-term') await ask(tabId, { type: 'hg:jump', direction: -1 });
    else if (command === 'toggle-site') await toggleSiteOf(tabId);
  });
});

/**
 * The keyboard command: the tab's site off, or back on. The tab's content script names its site
 * (no tab permission needed), and its storage watcher then stops or starts the marks.
 */
async function toggleSiteOf(tabId: number): Promise<void> {
  const [reply] = await ask<TermsReply>(tabId, { type: 'hg:terms' });
  const site = normalizeSite(reply?.hostname ?? '');
  if (!site) return;
  const sites = parseSites(await SETTINGS.disabledSites.item.getValue());
  await SETTINGS.disabledSites.item.setValue(toggleSite(sites, site, isSiteDisabled(site, sites)));
}
