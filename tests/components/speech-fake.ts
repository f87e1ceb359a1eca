import { vi } from 'vitest';

/** A stand-in for the browser's speech synthesis: records what is spoken, on the voices a test gives. */
export class FakeUtterance extends EventTarget {
  voice: SpeechSynthesisVoice | null = null;
  lang = '';
  rate = 1;
  constructor(readonly text: string) {
    super();
  }
}

export const voice = (lang: string, localService: boolean, isDefault = false): SpeechSynthesisVoice =>
  ({
    lang,
    localService,
    default: isDefault,
    name: `${lang}${localService ? '' : ' (online)'}`,
    voiceURI: lang,
  }) as SpeechSynthesisVoice;

export function fakeSynth(voices: SpeechSynthesisVoice[]) {
  const events = new EventTarget();
  return {
    voices,
    spoken: [] as FakeUtterance[],
    getVoices: vi.fn(function (this: { voices: SpeechSynthesisVoice[] }) {
      return this.voices;
    }),
    speak: vi.fn(function (this: { spoken: FakeUtterance[] }, u: SpeechSynthesisUtterance) {
      this.spoken.push(u as unknown as FakeUtterance);
    }),
    cancel: vi.fn(),
    addEventListener: events.addEventListener.bind(events),
    removeEventListener: events.removeEventListener.bind(events),
    dispatchEvent: events.dispatchEvent.bind(events),
  };
}

/** Installs `synth` as the page's `speechSynthesis` (and the utterance class) for one test. */
export function installSynth(synth: ReturnType<typeof fakeSynth> | undefined): void {
  vi.stubGlobal('SpeechSynthesisUtterance', FakeUtterance);
  vi.stubGlobal('speechSynthesis', synth);
}
