import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { visitSheetUrl } from '../../components/links';
import { VisitSheet } from '../../components/VisitSheet';
import { pageIdsFrom } from '../../components/visit-sheet-model';
import { termById } from '../../glossary/terms';
import { savedTermsItem } from '../../settings/my-terms';
import { parseVisitSheet, visitSheetItem } from '../../settings/visit-sheet';
import { useFakeTab } from './setup';

useFakeTab(() => ({}));
afterEach(() => history.replaceState(null, '', '/visit-sheet.html'));

const TODAY = new Date(2026, 11, 1, 10, 0);

/** Opens the page at `url` and waits for the stored sheet (inputs are disabled until it arrives). */
async function openAt(url = '/visit-sheet.html') {
  history.replaceState(null, '', url);
  const view = render(<VisitSheet today={TODAY} />);
  await waitFor(() => expect((screen.getByRole('textbox', { name: 'Notes' }) as HTMLTextAreaElement).disabled).toBe(false));
  return view;
}

const stored = async () => parseVisitSheet(await visitSheetItem.getValue());
const checkbox = (name: string | RegExp) => screen.getByRole('checkbox', { name }) as HTMLInputElement;
const termNames = (heading: string) =>
  [...screen.getByRole('heading', { level: 2, name: heading }).closest('section')!.querySelectorAll('dt')].map(
    (dt) => dt.textContent,
  );

