import { describe, expect, it } from 'vitest';
import { htmlTokens, textTokens, unexplainedChanges } from './page-compare';

const page = (extra = '', clock = '10:00') =>
  htmlTokens(`<main><p>Bone loss</p>${extra}<span>${clock}</span><p>Kyphosis</p></main>`);
const AD = '<iframe name="__cmpLocator" style="display:none"></iframe>';

describe('unexplainedChanges', () => {
  it('should find nothing when the extension’s load equals a load without it', () => {
    expect(unexplainedChanges(page(), [page()])).toEqual([]);
    expect(unexplainedChanges(page(AD), [page(), page(AD)])).toEqual([]);
  });

  it('should forgive a frame the page inserts in some loads and not others', () => {
    // The reference has the frame, the extension's load not, and another plain load not either.
    expect(unexplainedChanges(page('', '10:02'), [page(AD, '10:00'), page('', '10:01')])).toEqual([]);
  });

  it('should forgive a clock the page writes differently on every load', () => {
    expect(unexplainedChanges(page('', '10:02'), [page('', '10:00'), page('', '10:01')])).toEqual([]);
  });

  it('should report a change no load without the extension made', () => {
    const marked = htmlTokens('<main><p>Bone loss</p><span>10:00</span><p><mark>Kyphosis</mark></p></main>');
    const found = unexplainedChanges(marked, [page(), page()]);
    // The opening and the closing tag, each a change of its own.
    expect(found).toHaveLength(2);
    expect(found.join(' ')).toContain('<mark>');
  });

  it('should report a change at a place the page varies, when it is not the page’s kind of change', () => {
    // The page varies its clock text; a tag put in the same place is not the page's doing.
    const tagged = htmlTokens('<main><p>Bone loss</p><span><b>x</b></span><p>Kyphosis</p></main>');
    expect(unexplainedChanges(tagged, [page('', '10:00'), page('', '10:01')])).not.toEqual([]);
  });

  it('should report changed text with one load only to compare against', () => {
    expect(unexplainedChanges(textTokens('Bone loss\nKyphosis (kai-FOH-sis)'), [textTokens('Bone loss\nKyphosis')])).toHaveLength(
      1,
    );
  });
});
