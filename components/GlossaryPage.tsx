import { useEffect, useMemo, useState } from 'preact/hooks';
import { CONDITIONS, TERMS, termById } from '../glossary/terms';
import { Disclaimer } from './Disclaimer';
import { GlossaryEntry } from './GlossaryEntry';
import { readGlossaryLocation, termFromHash } from './glossary-location';
import { resultsFor } from './glossary-results';
import { GlossaryList } from './GlossaryList';
import { t } from './i18n';
import { visitSheetUrl } from './links';
import { Overview } from './Overview';
import { SearchBox, searchStatus } from './SearchBox';

const isTerm = (id: string) => termById.has(id);

/**
 * The glossary page (`glossary.html`): the condition overview and every entry in full. Opens with
 * `?q=` in the search box, and scrolls to and highlights the entry named by `#<term-id>`.
 */
export function GlossaryPage({ win = window }: { win?: Window }) {
  const initial = useMemo(() => readGlossaryLocation(win.location.search, win.location.hash, isTerm), [win]);
  const [query, setQuery] = useState(initial.query);
  const [target, setTarget] = useState(initial.termId);
  const results = useMemo(() => resultsFor(TERMS, query), [query]);
  const condition = CONDITIONS[0];

  useEffect(() => {
    win.document.title = t('glossaryPageTitle');
    const onHash = () => {
      const id = termFromHash(win.location.hash, isTerm);
      if (!id) return;
      // A search that hides the entry would leave the link going nowhere: show everything again.
      setQuery((q) => {
        const r = resultsFor(TERMS, q);
        return r.kind === 'search' && !r.hits.some((h) => h.term.id === id) ? '' : q;
      });
      setTarget(id);
    };
    win.addEventListener('hashchange', onHash);
    return () => win.removeEventListener('hashchange', onHash);
  }, [win]);

  // After the entry is rendered: bring it into view and move focus there for keyboard and screen readers.
  useEffect(() => {
    if (!target) return;
    const el = win.document.getElementById(target);
    el?.scrollIntoView({ block: 'start' });
    el?.focus({ preventScroll: true });
  }, [target, win]);

  const count = results.kind === 'search' ? results.hits.length : TERMS.length;
  return (
    <div class="page glossary-page">
      <a class="skip" href="#glossary">
        {t('skipToContent')}
      </a>
      <header class="page-head">
        <h1>{t('appTitle')}</h1>
        <p class="page-links">
          <a href={visitSheetUrl()} target="_blank" rel="noopener">
            {t('sheetMake')}
          </a>
        </p>
        <SearchBox
          id="glossary-search"
          value={query}
          onInput={setQuery}
          status={searchStatus(query, count)}
          autoFocus={!initial.termId}
        />
      </header>
      <div class="page-body">
        <main class="page-main">
          {results.kind === 'all' && condition && <Overview condition={condition} level={2} />}
          <section id="glossary" class="glossary" aria-labelledby="glossary-h" tabIndex={-1}>
            <h2 id="glossary-h">{t('glossaryHeading')}</h2>
            <p class="summary">{t('glossaryIntro', TERMS.length)}</p>
            <GlossaryList
              results={results}
              level={3}
              prefix="gp"
              renderItem={(p) => <GlossaryEntry {...p} level={4} target={p.term.id === target} />}
            />
          </section>
        </main>
      </div>
      <Disclaimer />
    </div>
  );
}
