import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { displayName } from '../../components/letters';
import { MyTerms } from '../../components/MyTerms';
import { termById } from '../../glossary/terms';
import { knownTermsItem, loadSaved, savedTermsItem } from '../../settings/my-terms';

const name = (id: string) => displayName(termById.get(id)!);

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

describe('MyTerms', () => {
  it('should say how to save when nothing is saved', async () => {
    render(<MyTerms />);
    await screen.findByText(/No saved terms yet/);
  });

  it('should list saved terms newest first, with their definitions, and remove one', async () => {
    await savedTermsItem.setValue([
      { id: 'kyphosis', at: 1 },
      { id: 'sciatica', at: 3 },
      { id: 'dxa-scan', at: 2 },
      // An entry a later glossary dropped is not shown (and not an error).
      { id: 'no-such-entry', at: 4 },
    ]);
    render(<MyTerms />);
    const list = await screen.findByRole('list');
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(3));
    const names = [...list.querySelectorAll('.my-name')].map((n) => n.textContent);
    expect(names).toEqual([name('sciatica'), name('dxa-scan'), name('kyphosis')]);
    expect(list.textContent).toContain(termById.get('sciatica')!.definition);
    fireEvent.click(screen.getByRole('button', { name: `Remove ${name('dxa-scan')} from My terms` }));
    await waitFor(async () => expect((await loadSaved()).map((s) => s.id)).toEqual(['no-such-entry', 'sciatica', 'kyphosis']));
  });

  it('should remove all at once, and bring them all back on Undo', async () => {
    const before = [
      { id: 'sciatica', at: 2 },
      { id: 'kyphosis', at: 1 },
    ];
    await savedTermsItem.setValue(before);
    render(<MyTerms />);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove all' }));
    await screen.findByText('Removed all 2 saved terms.');
    expect(await loadSaved()).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByText('Brought back 2 saved terms.');
    expect(await loadSaved()).toEqual(before);
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('should list known words and mark one again', async () => {
    await knownTermsItem.setValue(['kyphosis', 'sciatica']);
    render(<MyTerms />);
    fireEvent.click(await screen.findByRole('button', { name: `Mark again: ${name('kyphosis')}` }));
    await waitFor(async () => expect(await knownTermsItem.getValue()).toEqual(['sciatica']));
    await waitFor(() => expect(screen.queryByRole('button', { name: `Mark again: ${name('kyphosis')}` })).toBeNull());
  });

  it('should show corrupt stored lists as empty, without throwing', async () => {
    await fakeBrowser.storage.sync.set({ savedTerms: 'oops', knownTerms: { a: 1 } });
    render(<MyTerms />);
    await screen.findByText(/No saved terms yet/);
    await screen.findByText(/None yet/);
  });
});
