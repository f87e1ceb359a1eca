import readability from 'text-readability';
import type { Condition, Term } from './types';

/** Highest reading grade a picture's caption may have (issue #11). */
export const MAX_CAPTION_GRADE = 7;

/** A label drawn in a picture, and the glossary entry it names. */
export interface PictureLabel {
  text: string;
  entry: string;
}

/** One illustration's metadata, as stored in `glossary/data/pictures.json`; the drawing is `pictures/<id>.svg`. */
export interface PictureMeta {
  id: string;
  /** The SVG's own <title>. */
  title: string;
  /** One plain sentence shown under the picture. */
  caption: string;
  /** What the picture shows, for screen readers. */
  alt: string;
  /** Entries the picture illustrates. */
  entries: string[];
  labels: PictureLabel[];
}

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const fold = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[-\u2010\u2011]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Whether `text` is the entry's term, a variant (case-insensitive, hyphen = space) or an abbreviation (exact). */
export function labelMatches(text: string, term: Term): boolean {
  const t = fold(text);
  return [term.term, ...term.variants].some((f) => fold(f) === t) || term.abbreviations.includes(text.trim());
}

export const captionGrade = (caption: string): number =>
  Math.max(0, Math.round(readability.fleschKincaidGrade(caption) * 10) / 10);

/**
 * PURE: checks pictures.json and every reference to a picture. Returns problems, each
 * `<id>.<field>: message` (a picture's id, an entry's id, or `<condition>.sections[i]`).
 * `svgIds` are the pictures that have a drawing; pass undefined to skip that check.
 */
export function checkPictureRefs(
  raw: unknown,
  terms: readonly Term[],
  conditions: readonly Condition[],
  svgIds?: ReadonlySet<string>,
): string[] {
  const problems: string[] = [];
  const byId = new Map(terms.map((t) => [t.id, t]));
  const pictures = new Map<string, PictureMeta>();
  if (!Array.isArray(raw)) return ['pictures.json: expected an array of pictures'];
  raw.forEach((p: unknown, i) => {
    if (!isRec(p)) return problems.push(`pictures[${i}]: expected an object`);
    const id = typeof p.id === 'string' && ID.test(p.id) ? p.id : `pictures[${i}]`;
    const fail = (field: string, msg: string) => problems.push(`${id}.${field}: ${msg}`);
    if (id === `pictures[${i}]`) fail('id', 'expected a kebab-case id');
    else if (pictures.has(id)) fail('id', 'duplicate picture id');
    for (const field of ['title', 'caption', 'alt'] as const) {
      const v = p[field];
      if (typeof v !== 'string' || v.trim() === '') fail(field, 'expected a non-empty string');
    }
    if (typeof p.caption === 'string' && p.caption.trim()) {
      if (!/^[^.!?]+[.!?]$/.test(p.caption.trim())) fail('caption', 'expected one sentence');
      const grade = captionGrade(p.caption);
      if (grade > MAX_CAPTION_GRADE) fail('caption', `reads at grade ${grade}; at most ${MAX_CAPTION_GRADE}`);
    }
    const entries = Array.isArray(p.entries) ? p.entries : [];
    if (entries.length === 0) fail('entries', 'needs at least one entry');
    entries.forEach((e: unknown, j) => {
      if (typeof e !== 'string' || !byId.has(e)) fail(`entries[${j}]`, `no entry with id ${JSON.stringify(e)}`);
    });
    const labels = Array.isArray(p.labels) ? p.labels : null;
    if (!labels) fail('labels', 'expected an array of { text, entry }');
    labels?.forEach((l: unknown, j) => {
      const f = `labels[${j}]`;
      if (!isRec(l) || typeof l.text !== 'string' || typeof l.entry !== 'string') return fail(f, 'expected { text, entry }');
      const term = byId.get(l.entry);
      if (!term) fail(`${f}.entry`, `no entry with id "${l.entry}"`);
      else if (!labelMatches(l.text, term))
        fail(`${f}.text`, `"${l.text}" is not a name of ${l.entry} ("${term.term}" or a variant)`);
    });
    if (svgIds && id !== `pictures[${i}]` && !svgIds.has(id)) fail('id', `no drawing pictures/${id}.svg`);
    pictures.set(id, p as unknown as PictureMeta);
  });
  if (svgIds) for (const s of svgIds) if (!pictures.has(s)) problems.push(`${s}.svg: not listed in pictures.json`);
  for (const t of terms) {
    if (t.picture === undefined) continue;
    const pic = pictures.get(t.picture);
    if (!pic) problems.push(`${t.id}.picture: no picture with id "${t.picture}"`);
    else if (!pic.entries.includes(t.id))
      problems.push(`${t.id}.picture: picture "${t.picture}" does not list ${t.id} in its entries`);
  }
  for (const c of conditions) {
    c.sections.forEach((s, i) => {
      if (s.picture !== undefined && !pictures.has(s.picture))
        problems.push(`${c.id}.sections[${i}].picture: no picture with id "${s.picture}" (section ${s.id})`);
    });
  }
  return problems;
}
