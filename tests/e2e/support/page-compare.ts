// Judges a page loaded with the extension against loads of the same page without it. A page may
// vary by itself from load to load (ad frames added or not, clocks, random ids); the extension must
// change nothing. A difference is forgiven only where a load without the extension changed the same
// place in the same way, so a change the extension makes is never hidden.
import { diffArrays } from 'diff';

/** Markup split into tags and text runs; innerText into lines. */
export const htmlTokens = (html: string): string[] => html.match(/<[^>]*>|[^<]+/g) ?? [];
export const textTokens = (text: string): string[] => text.split('\n');

/** One change from the reference load: `removed` tokens from `at` replaced by `added`. */
interface Hunk {
  at: number;
  removed: number;
  added: string[];
}

/** Tags by name, text as text: what "the same way" means for a page's own varying content. */
const shape = (tokens: string[]): string =>
  tokens.map((t) => (t.startsWith('<') ? (t.match(/^<\/?[a-zA-Z0-9-]+/)?.[0] ?? t) : '#text')).join(' ');

/** More edits than this between two loads is not a page varying a few places: judged as one big change. */
const MAX_EDITS = 4000;

/** The changes that turn `ref` into `other`, in `ref`'s positions. */
function hunks(ref: string[], other: string[]): Hunk[] {
  const parts = diffArrays(ref, other, { maxEditLength: MAX_EDITS });
  if (!parts) return [{ at: 0, removed: ref.length, added: other }];
  const out: Hunk[] = [];
  let at = 0;
  let open: Hunk | undefined;
  for (const part of parts) {
    if (!part.added && !part.removed) {
      open = undefined;
      at += part.count;
      continue;
    }
    if (!open) out.push((open = { at, removed: 0, added: [] }));
    if (part.removed) {
      open.removed += part.count;
      at += part.count;
    } else open.added.push(...part.value);
  }
  return out;
}

const sameSpot = (a: Hunk, b: Hunk): boolean => a.at === b.at && a.removed === b.removed && shape(a.added) === shape(b.added);

/**
 * What the extension's load changed that no load without it changed too (empty: nothing). `plain[0]`
 * is the reference; the others show how the page varies by itself.
 */
export function unexplainedChanges(withExt: string[], plain: string[][]): string[] {
  if (plain.some((p) => p.length === withExt.length && p.every((t, i) => t === withExt[i]))) return [];
  const [ref, ...others] = plain as [string[], ...string[][]];
  const pageOwn = others.flatMap((p) => hunks(ref, p));
  return hunks(ref, withExt)
    .filter((h) => !pageOwn.some((p) => sameSpot(h, p)))
    .slice(0, 5)
    .map(
      (h) =>
        `at token ${h.at}: ${JSON.stringify(
          ref
            .slice(h.at, h.at + Math.min(h.removed, 3))
            .join('')
            .slice(0, 160),
        )} became ${JSON.stringify(h.added.slice(0, 3).join('').slice(0, 160))}`,
    );
}