describe('VisitSheet', () => {
  it('should show the title, the explanation, the date and the empty state with no terms', async () => {
    await openAt();
    expect(screen.getAllByRole('heading', { level: 1 }).map((h) => h.textContent)).toEqual(['Visit sheet']);
    expect(screen.getByText(/Take this to your appointment\. Tick the questions/)).toBeTruthy();
    const time = document.querySelector('.sheet-date time')!;
    expect(time.getAttribute('datetime')).toBe('2026-12-01');
    expect(time.textContent).toBe(TODAY.toLocaleDateString(undefined, { dateStyle: 'long' }));
    expect(screen.getByText('You have no saved terms yet. Save terms from a card with the star.')).toBeTruthy();
    expect(screen.queryByRole('checkbox', { name: 'My saved terms' })).toBeNull();
    expect(document.querySelector('.disclaimer')?.textContent).toMatch(/not medical advice/);
    expect(document.querySelector('.sheet-sources')?.textContent).toBe('Definitions from the Health Glossary extension.');
    expect(document.title).toBe('Visit sheet: Health Glossary');
  });

  it('should list saved terms newest first and the page terms from the URL, without unknown or repeated ids', async () => {
    await savedTermsItem.setValue([
      { id: 'kyphosis', at: 100 },
      { id: 't-score', at: 200 },
    ]);
    await openAt('/visit-sheet.html?page=scoliosis,no-such-term,kyphosis,scoliosis');
    await waitFor(() => expect(termNames('My saved terms')).toEqual(['T-score', 'Kyphosis']));
    expect(termNames('Terms on the page')).toEqual(['Scoliosis']);
    expect(screen.getByText(termById.get('scoliosis')!.definition)).toBeTruthy();
    const orgs = [...new Set(['t-score', 'kyphosis', 'scoliosis'].flatMap((id) => termById.get(id)!.sources.map((s) => s.org)))];
    expect(document.querySelector('.sheet-sources')?.textContent).toBe(
      `Definitions from the Health Glossary extension. Sources: ${orgs.join(', ')}`,
    );

    expect(checkbox('My saved terms').checked).toBe(true);
    fireEvent.click(checkbox('Terms on the page I was reading'));
    expect(screen.queryByRole('heading', { name: 'Terms on the page' })).toBeNull();
    fireEvent.click(checkbox('My saved terms'));
    expect(screen.queryByRole('heading', { name: 'My saved terms' })).toBeNull();
    expect(screen.queryByRole('group', { name: 'About T-score' })).toBeNull();
  });

  it('should offer the page choice only when the URL names known terms', async () => {
    await savedTermsItem.setValue([{ id: 'kyphosis', at: 1 }]);
    await openAt('/visit-sheet.html?page=no-such-term');
    await waitFor(() => expect(checkbox('My saved terms')).toBeTruthy());
    expect(screen.queryByRole('checkbox', { name: 'Terms on the page I was reading' })).toBeNull();
  });

  it('should tick universal and condition questions by default, and save a tick to storage', async () => {
    await savedTermsItem.setValue([{ id: 't-score', at: 1 }]);
    await openAt();
    const universal = screen.getByRole('group', { name: 'Three questions for every visit' });
    expect(within(universal).getByText('From the Ask Me 3 programme')).toBeTruthy();
    expect(checkbox('What is my main problem?').checked).toBe(true);
    const condition = screen.getByRole('group', { name: 'Osteoporosis and back pain' });
    expect(
      within(condition)
        .getAllByRole('checkbox')
        .every((c) => (c as HTMLInputElement).checked),
    ).toBe(true);
    const about = await screen.findByRole('group', { name: 'About T-score' });
    const boxes = within(about).getAllByRole('checkbox') as HTMLInputElement[];
    expect(boxes.some((b) => b.checked)).toBe(false);
    expect((await stored()).picked).toBeUndefined();

    fireEvent.click(boxes[0]!);
    fireEvent.click(checkbox('What is my main problem?'));
    await waitFor(async () => {
      const picked = (await stored()).picked ?? [];
      expect(picked).toContain(`t-score/${boxes[0]!.id.split('--')[1]}`);
      expect(picked).not.toContain('universal/main-problem');
      expect(picked).toContain('universal/what-to-do');
    });
    expect(boxes[0]!.checked).toBe(true);
    expect(checkbox('What is my main problem?').closest('li')!.classList.contains('unticked')).toBe(true);
  });

  it('should show the ticks, own questions and notes stored before', async () => {
    await visitSheetItem.setValue({ picked: ['universal/what-to-do'], own: ['Can I still garden?'], notes: 'Pain since May.' });
    await openAt();
    await waitFor(() => expect(checkbox('What do I need to do?').checked).toBe(true));
    expect(checkbox('What is my main problem?').checked).toBe(false);
    expect(screen.getByText('Can I still garden?')).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Notes' }) as HTMLTextAreaElement).value).toBe('Pain since May.');
    expect(document.querySelector('.sheet-notes-print')?.textContent).toBe('Pain since May.');
  });

  it('should add and remove own questions and keep them in storage', async () => {
    await openAt();
    const input = screen.getByRole('textbox', { name: 'Add your own question' });
    fireEvent.input(input, { target: { value: '  Can I still garden?  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    fireEvent.input(input, { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(async () => expect((await stored()).own).toEqual(['Can I still garden?']));
    fireEvent.input(input, { target: { value: 'Is swimming safe?' } });
    fireEvent.submit(input.closest('form')!);
    await waitFor(async () => expect((await stored()).own).toEqual(['Can I still garden?', 'Is swimming safe?']));
    expect((input as HTMLInputElement).value).toBe('');
    expect([...document.querySelectorAll('.sheet-own-text')].map((e) => e.textContent)).toEqual([
      'Can I still garden?',
      'Is swimming safe?',
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Remove question: Can I still garden?' }));
    await waitFor(async () => expect((await stored()).own).toEqual(['Is swimming safe?']));
    expect(screen.queryByText('Can I still garden?')).toBeNull();
    expect(document.activeElement).toBe(input);
  });

  it('should stop adding at 20 own questions', async () => {
    await visitSheetItem.setValue({ own: Array.from({ length: 20 }, (_, i) => `Question ${i}?`), notes: '' });
    await openAt();
    await waitFor(() => expect(screen.getByText('You can add up to 20 questions.')).toBeTruthy());
    expect((screen.getByRole('button', { name: 'Add' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('should keep the notes in storage as they are typed', async () => {
    await openAt();
    fireEvent.input(screen.getByRole('textbox', { name: 'Notes' }), { target: { value: 'Ask about the scan.' } });
    await waitFor(async () => expect((await stored()).notes).toBe('Ask about the scan.'));
    expect(document.querySelector('.sheet-notes-print')?.textContent).toBe('Ask about the scan.');
  });

  it('should copy the sheet as text and say so, or say that it could not', async () => {
    await savedTermsItem.setValue([{ id: 'kyphosis', at: 1 }]);
    await openAt();
    await waitFor(() => expect(termNames('My saved terms')).toEqual(['Kyphosis']));
    const writeText = vi.fn(async (_text: string) => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    fireEvent.click(screen.getByRole('button', { name: 'Copy as text' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Copied'));
    const text = writeText.mock.calls[0]![0];
    expect(text).toContain(`- Kyphosis: ${termById.get('kyphosis')!.definition}`);
    expect(text).toContain('1. What is my main problem?');

    writeText.mockRejectedValueOnce(new Error('denied'));
    fireEvent.click(screen.getByRole('button', { name: 'Copy as text' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Could not copy'));
    fireEvent.click(screen.getByRole('button', { name: 'Copy as text' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Copied'));
    // No clipboard API at all (an old browser, an insecure page): the same message, no error.
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    fireEvent.click(screen.getByRole('button', { name: 'Copy as text' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Could not copy'));
    Reflect.deleteProperty(navigator, 'clipboard');
  });

  it('should download the sheet as a dated .txt file and revoke its URL after', async () => {
    await openAt();
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const { createObjectURL, revokeObjectURL } = URL;
    try {
      const create = vi.fn((_blob: Blob) => 'blob:sheet');
      const revoke = vi.fn();
      Object.assign(URL, { createObjectURL: create, revokeObjectURL: revoke });
      const clicked: HTMLAnchorElement[] = [];
      vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
        clicked.push(this);
      });
      fireEvent.click(screen.getByRole('button', { name: 'Download (.txt)' }));
      expect(clicked).toHaveLength(1);
      expect(clicked[0]!.download).toBe('visit-sheet-2026-12-01.txt');
      expect(clicked[0]!.href).toBe('blob:sheet');
      expect(clicked[0]!.isConnected).toBe(false);
      expect(await create.mock.calls[0]![0].text()).toContain('Visit sheet');
      expect(revoke).not.toHaveBeenCalled();
      vi.runAllTimers();
      expect(revoke).toHaveBeenCalledWith('blob:sheet');
    } finally {
      vi.useRealTimers();
      Object.assign(URL, { createObjectURL, revokeObjectURL });
    }
  });

  it('should print with the browser dialog', async () => {
    await openAt();
    // happy-dom has no print(): stand one in for the test.
    const print = vi.fn();
    Object.defineProperty(window, 'print', { value: print, configurable: true, writable: true });
    try {
      fireEvent.click(screen.getByRole('button', { name: 'Print' }));
      expect(print).toHaveBeenCalledOnce();
    } finally {
      Reflect.deleteProperty(window, 'print');
    }
  });

  it('should label every input and keep headings in order', async () => {
    await savedTermsItem.setValue([{ id: 't-score', at: 1 }]);
    await openAt('/visit-sheet.html?page=kyphoplasty');
    await screen.findByRole('group', { name: 'About Kyphoplasty' });
    for (const el of document.querySelectorAll('input, textarea'))
      expect(document.querySelector(`label[for="${el.id}"]`), el.id).not.toBeNull();
    const levels = [...document.querySelectorAll('h1, h2, h3, h4')].map((h) => Number(h.tagName[1]));
    levels.forEach((l, i) => i > 0 && expect(l - levels[i - 1]!).toBeLessThanOrEqual(1));
    for (const fs of document.querySelectorAll('fieldset')) expect(fs.querySelector('legend')?.textContent).toBeTruthy();
  });
});

describe('visitSheetUrl', () => {
  it('should name the page terms in ?page= only when there are any, in a form the sheet reads back', () => {
    expect(visitSheetUrl()).toMatch(/\/visit-sheet\.html$/);
    expect(visitSheetUrl([])).toMatch(/\/visit-sheet\.html$/);
    const url = new URL(visitSheetUrl(['kyphosis', 't-score']));
    expect(url.pathname).toBe('/visit-sheet.html');
    expect(url.search).toBe('?page=kyphosis,t-score');
    expect(pageIdsFrom(url.search)).toEqual(['kyphosis', 't-score']);
  });
});
