import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
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
});
