import {
  CATEGORIES,
  SOURCE_ORGS,
  type AmbiguousForm,
  type Condition,
  type CueGroups,
  type OverviewBlock,
  type OverviewSection,
  type Source,
  type Term,
} from './types';
import { normalizeText } from './normalize';

/** Thrown when glossary data is invalid; the message names the entry id and the field. */
export class GlossaryDataError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid glossary data:\n  - ${problems.join('\n  - ')}`);
    this.name = 'GlossaryDataError';
  }
}

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_DEFINITION_WORDS = 35;

/** Collects problems for one entry, each prefixed with `<id>.<field>`. */
class Checker {
  readonly problems: string[] = [];
  constructor(private readonly where: string) {}

  fail(field: string, msg: string): void {
    this.problems.push(`${this.where}.${field}: ${msg}`);
  }

  text(obj: Rec, field: string, opts: { optional?: boolean } = {}): string {
    const v = obj[field];
    if (v === undefined && opts.optional) return '';
    if (typeof v !== 'string') {
      this.fail(field, `expected a string, got ${v === undefined ? 'nothing' : typeof v}`);
      return '';
    }
    this.plain(field, v);
    return v;
  }

  /** A non-empty, trimmed, single-spaced string. */
  plain(field: string, v: string): void {
    if (v.trim() === '') this.fail(field, 'must not be empty');
    else if (v !== v.trim()) this.fail(field, 'has leading or trailing spaces');
    else if (/\s{2,}/.test(v)) this.fail(field, 'has repeated spaces');
  }

  strings(obj: Rec, field: string): string[] {
    const v = obj[field];
    if (!Array.isArray(v)) {
      this.fail(field, 'expected an array of strings');
      return [];
    }
    const out: string[] = [];
    v.forEach((s, i) => {
      if (typeof s !== 'string') this.fail(`${field}[${i}]`, 'expected a string');
      else {
        this.plain(`${field}[${i}]`, s);
        out.push(s);
      }
    });
    return out;
  }

  sources(obj: Rec, field = 'sources'): Source[] {
    const v = obj[field];
    if (!Array.isArray(v) || v.length === 0) {
      this.fail(field, 'needs at least one source');
      return [];
    }
    const seen = new Set<string>();
    return v.flatMap((s: unknown, i) => {
      const f = `${field}[${i}]`;
      if (!isRec(s)) {
        this.fail(f, 'expected { org, url }');
        return [];
      }
      if (!SOURCE_ORGS.includes(s.org as never)) this.fail(`${f}.org`, `unknown organisation ${JSON.stringify(s.org)}`);
      if (typeof s.url !== 'string' || !/^https:\/\/[^\s]+$/.test(s.url)) this.fail(`${f}.url`, 'expected an https URL');
      else if (seen.has(s.url)) this.fail(`${f}.url`, `duplicate source ${s.url}`);
      else seen.add(s.url);
      return [s as unknown as Source];
    });
  }
}

const wordCount = (s: string): number => s.split(/\s+/).filter(Boolean).length;

/** A real calendar date written YYYY-MM-DD ("2026-02-30" is not one). */
function isDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

function checkTerm(raw: unknown, index: number, problems: string[]): Term | undefined {
  if (!isRec(raw)) {
    problems.push(`entry #${index}: expected an object`);
    return undefined;
  }
  const id = typeof raw.id === 'string' ? raw.id : `#${index}`;
  const c = new Checker(id);
  if (typeof raw.id !== 'string' || !ID.test(raw.id)) c.fail('id', 'expected a kebab-case id');
  c.text(raw, 'term');
  c.strings(raw, 'variants');
  c.strings(raw, 'abbreviations');
  const definition = c.text(raw, 'definition');
  if (wordCount(definition) > MAX_DEFINITION_WORDS)
    c.fail('definition', `has ${wordCount(definition)} words; at most ${MAX_DEFINITION_WORDS}`);
  c.text(raw, 'details');
  c.text(raw, 'pronunciation', { optional: true });
  if (!CATEGORIES.includes(raw.category as never)) c.fail('category', `unknown category ${JSON.stringify(raw.category)}`);
  c.strings(raw, 'related');
  c.sources(raw);
  if (raw.cues !== undefined) c.strings(raw, 'cues');
  if (raw.ambiguousForms !== undefined) checkAmbiguousForms(raw.ambiguousForms, c);
  // Every entry says when it was last checked against its sources (issue #9).
  if (raw.picture !== undefined && (typeof raw.picture !== 'string' || !ID.test(raw.picture)))
    c.fail('picture', 'expected a picture id (kebab-case)');
  if (raw.reviewed === undefined) c.fail('reviewed', 'missing; expected the date the entry was checked, as YYYY-MM-DD');
  else if (typeof raw.reviewed !== 'string' || !isDate(raw.reviewed)) c.fail('reviewed', 'expected a date as YYYY-MM-DD');
  const known = new Set([
    'id',
    'term',
    'variants',
    'abbreviations',
    'definition',
    'details',
    'pronunciation',
    'category',
    'related',
    'sources',
    'cues',
    'ambiguousForms',
    'reviewed',
    'picture',
  ]);
  for (const key of Object.keys(raw)) if (!known.has(key)) c.fail(key, 'unknown field');
  problems.push(...c.problems);
  return c.problems.length ? undefined : (raw as unknown as Term);
}

