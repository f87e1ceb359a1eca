// The tooltip card's strings, imported by name so the content script bundles these entries of the
// catalogue rather than all of it.
import {
  alsoCalled,
  knownDone,
  knowThis,
  learnMore,
  learnMoreFor,
  listen,
  listenTo,
  saveLabel,
  savedDone,
  savedLabel,
  saveLimit,
  sayIt,
  sourceLabel,
  storageFailed,
  storageFull,
  unsavedDone,
} from '../public/_locales/en/messages.json';
import { getMessageOr } from './i18n-core';

const CARD = {
  alsoCalled,
  knownDone,
  knowThis,
  learnMore,
  learnMoreFor,
  listen,
  listenTo,
  saveLabel,
  savedDone,
  savedLabel,
  saveLimit,
  sayIt,
  sourceLabel,
  storageFailed,
  storageFull,
  unsavedDone,
};

/** `t` for the tooltip card only. */
export const cardText = (key: keyof typeof CARD, ...subs: (string | number)[]): string => getMessageOr(key, CARD[key], subs);
