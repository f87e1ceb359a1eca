import { afterEach, describe, expect, it, vi } from 'vitest';
import { isSpeaking, localEnglishVoice, speakTerm, stopSpeaking } from '../../components/speech';
import { fakeSynth, installSynth, voice } from './speech-fake';

afterEach(() => {
  stopSpeaking();
  vi.unstubAllGlobals();
});

describe('localEnglishVoice', () => {
  it('should take only voices that run on the device', () => {
    expect(localEnglishVoice([voice('en-US', false, true)])).toBeUndefined();
    expect(localEnglishVoice([voice('en-US', false), voice('en-GB', true)])?.lang).toBe('en-GB');
  });

  it('should prefer the default English voice, then US, then British, and never another language', () => {
    expect(localEnglishVoice([voice('en-GB', true), voice('en-AU', true, true)])?.lang).toBe('en-AU');
    expect(localEnglishVoice([voice('en-GB', true), voice('en-US', true)])?.lang).toBe('en-US');
    expect(localEnglishVoice([voice('de-DE', true, true), voice('fr-FR', true)])).toBeUndefined();
  });
});

describe('speakTerm', () => {
  const term = { term: 'Kyphosis', definition: 'A forward curve of the upper back.' };

  it('should queue the term, then its definition, on the local voice', () => {
    const synth = fakeSynth([voice('en-US', false, true), voice('en-GB', true)]);
    installSynth(synth);
    expect(speakTerm(term)).toBe(true);
    expect(synth.spoken.map((u) => u.text)).toEqual([term.term, term.definition]);
    expect(synth.spoken.every((u) => u.voice?.lang === 'en-GB' && u.voice.localService)).toBe(true);
    expect(isSpeaking()).toBe(true);
  });

  it('should say nothing and report false where there is no local English voice, or no speech at all', () => {
    const synth = fakeSynth([voice('en-US', false)]);
    installSynth(synth);
    expect(speakTerm(term)).toBe(false);
    expect(synth.speak).not.toHaveBeenCalled();
    installSynth(undefined);
    expect(speakTerm(term)).toBe(false);
  });

  it('should cancel only its own speech', () => {
    const synth = fakeSynth([voice('en-US', true)]);
    installSynth(synth);
    stopSpeaking();
    expect(synth.cancel).not.toHaveBeenCalled();
    speakTerm(term);
    stopSpeaking();
    expect(synth.cancel).toHaveBeenCalledTimes(1);
    expect(isSpeaking()).toBe(false);
  });

  it('should count speech as over once both utterances ended', () => {
    const synth = fakeSynth([voice('en-US', true)]);
    installSynth(synth);
    speakTerm(term);
    for (const u of synth.spoken) u.dispatchEvent(new Event('end'));
    expect(isSpeaking()).toBe(false);
    stopSpeaking();
    expect(synth.cancel).not.toHaveBeenCalled();
  });
});
