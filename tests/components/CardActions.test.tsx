import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { CardActions } from '../../components/CardActions';
import { stopSpeaking } from '../../components/speech';
import { TermCard } from '../../components/TermCard';
import { termById, TERMS } from '../../glossary/terms';
import { knownTermsItem, loadSaved, setSaved } from '../../settings/my-terms';
import { MY_TERMS_LIMITS } from '../../settings/my-terms-parse';
import { fakeSynth, installSynth, voice } from './speech-fake';

const term = termById.get('kyphosis')!;

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  cleanup();
  stopSpeaking();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const renderCard = (announce = vi.fn()) => {
  render(<TermCard term={term} actions={<CardActions term={term} announce={announce} />} />);
  return announce;
};

describe('CardActions', () => {
  it('should save the term to My terms and take it out again, announcing each', async () => {
    const announce = renderCard();
    const save = await screen.findByRole('button', { name: 'Save' });
    await waitFor(() => expect(save.hasAttribute('disabled')).toBe(false));
    fireEvent.click(save);
    await screen.findByRole('button', { name: 'Saved' });
    expect((await loadSaved()).map((s) => s.id)).toEqual(['kyphosis']);
    await waitFor(() => expect(announce).toHaveBeenLastCalledWith('Kyphosis saved to My terms.'));
    fireEvent.click(screen.getByRole('button', { name: 'Saved' }));
    await screen.findByRole('button', { name: 'Save' });
    expect(await loadSaved()).toEqual([]);
    await waitFor(() => expect(announce).toHaveBeenLastCalledWith('Kyphosis removed from My terms.'));
  });

  it('should say why when the list is at its limit, and leave the list alone', async () => {
    await setSaved(
      TERMS.filter((t) => t.id !== term.id)
        .slice(0, MY_TERMS_LIMITS.savedTerms)
        .map((t, i) => ({ id: t.id, at: i + 1 })),
    );
    renderCard();
    const save = await screen.findByRole('button', { name: 'Save' });
    await waitFor(() => expect(save.hasAttribute('disabled')).toBe(false));
    fireEvent.click(save);
    expect((await screen.findByRole('alert')).textContent).toMatch(/up to 100 terms/);
    expect((await loadSaved()).some((s) => s.id === term.id)).toBe(false);
  });

  it('should say so when sync storage is full', async () => {
    renderCard();
    const save = await screen.findByRole('button', { name: 'Save' });
    await waitFor(() => expect(save.hasAttribute('disabled')).toBe(false));
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'));
    fireEvent.click(save);
    expect((await screen.findByRole('alert')).textContent).toMatch(/sync storage is full/);
  });

  it('should add the term to the known words on "I know this word"', async () => {
    const announce = renderCard();
    fireEvent.click(screen.getByRole('button', { name: 'I know this word' }));
    await waitFor(async () => expect(await knownTermsItem.getValue()).toEqual(['kyphosis']));
    await waitFor(() => expect(announce).toHaveBeenCalledWith(expect.stringMatching(/^Kyphosis will not be marked again/)));
  });

  it('should have no Listen button without a voice on the device', () => {
    installSynth(fakeSynth([voice('en-US', false, true)]));
    renderCard();
    expect(screen.queryByRole('button', { name: /Listen/ })).toBeNull();
  });

  it('should read the term, then its definition, on Listen; Escape stops it', async () => {
    const synth = fakeSynth([voice('en-GB', true)]);
    installSynth(synth);
    renderCard();
    fireEvent.click(screen.getByRole('button', { name: 'Listen to Kyphosis' }));
    expect(synth.spoken.map((u) => u.text)).toEqual([term.term, term.definition]);
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(synth.cancel).toHaveBeenCalledTimes(1);
  });

  it('should show Listen once the voices arrive late', async () => {
    const synth = fakeSynth([]);
    installSynth(synth);
    renderCard();
    expect(screen.queryByRole('button', { name: /Listen/ })).toBeNull();
    synth.voices = [voice('en-US', true)];
    synth.dispatchEvent(new Event('voiceschanged'));
    await screen.findByRole('button', { name: 'Listen to Kyphosis' });
  });
});
