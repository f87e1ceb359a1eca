// The tooltip card's strings, imported by name so the content script bundles these five entries of
// the catalogue rather than all of it.
import { alsoCalled, learnMore, learnMoreFor, sayIt, sourceLabel } from '../public/_locales/en/messages.json';
import { getMessageOr } from './i18n-core';

const CARD = { alsoCalled, learnMore, learnMoreFor, sayIt, sourceLabel };

/** `t` for the tooltip card only. */
export const cardText = (key: keyof typeof CARD, ...subs: (string | number)[]): string => getMessageOr(key, CARD[key], subs);
