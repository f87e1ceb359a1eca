import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CONDITIONS, TERMS } from '../glossary/terms';
import { isSiteDisabled } from '../settings/parse';
import { siteOfUrl, toggleSite } from '../settings/sites';
import { activeTab } from '../messaging/ask-tab';
import { requestTerms } from './active-tab';
import { Disclaimer } from './Disclaimer';
import { GlossaryPanel } from './GlossaryPanel';
import { t } from './i18n';
import { glossaryUrl, visitSheetUrl } from './links';
import { MyTerms } from './MyTerms';
import { OnThisPage } from './OnThisPage';
import { Overview } from './Overview';
import { Switch } from './Switch';
import { TabPanel, Tabs } from './Tabs';
import { useSetting } from './useSetting';

export type View = 'overview' | 'glossary' | 'page' | 'mine';
const PREFIX = 'popup';

/**
 * The tab under the popup: its id (to message its content script) and its site (for the switch).
 * `url` is undefined without a tab permission (the extension asks for none): the site then comes
 * from the tab's content script, which knows its own hostname.
 */
function useActiveTab(): { ready: boolean; tabId?: number; url?: string; site?: string } {
  const [tab, setTab] = useState<{ ready: boolean; tabId?: number; url?: string; site?: string }>({ ready: false });
  useEffect(() => {
    void activeTab().then(async (t) => {
      let site = siteOfUrl(t?.url);
      if (site === undefined && t?.id !== undefined && t.url === undefined) {
        const hostname = (await requestTerms(t.id))?.hostname;
        if (hostname) site = siteOfUrl(`https://${hostname}/`);
      }
      setTab({ ready: true, tabId: t?.id, url: t?.url, site });
    });
  }, []);
  return tab;
}

/** The toolbar popup: switches for this site and everywhere, then Overview, Glossary and On this page. */
export function Popup({ initialView = 'overview' }: { initialView?: View }) {
  const [view, setView] = useState<View>(initialView);
  const [enabled, setEnabled] = useSetting('enabled');
  const [sites, setSites] = useSetting('disabledSites');
  const { ready, tabId, url, site } = useActiveTab();
  const condition = CONDITIONS[0];
  const siteOn = site && sites ? !isSiteDisabled(site, sites) : undefined;
  const marking = enabled === undefined || !ready ? undefined : enabled && (site === undefined || siteOn === true);
  // A switch the storage refused (sync storage full) flips back, and says why.
  const [problem, setProblem] = useState('');
  const store = (write: Promise<void>): void =>
    void write.then(
      () => setProblem(''),
      (e: unknown) => setProblem(/quota/i.test(String(e)) ? t('optStorageFull') : t('optStorageFailed')),
    );

  return (
    <div class="popup">
      <header class="bar">
        <h1>{t('appTitle')}</h1>
        <nav class="bar-links" aria-label={t('appTitle')}>
          <a href={glossaryUrl()} target="_blank" rel="noopener">
            {t('openGlossaryPage')}
            <span class="visually-hidden"> {t('opensInNewTab')}</span>
          </a>
          <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('openSettings')}
          </button>
        </nav>
        <div class="switches">
          <Switch id="switch-enabled" label={t('switchEnabled')} checked={enabled} onChange={(on) => store(setEnabled(on))} />
          {ready && site !== undefined && (
            <Switch
              id="switch-site"
              label={t('switchSite', site)}
              checked={siteOn}
              disabled={enabled === false}
              onChange={(on) => sites && store(setSites(toggleSite(sites, site, on)))}
            />
          )}
          {ready && url !== undefined && site === undefined && <p class="note small">{t('switchSiteNone')}</p>}
          {problem && (
            <p class="note notice small" role="alert">
              {problem}
            </p>
          )}
        </div>
      </header>
      <main class="main">
        <Tabs
          label={t('tabsLabel')}
          prefix={PREFIX}
          selected={view}
          onSelect={setView}
          tabs={[
            { id: 'overview', label: t('tabOverview') },
            { id: 'glossary', label: t('tabGlossary') },
            { id: 'page', label: t('tabOnThisPage') },
            { id: 'mine', label: t('tabMyTerms') },
          ]}
        />
        <div class="panels">
          <TabPanel prefix={PREFIX} id="overview" selected={view === 'overview'}>
            {condition && <Overview condition={condition} level={2} />}
          </TabPanel>
          <TabPanel prefix={PREFIX} id="glossary" selected={view === 'glossary'}>
            <GlossaryPanel terms={TERMS} />
          </TabPanel>
          <TabPanel prefix={PREFIX} id="page" selected={view === 'page'}>
            {ready && <OnThisPage tabId={tabId} url={url} marking={marking} />}
          </TabPanel>
          <TabPanel prefix={PREFIX} id="mine" selected={view === 'mine'}>
            <MyTerms sheetUrl={visitSheetUrl()} />
          </TabPanel>
        </div>
      </main>
      <Disclaimer />
    </div>
  );
}
