import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pictureById } from '../../components/picture-meta';
import { loadPictureSvg } from '../../components/picture-source';
import { TermCard } from '../../components/TermCard';
import { termById } from '../../glossary/terms';

afterEach(cleanup);

describe('TermCard', () => {
  it('should show the name, pronunciation, definition, other names, a labelled link and each source once', () => {
    const term = termById.get('kyphosis')!;
    const { container } = render(<TermCard term={term} learnMoreUrl="chrome-extension://x/glossary.html#kyphosis" />);
    expect(container.querySelector('.hg-term')?.textContent).toBe(term.term);
    expect(container.querySelector('.hg-say')?.textContent).toBe(`Say it: ${term.pronunciation}`);
    expect(container.querySelector('.hg-definition')?.textContent).toBe(term.definition);
    expect(container.querySelector('.hg-aliases')?.textContent).toMatch(/^Also called: /);
    const link = container.querySelector('a')!;
    expect(link.textContent).toBe('Learn more');
    expect(link.getAttribute('aria-label')).toBe(`Learn more about ${term.term} (opens in a new tab)`);
    const orgs = container.querySelector('.hg-source')!.textContent!.replace('Source: ', '').split(', ');
    expect(new Set(orgs).size).toBe(orgs.length);
  });

  it('should leave out the link when there is nowhere to go', () => {
    const { container } = render(<TermCard term={termById.get('kyphosis')!} />);
    expect(container.querySelector('a')).toBeNull();
  });

  it('should show the entry’s picture below the definition when pictures are on, loaded by its id', async () => {
    const term = termById.get('wedge-fracture')!;
    const load = vi.fn(loadPictureSvg);
    const { container } = render(<TermCard term={term} loadPicture={load} />);
    const img = screen.getByRole('img', { name: pictureById.get(term.picture!)!.alt });
    expect(container.querySelector('.hg-definition')!.nextElementSibling).toBe(img.closest('figure'));
    await waitFor(() => expect(img.querySelector('svg')).not.toBeNull());
    expect(load).toHaveBeenCalledWith(term.picture);
  });

  it('should show no picture when pictures are off, or the entry has none', () => {
    const load = vi.fn(loadPictureSvg);
    render(<TermCard term={termById.get('wedge-fracture')!} />);
    render(<TermCard term={termById.get('alcohol')!} loadPicture={load} />);
    expect(document.querySelector('figure')).toBeNull();
    expect(load).not.toHaveBeenCalled();
  });
});
