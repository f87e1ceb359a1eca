import { browser } from 'wxt/browser';
import type { Matcher } from '../../glossary/matcher';
import type { CardTerm } from '../../glossary/types';
import { disabledSitesItem, loadSettings, watchSettings } from '../../settings/items';
import { isSiteDisabled, normalizeSite, type Settings } from '../../settings/parse';
import { startHighlighter, type Highlighter } from './highlighter';
import type { ContentRequest, ExplainReply, JumpReply, TermsReply } from './messages';
import { createNavigator } from './navigate';

/**
 * The content script's life on one page: runs the highlighter while the settings allow it, applies
 * setting changes live (no reload), and answers the popup and background. `matcher` must be
 * compiled from `terms`.
 */
export async function runOnPage(doc: Document, terms: readonly CardTerm[], matcher: Matcher, signal: AbortSignal): Promise<void> {
  const jump = createNavigator(doc);
  const hostname = doc.location?.hostname ?? '';
  let running: { controller: AbortController; h: Highlighter; settings: Settings } | undefined;

  const stop = (): void => {
    running?.controller.abort();
    running = undefined;
  };
  const apply = (s: Settings): void => {
    if (signal.aborted) return;
    const on = s.enabled && !isSiteDisabled(hostname, s.disabledSites);
    if (!on) return stop();
    const prev = running?.settings;
    if (running && prev && prev.occurrences === s.occurrences && prev.tooltipDelay === s.tooltipDelay) {
      if (prev.markStyle !== s.markStyle) running.h.setMarkStyle(s.markStyle);
      running.settings = s;
      return;
    }
    stop();
    const controller = new AbortController();
    signal.addEventListener('abort', () => controller.abort(), { once: true, signal: controller.signal });
    const h = startHighlighter(doc, {
      terms,
      matcher,
      signal: controller.signal,
      markStyle: s.markStyle,
      firstOnly: s.occurrences === 'first',
      showDelay: s.tooltipDelay,
      learnMoreUrl: (t) => browser.runtime.getURL(`/glossary.html#${t.id}`),
    });
    running = { controller, h, settings: s };
  };

  const onMessage = (msg: unknown): Promise<TermsReply | JumpReply | ExplainReply | void> | undefined => {
    const req = msg as ContentRequest;
    switch (req?.type) {
      case 'hg:terms':
        return Promise.resolve({ counts: running ? countTerms(running.h) : [], hostname });
      case 'hg:jump':
        return running
          ? jump(running.h, req.direction, req.termId).then((m) => ({ found: !!m }))
          : Promise.resolve({ found: false });
      case 'hg:explain':
        return Promise.resolve(explain(doc, req.text));
      case 'hg:toggle-site':
        return toggleSite(hostname);
      default:
        return undefined;
    }
  };

  const explain = (d: Document, text: string): ExplainReply => {
    const match = matcher.find(text)[0];
    const term = match && terms.find((t) => t.id === match.termId);
    const sel = d.getSelection();
    if (!term || !running || !sel || sel.rangeCount === 0) return {};
    const range = sel.getRangeAt(0).cloneRange();
    const r = range.getBoundingClientRect();
    running.h.tooltip.show(term, { range, x: r.left + 1, y: r.top + r.height / 2 });
    return { termId: term.id };
  };

  browser.runtime.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => {
    browser.runtime.onMessage.removeListener(onMessage);
    stop();
  });
  const unwatch = watchSettings(apply);
  signal.addEventListener('abort', unwatch);
  apply(await loadSettings());
}

/** Terms marked on the page with their counts, in document order of first appearance. */
function countTerms(h: Highlighter): [string, number][] {
  const counts = new Map<string, number>();
  for (const m of h.scanner.index.all()) counts.set(m.termId, (counts.get(m.termId) ?? 0) + 1);
  return [...counts];
}

/** The keyboard command: this site on or off. The storage watcher then starts or stops us. */
async function toggleSite(hostname: string): Promise<void> {
  const site = normalizeSite(hostname);
  if (!site) return;
  const sites = (await disabledSitesItem.getValue()) ?? [];
  const list = Array.isArray(sites) ? sites.filter((s): s is string => typeof s === 'string') : [];
  await disabledSitesItem.setValue(list.includes(site) ? list.filter((s) => s !== site) : [...list, site]);
}
