/**
 * Reading a term aloud with the browser's own speech synthesis, on a voice that runs on this device
 * (`localService`): a network voice would send the text away. Only our own utterances are ever
 * cancelled, so speech the page started is left alone.
 */

/** What we use of `speechSynthesis` (tests pass a fake). */
export type Synth = Pick<SpeechSynthesis, 'getVoices' | 'speak' | 'cancel'> &
  Partial<Pick<SpeechSynthesis, 'addEventListener' | 'removeEventListener'>>;

export const deviceSynth = (): Synth | undefined =>
  typeof globalThis.speechSynthesis === 'undefined' ? undefined : globalThis.speechSynthesis;

/** The device's English voice: its default if English, else US, then British, then any English one. */
export function localEnglishVoice(voices: readonly SpeechSynthesisVoice[]): SpeechSynthesisVoice | undefined {
  const local = voices.filter((v) => v.localService && /^en(-|_|$)/i.test(v.lang));
  return (
    local.find((v) => v.default) ??
    local.find((v) => /^en[-_]US$/i.test(v.lang)) ??
    local.find((v) => /^en[-_]GB$/i.test(v.lang)) ??
    local[0]
  );
}

let ours: Set<SpeechSynthesisUtterance> = new Set();

/** Speaks the term, then its definition; anything of ours still speaking stops first. */
export function speakTerm(term: { term: string; definition: string }, synth = deviceSynth()): boolean {
  const voice = synth && localEnglishVoice(synth.getVoices());
  if (!synth || !voice) return false;
  stopSpeaking(synth);
  const batch = new Set<SpeechSynthesisUtterance>();
  for (const text of [term.term, term.definition]) {
    const u = new SpeechSynthesisUtterance(text);
    u.voice = voice;
    u.lang = voice.lang;
    // A slightly slower pace: the reader is learning how a new word sounds.
    u.rate = 0.9;
    const done = (): void => void batch.delete(u);
    u.addEventListener('end', done);
    u.addEventListener('error', done);
    batch.add(u);
  }
  ours = batch;
  for (const u of batch) synth.speak(u);
  return true;
}

/** Stops our speech, if any is queued or playing. */
export function stopSpeaking(synth = deviceSynth()): void {
  if (!synth || ours.size === 0) return;
  ours = new Set();
  synth.cancel();
}

export const isSpeaking = (): boolean => ours.size > 0;
