import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { Options } from '../../components/Options';
import { loadSettings, SETTINGS } from '../../settings/items';
import { DEFAULTS } from '../../settings/parse';
import { useFakeTab } from './setup';

useFakeTab(() => ({}));

/** Renders the page and waits for the stored values to arrive (controls are disabled until then). */
async function renderOptions() {
  render(<Options />);
  const underline = screen.getByRole('radio', { name: 'Dotted underline' }) as HTMLInputElement;
  await waitFor(() => expect(underline.closest('fieldset')!.disabled).toBe(false));
  await waitFor(() => expect(screen.getByRole('slider')).toHaveProperty('disabled', false));
}

describe('Options', () => {
  it('should show the defaults when nothing is stored', async () => {
    await renderOptions();
    expect((screen.getByRole('radio', { name: 'Dotted underline' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: 'Every place a term appears' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('slider') as HTMLInputElement).value).toBe('300');
    expect(screen.getByText('300 ms')).toBeTruthy();
    expect(screen.getByText(/No sites yet/)).toBeTruthy();
    expect(document.querySelector('.disclaimer')?.textContent).toMatch(/not medical advice/);
  });

  it('should show defaults, not break, when storage holds garbage', async () => {
    await fakeBrowser.storage.sync.set({
      markStyle: { x: 1 },
      occurrences: null,
      tooltipDelay: 'soon',
      disabledSites: 'everything',
      enabled: 'yes',
    });
    await renderOptions();
    expect((screen.getByRole('radio', { name: 'Dotted underline' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('slider') as HTMLInputElement).value).toBe('300');
    expect((screen.getByRole('switch', { name: 'Mark terms on pages' }) as HTMLInputElement).checked).toBe(true);
  });

  it('should write each change to storage at once', async () => {
    await renderOptions();
    fireEvent.click(screen.getByRole('radio', { name: 'Soft background' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Only the first place on each page' }));
    const slider = screen.getByRole('slider') as HTMLInputElement;
    fireEvent.input(slider, { target: { value: '1250' } });
    expect(screen.getByText('1250 ms')).toBeTruthy();
    fireEvent.change(slider, { target: { value: '1250' } });
    fireEvent.click(screen.getByRole('switch', { name: 'Mark terms on pages' }));
    await waitFor(async () =>
      expect(await loadSettings()).toEqual({
        ...DEFAULTS,
        markStyle: 'background',
        occurrences: 'first',
        tooltipDelay: 1250,
        enabled: false,
      }),
    );
    expect(await SETTINGS.markStyle.item.getValue()).toBe('background');
    expect(document.querySelector('.status')?.textContent).toBe('Saved.');
  });

  it('should show pictures by default and save the switch when turned off', async () => {
    await renderOptions();
    const pictures = screen.getByRole('switch', { name: 'Show pictures in explanations' }) as HTMLInputElement;
    await waitFor(() => expect(pictures.checked).toBe(true));
    fireEvent.click(pictures);
    await waitFor(async () => expect(await SETTINGS.showPictures.item.getValue()).toBe(false));
    expect((await loadSettings()).showPictures).toBe(false);
    await SETTINGS.showPictures.item.setValue(true);
    await waitFor(() => expect(pictures.checked).toBe(true));
  });

  it('should show values changed elsewhere', async () => {
    await renderOptions();
    await SETTINGS.occurrences.item.setValue('first');
    await SETTINGS.tooltipDelay.item.setValue(800);
    await SETTINGS.enabled.item.setValue(false);
    await waitFor(() =>
      expect((screen.getByRole('radio', { name: 'Only the first place on each page' }) as HTMLInputElement).checked).toBe(true),
    );
    await waitFor(() => expect((screen.getByRole('slider') as HTMLInputElement).value).toBe('800'));
    expect((screen.getByRole('switch', { name: 'Mark terms on pages' }) as HTMLInputElement).checked).toBe(false);
  });

  it('should add sites as hostnames, refuse junk and duplicates, and remove them', async () => {
    await renderOptions();
    const input = screen.getByRole('textbox', { name: 'Site to add' }) as HTMLInputElement;
    const add = screen.getByRole('button', { name: 'Add site' });
    fireEvent.input(input, { target: { value: 'not a site' } });
    fireEvent.click(add);
    expect(await screen.findByText(/“not a site” doesn't look like a site/)).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');

    fireEvent.input(input, { target: { value: 'https://WWW.Example.com/page' } });
    fireEvent.click(add);
    await waitFor(async () => expect(await SETTINGS.disabledSites.item.getValue()).toEqual(['example.com']));
    expect(input.value).toBe('');
    expect(screen.getByText('example.com')).toBeTruthy();

    fireEvent.input(input, { target: { value: 'example.com' } });
    fireEvent.click(add);
    expect(await screen.findByText('example.com is already in the list.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Remove example.com' }));
    await waitFor(async () => expect(await SETTINGS.disabledSites.item.getValue()).toEqual([]));
    await waitFor(() => expect(document.querySelector('.status')?.textContent).toBe('Removed example.com.'));
  });

  it('should say so when sync storage is full, keep the site list as stored and the typed site', async () => {
    await SETTINGS.disabledSites.item.setValue(['example.org']);
    await renderOptions();
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const input = screen.getByRole('textbox', { name: 'Site to add' }) as HTMLInputElement;
    fireEvent.input(input, { target: { value: 'example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add site' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/sync storage is full, so this change was not saved/);
    expect(await SETTINGS.disabledSites.item.getValue()).toEqual(['example.org']);
    await waitFor(() => expect(screen.queryByText('example.com')).toBeNull());
    // What the reader typed is kept, to try again.
    expect(input.value).toBe('example.com');
  });

  it('should put a switch back when its change cannot be stored', async () => {
    await renderOptions();
    const pictures = screen.getByRole('switch', { name: /pictures/i }) as HTMLInputElement;
    expect(pictures.getAttribute('aria-checked') ?? String(pictures.checked)).toBe('true');
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('IO error'));
    fireEvent.click(pictures);
    expect((await screen.findByRole('alert')).textContent).toMatch(/could not be saved just now/);
    await waitFor(() => expect(pictures.getAttribute('aria-checked') ?? String(pictures.checked)).toBe('true'));
    expect(await SETTINGS.showPictures.item.getValue()).toBe(true);
  });

  it('should reset everything to the defaults', async () => {
    await SETTINGS.markStyle.item.setValue('off');
    await SETTINGS.disabledSites.item.setValue(['example.org']);
    await renderOptions();
    await waitFor(() => expect((screen.getByRole('radio', { name: 'Not marked' }) as HTMLInputElement).checked).toBe(true));
    expect(screen.getByText('Terms are not marked, so they are not explained on hover.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Reset to defaults' }));
    await waitFor(() => expect((screen.getByRole('radio', { name: 'Dotted underline' }) as HTMLInputElement).checked).toBe(true));
    expect(await loadSettings()).toEqual(DEFAULTS);
    expect(screen.queryByText('example.org')).toBeNull();
  });

  it('should label every control', async () => {
    await renderOptions();
    for (const el of document.querySelectorAll('input, button')) {
      const id = el.id;
      const labelled =
        (id && document.querySelector(`label[for="${id}"]`)) ||
        el.getAttribute('aria-label') ||
        (el.tagName === 'BUTTON' && el.textContent?.trim());
      expect(labelled, `${el.tagName} #${id}`).toBeTruthy();
    }
  });
});
