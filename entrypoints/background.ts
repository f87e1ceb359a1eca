import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // Nothing to do in the background yet: the glossary ships inside the content script.
});
