/**
 * Puts `html` in the test document's body and returns the body. The one place unit tests write
 * markup: literal fixtures written in the tests, never data (the rule against innerHTML is for data).
 */
export function setBody(html: string): HTMLElement {
  // eslint-disable-next-line no-restricted-properties
  document.body.innerHTML = html;
  return document.body;
}