function checkAmbiguousForms(v: unknown, c: Checker): void {
  if (!Array.isArray(v)) return c.fail('ambiguousForms', 'expected an array of { form, cues?, counter? }');
  v.forEach((f: unknown, i) => {
    const field = `ambiguousForms[${i}]`;
    if (!isRec(f)) return c.fail(field, 'expected { form, cues?, counter? }');
    c.text(f, 'form');
    for (const key of ['cues', 'counter']) if (f[key] !== undefined) c.strings(f, key);
    for (const key of Object.keys(f)) if (!['form', 'cues', 'counter'].includes(key)) c.fail(`${field}.${key}`, 'unknown field');
  });
}

/** The matching key of a written form: case-folded, hyphens and dashes as spaces. */
export const formKey = (s: string): string => normalizeText(s, true);

/** Whether `phrase` contains `form` as whole words (case-insensitive, hyphen = space). */
function containsForm(phrase: string, form: string): boolean {
  const p = formKey(phrase)
    .split(/[^\p{L}\p{N}']+/u)
    .filter(Boolean);
  const f = formKey(form)
    .split(/[^\p{L}\p{N}']+/u)
    .filter(Boolean);
  if (f.length === 0) return false;
  for (let i = 0; i + f.length <= p.length; i++) if (f.every((w, j) => p[i + j] === w)) return true;
  return false;
}

/** Problems with an entry's cues and ambiguous forms against the other entries and the cue groups. */
function senseProblems(t: Term, ids: ReadonlySet<string>, groups: CueGroups): string[] {
  const problems: string[] = [];
  const checkCues = (cues: readonly string[], field: string): void =>
    cues.forEach((cue, i) => {
      if (cue.startsWith('#') && !ids.has(cue.slice(1)))
        problems.push(`${t.id}.${field}[${i}]: no entry with id "${cue.slice(1)}"`);
      else if (cue.startsWith('@') && !Object.hasOwn(groups, cue.slice(1)))
        problems.push(`${t.id}.${field}[${i}]: no cue group "${cue.slice(1)}" in glossary/data/cues.json`);
    });
  checkCues(t.cues ?? [], 'cues');
  const names = new Set([t.term, ...t.variants].map(formKey));
  const seen = new Set<string>();
  (t.ambiguousForms ?? []).forEach((f: AmbiguousForm, i) => {
    const field = `ambiguousForms[${i}]`;
    if (!names.has(formKey(f.form)) && !t.abbreviations.includes(f.form))
      problems.push(`${t.id}.${field}.form: "${f.form}" is not the entry's term, a variant or an abbreviation`);
    if (seen.has(f.form)) problems.push(`${t.id}.${field}.form: "${f.form}" is listed twice`);
    seen.add(f.form);
    if ((f.cues ?? t.cues ?? []).length === 0)
      problems.push(`${t.id}.${field}.cues: an ambiguous form needs cues (its own or the entry's)`);
    checkCues(f.cues ?? [], `${field}.cues`);
    (f.counter ?? []).forEach((phrase, j) => {
      if (!containsForm(phrase, f.form))
        problems.push(`${t.id}.${field}.counter[${j}]: "${phrase}" does not contain the form "${f.form}"`);
    });
  });
  return problems;
}

/** Problems with the cue groups file: each group a kebab-case name with a list of plain phrases. */
export function cueGroupProblems(raw: unknown): string[] {
  if (!isRec(raw)) return ['cues.json: expected an object of groups'];
  const problems: string[] = [];
  for (const [name, list] of Object.entries(raw)) {
    const c = new Checker(`cues.json ${name}`);
    if (!ID.test(name)) problems.push(`cues.json ${name}: expected a kebab-case group name`);
    const cues = c.strings({ list }, 'list');
    if (cues.length === 0) c.fail('list', 'a group needs cues');
    cues.forEach((cue, i) => {
      if (/^[#@]/.test(cue)) c.fail(`list[${i}]`, 'a group holds plain words and phrases only');
    });
    problems.push(...c.problems);
  }
  return problems;
}

/** Problems with the order of one data file: entries are kept sorted by id so diffs stay small. */
export function unsortedIds(file: string, entries: readonly { id: string }[]): string[] {
  const problems: string[] = [];
  for (let i = 1; i < entries.length; i++) {
    const a = entries[i - 1]!.id;
    const b = entries[i]!.id;
    if (a.localeCompare(b, 'en') >= 0) problems.push(`${b}.id: ${file} must be sorted by id (comes after ${a})`);
  }
  return problems;
}

/**
 * Validates raw glossary entries and their cross-references.
 * Throws a GlossaryDataError naming each bad entry id and field.
 */
export function parseTerms(raw: unknown, cueGroups: CueGroups = {}): Term[] {
  if (!Array.isArray(raw)) throw new GlossaryDataError(['terms: expected an array']);
  const problems: string[] = [];
  const terms = raw.map((r, i) => checkTerm(r, i, problems)).filter((t): t is Term => t !== undefined);

  const ids = new Set<string>();
  for (const t of terms) {
    if (ids.has(t.id)) problems.push(`${t.id}.id: duplicate id`);
    ids.add(t.id);
  }
  // Each written form must lead to exactly one entry, or a hover would be a coin toss.
  const owner = new Map<string, string>();
  const claim = (form: string, key: string, t: Term, field: string): void => {
    const prev = owner.get(key);
    if (prev !== undefined && prev !== t.id) problems.push(`${t.id}.${field}: "${form}" is already used by ${prev}`);
    else if (prev === t.id) problems.push(`${t.id}.${field}: "${form}" is listed twice`);
    owner.set(key, t.id);
  };
  for (const t of terms) {
    // Keys as the matcher sees them: "weight-bearing" and "weight bearing" are one form.
    claim(t.term, `n:${formKey(t.term)}`, t, 'term');
    t.variants.forEach((v, i) => claim(v, `n:${formKey(v)}`, t, `variants[${i}]`));
    t.abbreviations.forEach((a, i) => claim(a, `a:${normalizeText(a, false)}`, t, `abbreviations[${i}]`));
  }
  for (const t of terms) {
    t.related.forEach((r, i) => {
      if (!ids.has(r)) problems.push(`${t.id}.related[${i}]: no entry with id "${r}"`);
      else if (r === t.id) problems.push(`${t.id}.related[${i}]: an entry cannot relate to itself`);
    });
    problems.push(...senseProblems(t, ids, cueGroups));
  }
  if (problems.length) throw new GlossaryDataError(problems);
  return terms;
}

function checkBlock(raw: unknown, c: Checker, field: string): OverviewBlock | undefined {
  if (!isRec(raw)) return (c.fail(field, 'expected a block'), undefined);
  if (raw.type === 'paragraph') return c.text(raw, 'text') ? (raw as OverviewBlock) : undefined;
  if (raw.type === 'list') {
    const items = c.strings(raw, 'items');
    if (items.length === 0) c.fail(`${field}.items`, 'a list needs items');
    return raw as OverviewBlock;
  }
  c.fail(`${field}.type`, 'expected "paragraph" or "list"');
  return undefined;
}

/** Validates one condition overview. Throws a GlossaryDataError naming the field. */
export function parseCondition(raw: unknown): Condition {
  const id = isRec(raw) && typeof raw.id === 'string' ? raw.id : 'condition';
  const c = new Checker(id);
  if (!isRec(raw)) throw new GlossaryDataError([`${id}: expected an object`]);
  if (typeof raw.id !== 'string' || !ID.test(raw.id)) c.fail('id', 'expected a kebab-case id');
  c.text(raw, 'title');
  c.text(raw, 'summary');
  c.sources(raw);
  const sections = Array.isArray(raw.sections) ? raw.sections : [];
  if (sections.length === 0) c.fail('sections', 'needs at least one section');
  const sectionIds = new Set<string>();
  sections.forEach((s: unknown, i) => {
    const f = `sections[${i}]`;
    if (!isRec(s)) return c.fail(f, 'expected a section');
    if (typeof s.id !== 'string' || !ID.test(s.id)) c.fail(`${f}.id`, 'expected a kebab-case id');
    else if (sectionIds.has(s.id)) c.fail(`${f}.id`, `duplicate section id ${s.id}`);
    else sectionIds.add(s.id);
    c.text(s, 'heading');
    if (s.picture !== undefined && (typeof s.picture !== 'string' || !ID.test(s.picture)))
      c.fail(`${f}.picture`, 'expected a picture id');
    const blocks = Array.isArray(s.blocks) ? s.blocks : [];
    if (blocks.length === 0) c.fail(`${f}.blocks`, 'needs at least one block');
    blocks.forEach((b: unknown, j) => checkBlock(b, c, `${f}.blocks[${j}]`));
  });
  if (c.problems.length) throw new GlossaryDataError(c.problems);
  return raw as unknown as Condition;
}

export type { OverviewSection };
