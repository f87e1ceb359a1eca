import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { GlossaryPage } from '../../components/GlossaryPage';
import { TERMS, termById } from '../../glossary/terms';
import { useFakeTab } from './setup';

useFakeTab(() => ({}));
afterEach(() => history.replaceState(null, '', '/glossary.html'));

/** Opens the page at a URL, as the browser would for `glossary.html?...#...`. */
function openAt(url: string) {
  history.replaceState(null, '', url);
  return render(<GlossaryPage />);
}

// Each test renders the whole page (349 entries): over 5 s in happy-dom on a busy 2-core machine.
describe('GlossaryPage', { timeout: 30_000 }, () => {
  it('should show the overview and every entry under its letter, each with an anchor of its bare id', () => {
    openAt('/glossary.html');
    expect(screen.getByRole('heading', { level: 1, name: 'Health Glossary' })).toBeTruthy();
    expect(document.querySelector('article.overview')).not.toBeNull();
    for (const t of TERMS) expect(document.getElementById(t.id)?.classList.contains('entry'), t.id).toBe(true);
    expect(document.querySelectorAll('.glossary .letter').length).toBeGreaterThan(10);
    expect(document.querySelector('.disclaimer')?.textContent).toMatch(/not medical advice/);
  });

  it('should show an entry in full: details, pronunciation, category, related links and sources', () => {
    openAt('/glossary.html');
    const term = termById.get('kyphosis')!;
    const entry = document.getElementById('kyphosis')!;
    expect(entry.textContent).toContain(term.details);
    expect(entry.textContent).toContain(term.pronunciation!);
    expect(entry.querySelector('.badge')?.textContent).toMatch(/Condition/);
    const related = [...entry.querySelectorAll('.related a')].map((a) => a.getAttribute('href'));
    expect(related).toEqual(term.related.map((id) => `#${id}`));
    const sources = [...entry.querySelectorAll('.sources a')] as HTMLAnchorElement[];
    expect(sources.map((a) => a.getAttribute('href'))).toEqual(term.sources.map((s) => s.url));
    sources.forEach((a, i) => expect(a.textContent!.startsWith(term.sources[i]!.org)).toBe(true));
    expect(sources.every((a) => a.target === '_blank' && a.rel.includes('noopener'))).toBe(true);
  });

  it('should show when every entry was last reviewed, as a date a reader cannot misread', () => {
    openAt('/glossary.html');
    const time = document.querySelector('#kyphosis .reviewed time')!;
    expect(time.textContent).toBe('Reviewed 1 December 2026');
    expect(time.getAttribute('datetime')).toBe(termById.get('kyphosis')!.reviewed);
    for (const t of TERMS)
      expect(document.querySelector(`#${t.id} .reviewed time`)?.getAttribute('datetime'), t.id).toBe(t.reviewed);
  });

  it('should highlight and focus the entry named in the hash, and follow hash changes', async () => {
    openAt('/glossary.html#kyphosis');
    await waitFor(() => expect(document.activeElement?.id).toBe('kyphosis'));
    expect(document.querySelectorAll('.is-target')).toHaveLength(1);
    expect(document.getElementById('kyphosis')!.classList.contains('is-target')).toBe(true);
    history.replaceState(null, '', '/glossary.html#scoliosis');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await waitFor(() => expect(document.getElementById('scoliosis')!.classList.contains('is-target')).toBe(true));
    expect(document.querySelectorAll('.is-target')).toHaveLength(1);
    await waitFor(() => expect(document.activeElement?.id).toBe('scoliosis'));
  });

  it('should ignore a hash that names no entry', () => {
    openAt('/glossary.html#%E0%A4%A');
    expect(document.querySelectorAll('.is-target')).toHaveLength(0);
  });

  it('should open with ?q= in the search box and show ranked hits without the overview', () => {
    openAt('/glossary.html?q=kyphosys');
    expect((screen.getByRole('searchbox') as HTMLInputElement).value).toBe('kyphosys');
    expect(document.querySelector('.glossary .entry')?.id).toBe('kyphosis');
    expect(document.querySelector('article.overview')).toBeNull();
  });

  it('should clear a search that hides the entry a link points to', async () => {
    openAt('/glossary.html?q=kyphosis');
    expect(document.getElementById('scoliosis')).toBeNull();
    history.replaceState(null, '', '/glossary.html?q=kyphosis#scoliosis');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await waitFor(() => expect(document.getElementById('scoliosis')?.classList.contains('is-target')).toBe(true));
    expect((screen.getByRole('searchbox') as HTMLInputElement).value).toBe('');
  });

  it('should filter as the reader types', () => {
    openAt('/glossary.html');
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'DEXA' } });
    expect(document.querySelector('.glossary .entry')?.id).toBe('dxa-scan');
    expect(screen.getByRole('status').textContent).toMatch(/Terms that match/);
  });
});
