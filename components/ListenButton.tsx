import { useEffect, useState } from 'preact/hooks';
import { cardText as t } from './card-i18n';
import { SpeakerIcon } from './icons';
import { deviceSynth, localEnglishVoice, speakTerm, stopSpeaking } from './speech';

/** Whether this device has an English voice of its own; voices often arrive after the first call. */
export function useLocalVoice(): boolean {
  const [has, setHas] = useState(() => !!localEnglishVoice(deviceSynth()?.getVoices() ?? []));
  useEffect(() => {
    const synth = deviceSynth();
    const check = (): void => setHas(!!localEnglishVoice(synth?.getVoices() ?? []));
    check();
    synth?.addEventListener?.('voiceschanged', check);
    return () => synth?.removeEventListener?.('voiceschanged', check);
  }, []);
  return has;
}

/**
 * "Listen": says the term, then its definition, on the device's own voice. Absent where there is
 * none. Escape, or the button going away (the card closing), stops it.
 */
export function ListenButton({ term, class: className }: { term: { term: string; definition: string }; class?: string }) {
  const hasVoice = useLocalVoice();
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') stopSpeaking();
    };
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      stopSpeaking();
    };
  }, []);
  if (!hasVoice) return null;
  return (
    <button type="button" class={className} onClick={() => speakTerm(term)} aria-label={t('listenTo', term.term)}>
      <SpeakerIcon />
      {t('listen')}
    </button>
  );
}
