import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { REPLY_TIMEOUT_MS } from '../../messaging/ask-tab';
import { Popup } from '../../components/Popup';
import { CONDITIONS } from '../../glossary/terms';
import { SETTINGS } from '../../settings/items';
import { knownTermsItem } from '../../settings/my-terms';
import { useFakeTab, type FakeTab } from './setup';

let tab: FakeTab = {};
const sent = useFakeTab(() => tab);
const condition = CONDITIONS[0]!;

const renderPopup = (t: FakeTab = { url: 'https://www.example.com/article' }) => {
  tab = t;
  return render(<Popup />);
};

/** An article tab whose page reports these terms and finds every jump. */
const articleWith = (counts: [string, number][]) => ({
  url: 'https://www.example.com/article',
  reply: (m: { type: string }) => (m.type === 'hg:terms' ? { counts } : { found: true }),
});

describe('Popup', () => {
  it('should open on the overview, with a table of contents linking to every section', () => {
    renderPopup();
    expect(screen.getByRole('heading', { level: 2, name: condition.title })).toBeTruthy();
    const toc = screen.getByRole('navigation', { name: 'Contents' });
    const links = within(toc).getAllByRole('link');
    expect(links.map((a) => a.textContent)).toEqual(condition.sections.map((s) => s.heading));
    for (const a of links) expect(document.getElementById(a.getAttribute('href')!.slice(1))).not.toBeNull();
    expect(document.querySelector('.disclaimer')?.textContent).toMatch(/not medical advice/);
  });

  it('should follow the tabs pattern: one Tab stop, arrow keys, Home and End', () => {
    renderPopup();
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['Overview', 'Glossary', 'On this page', 'My terms']);
    expect(tabs.map((t) => t.getAttribute('tabindex'))).toEqual(['0', '-1', '-1', '-1']);
    tabs[0]!.focus();
    const press = (key: string) => fireEvent.keyDown(document.activeElement!, { key });
    const selected = () => screen.getAllByRole('tab').find((t) => t.getAttribute('aria-selected') === 'true')?.textContent;
    press('ArrowRight');
    expect(selected()).toBe('Glossary');
    expect(document.activeElement?.textContent).toBe('Glossary');
    press('End');
    expect(selected()).toBe('My terms');
    press('ArrowRight');
    expect(selected()).toBe('Overview');
    press('ArrowLeft');
    expect(selected()).toBe('My terms');
    press('Home');
    expect(selected()).toBe('Overview');
    // Each tab controls a panel that exists; only the selected one is shown.
    for (const t of screen.getAllByRole('tab')) {
      const panel = document.getElementById(t.getAttribute('aria-controls')!)!;
      expect(panel.getAttribute('role')).toBe('tabpanel');
      expect(panel.hidden).toBe(t.getAttribute('aria-selected') !== 'true');
    }
  });

  it.each([
    ['kyphosys', 'Kyphosis'],
    ['KYPHOSIS', 'Kyphosis'],
    ['vcf', 'Vertebral compression fracture'],
  ])('should filter the glossary for %j, first hit %s', async (query, first) => {
    renderPopup();
    fireEvent.click(screen.getByRole('tab', { name: 'Glossary' }));
    const box = screen.getByRole('searchbox', { name: 'Search the glossary' });
    fireEvent.input(box, { target: { value: query } });
    const panel = document.getElementById('popup-panel-glossary')!;
    await waitFor(() => expect(panel.querySelector('.term-name')?.textContent).toMatch(new RegExp(`^${first}`)));
    expect(panel.querySelector('.letter')).toBeNull();
    expect(
      within(panel)
        .getAllByRole('link', { name: /Full entry for/ })[0]!
        .getAttribute('href'),
    ).toMatch(/glossary\.html#/);
    expect(panel.querySelector('[role="status"]')?.textContent).toMatch(/Terms that match: \d+/);
  });

  it('should show the A-Z list with letter headings, and say when nothing matches', () => {
    renderPopup();
    const panel = document.getElementById('popup-panel-glossary')!;
    expect([...panel.querySelectorAll('.letter')].map((h) => h.textContent)).toContain('K');
    fireEvent.click(screen.getByRole('tab', { name: 'Glossary' }));
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'qqqqzzzz' } });
    expect(panel.querySelector('.empty')?.textContent).toMatch(/No terms match “qqqqzzzz”/);
  });

  it('should list the terms found on the page and ask the page to jump to one', async () => {
    renderPopup(
      articleWith([
        ['kyphosis', 3],
        ['osteoporosis', 1],
        ['not-a-term', 2],
      ]),
    );
    fireEvent.click(screen.getByRole('tab', { name: 'On this page' }));
    const kyphosis = await screen.findByRole('button', { name: /Kyphosis\s*3 times/ });
    expect(screen.getByRole('button', { name: /Osteoporosis\s*once/ })).toBeTruthy();
    expect(screen.queryByText(/not-a-term/)).toBeNull();
    fireEvent.click(kyphosis);
    await waitFor(() => expect(sent).toContainEqual({ type: 'hg:jump', termId: 'kyphosis', direction: 1 }));
    expect(sent[0]).toEqual({ type: 'hg:terms' });
    await waitFor(() =>
      expect(document.querySelector('.on-page [role="status"]')?.textContent).toBe('Showing “Kyphosis” on the page.'),
    );
  });

  it('should count the terms of every frame, with the site from the top frame', async () => {
    renderPopup({
      url: undefined,
      reply: (m) => (m.type === 'hg:terms' ? { counts: [['kyphosis', 1]], hostname: 'www.example.com' } : { found: false }),
      frames: [
        () => null,
        (m) =>
          m.type === 'hg:terms'
            ? {
                counts: [
                  ['kyphosis', 2],
                  ['osteoporosis', 1],
                ],
                hostname: 'reader.example.net',
              }
            : { found: true },
      ],
    });
    expect(await screen.findByRole('switch', { name: /Mark terms on example\.com/ })).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'On this page' }));
    const kyphosis = await screen.findByRole('button', { name: /Kyphosis\s*3 times/ });
    expect(screen.getByRole('button', { name: /Osteoporosis\s*once/ })).toBeTruthy();
    fireEvent.click(kyphosis);
    // The frame that holds it found it: the popup says it is shown.
    await waitFor(() =>
      expect(document.querySelector('.on-page [role="status"]')?.textContent).toBe('Showing “Kyphosis” on the page.'),
    );
  });

  it('should ask by runtime message where the browser runs no script in the tab', async () => {
    renderPopup({ ...articleWith([['kyphosis', 2]]), scriptsBlocked: true });
    fireEvent.click(screen.getByRole('tab', { name: 'On this page' }));
    expect(await screen.findByRole('button', { name: /Kyphosis\s*2 times/ })).toBeTruthy();
    expect(fakeBrowser.tabs.sendMessage).toHaveBeenCalledWith(7, { type: 'hg:terms' }, undefined);
  });

  it('should grey the words the reader knows, with counts and a way to mark them again', async () => {
    await knownTermsItem.setValue(['kyphosis']);
    renderPopup(
      articleWith([
        ['kyphosis', 3],
        ['osteoporosis', 1],
      ]),
    );
    fireEvent.click(screen.getByRole('tab', { name: 'On this page' }));
    await screen.findByRole('button', { name: /Osteoporosis\s*once/ });
    const known = await waitFor(() => {
      const li = document.querySelector('.found li.is-known');
      expect(li).not.toBeNull();
      return li!;
    });
    expect(known.textContent).toMatch(/Kyphosis.*you know this, 3 times/);
    // Not a jump button: a known word has no marks to go to.
    expect(screen.queryByRole('button', { name: /Kyphosis\s*3 times/ })).toBeNull();
    fireEvent.click(within(known as HTMLElement).getByRole('button', { name: 'Mark again: Kyphosis' }));
    await waitFor(async () => expect(await knownTermsItem.getValue()).toEqual([]));
  });

  it('should say kindly when the tab has no content script', async () => {
    renderPopup({ url: 'chrome://extensions/' });
    fireEvent.click(screen.getByRole('tab', { name: 'On this page' }));
    expect(await screen.findByText(/can't read this page. It is one of the browser's own pages/)).toBeTruthy();
    // No site switch for a browser page, only a note.
    expect(screen.queryByRole('switch', { name: /Mark terms on chrome/ })).toBeNull();
    expect(screen.getByText('This kind of page is never marked.')).toBeTruthy();
  });

  it.each([
    ['a PDF the content script reports', 'https://example.org/guide.pdf', { counts: [], unsupported: 'pdf' }, /It is a PDF file/],
    ['a page source', 'view-source:https://example.org/', undefined, /source code/],
    ['an add-on store', 'https://addons.mozilla.org/en-US/firefox/', undefined, /Add-on stores are closed/],
    ['a tab whose address the browser hides', undefined, undefined, /page source views, PDF files and files on this computer/],
  ] as const)('should say why %s has no terms', async (_label, url, answer, text) => {
    renderPopup({ url, reply: answer && (() => answer) });
    fireEvent.click(screen.getByRole('tab', { name: 'On this page' }));
    expect(await screen.findByText(text)).toBeTruthy();
  });

  it('should say so when the page has no glossary terms', async () => {
    renderPopup({ url: 'https://example.org/', reply: () => ({ counts: [] }) });
    expect(await screen.findByText('No glossary terms were found on this page.')).toBeTruthy();
  });

  it('should turn the extension off everywhere and on this site through storage', async () => {
    renderPopup();
    const everywhere = screen.getByRole('switch', { name: 'Mark terms on pages' }) as HTMLInputElement;
    const site = (await screen.findByRole('switch', { name: 'Mark terms on example.com' })) as HTMLInputElement;
    await waitFor(() => expect(site.checked && !site.disabled).toBe(true));
    fireEvent.click(site);
    await waitFor(async () => expect(await SETTINGS.disabledSites.item.getValue()).toEqual(['example.com']));
    expect(site.checked).toBe(false);
    fireEvent.click(site);
    await waitFor(async () => expect(await SETTINGS.disabledSites.item.getValue()).toEqual([]));
    await waitFor(() => expect(everywhere.checked).toBe(true));
    fireEvent.click(everywhere);
    await waitFor(async () => expect(await SETTINGS.enabled.item.getValue()).toBe(false));
    // The site switch means nothing while everything is off.
    expect(site.disabled).toBe(true);
  });

  it('should flip a switch back and say why when sync storage is full', async () => {
    renderPopup();
    const site = (await screen.findByRole('switch', { name: 'Mark terms on example.com' })) as HTMLInputElement;
    await waitFor(() => expect(site.checked && !site.disabled).toBe(true));
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    fireEvent.click(site);
    expect((await screen.findByRole('alert')).textContent).toMatch(/sync storage is full/);
    await waitFor(() => expect(site.checked).toBe(true));
    expect(await SETTINGS.disabledSites.item.getValue()).toEqual([]);
  });

  it('should follow a change made elsewhere (the options page) while open', async () => {
    renderPopup();
    const site = (await screen.findByRole('switch', { name: 'Mark terms on example.com' })) as HTMLInputElement;
    await waitFor(() => expect(site.checked).toBe(true));
    await SETTINGS.disabledSites.item.setValue(['example.com']);
    await waitFor(() => expect(site.checked).toBe(false));
  });
});

describe('Popup with a tab that never answers', () => {
  it('should give up waiting and say the page cannot be read', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      renderPopup({ url: 'https://example.org/', reply: () => new Promise(() => undefined) });
      fireEvent.click(screen.getByRole('tab', { name: 'On this page' }));
      expect(await screen.findByText('Looking for terms on this page…')).toBeTruthy();
      await vi.advanceTimersByTimeAsync(REPLY_TIMEOUT_MS + 10);
      expect(await screen.findByText(/can't reach this page yet.*Reload the page/)).toBeTruthy();
    } finally {
      vi.useRealTimers();
    }
  });
});
