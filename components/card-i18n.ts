// The tooltip card's strings, each read by name from the catalogue so that the content script's card
// bundles these entries of it rather than all of it (static member reads are tree-shaken).
import * as en from '../public/_locales/en/messages.json';
import { getMessageOr } from './i18n-core';

const CARD = {
  alsoCalled: en.alsoCalled,
  knownDone: en.knownDone,
  knowThis: en.knowThis,
  learnMore: en.learnMore,
  learnMoreFor: en.learnMoreFor,
  listen: en.listen,
  listenTo: en.listenTo,
  saveLabel: en.saveLabel,
  savedDone: en.savedDone,
  savedLabel: en.savedLabel,
  saveLimit: en.saveLimit,
  sayIt: en.sayIt,
  sourceLabel: en.sourceLabel,
  storageFailed: en.storageFailed,
  storageFull: en.storageFull,
  unsavedDone: en.unsavedDone,
};

/** `t` for the tooltip card only. */
export const cardText = (key: keyof typeof CARD, ...subs: (string | number)[]): string => getMessageOr(key, CARD[key], subs);
