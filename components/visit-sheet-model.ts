import { questionGroups, questionKey, type QuestionGroup } from '../glossary/questions';
import { CONDITIONS, termById } from '../glossary/terms';
import type { SavedTerm } from '../settings/my-terms-parse';
import { t } from './i18n';
import { displayName } from './letters';

/** The condition whose questions every sheet asks. */
export const SHEET_CONDITION = 'osteoporosis-back-pain';

/** A term on the sheet: its name as a heading and its plain definition. */
export interface SheetTerm {
  id: string;
  name: string;
  definition: string;
}

export interface SheetQuestion {
  /** `questionKey` of the question: what `picked` stores. */
  key: string;
  text: string;
  ticked: boolean;
}

export interface SheetGroup {
  kind: QuestionGroup['kind'];
  id: string;
  heading: string;
  /** A line under the heading (where the questions come from). */
  note?: string;
  questions: SheetQuestion[];
}

/** Everything the page shows and the text copy holds, decided in one place. */
export interface SheetModel {
  /** "1 December 2026" in the reader's language. */
  dateText: string;
  /** The same day as YYYY-MM-DD (local time), for `<time>` and the file name. */
  isoDate: string;
  /** Saved terms on the sheet, newest first ([] when left out). */
  saved: SheetTerm[];
  /** Terms of the page the reader came from that are not among the saved ones shown ([] when left out). */
  page: SheetTerm[];
  /** The URL named at least one known term: offer the "terms on the page" choice. */
  hasPageTerms: boolean;
  /** The reader has no terms at all, saved or from a page. */
  empty: boolean;
  groups: SheetGroup[];
  own: string[];
  notes: string;
  /** Organisations behind the definitions on the sheet, each once, in order of first use. */
  sources: string[];
}

export interface SheetInput {
  saved: readonly SavedTerm[];
  pageIds: readonly string[];
  includeSaved: boolean;
  includePage: boolean;
  /** Ticked question keys; undefined: the defaults (every universal and condition question, no term question). */
  picked: readonly string[] | undefined;
  own: readonly string[];
  notes: string;
  date: Date;
  /** BCP 47 locale for the date; the browser's own when absent. */
  locale?: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM-DD of `date` in local time (`toISOString` would give the UTC day). */
export const isoDay = (date: Date): string => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

const sheetTerm = (id: string): SheetTerm | undefined => {
  const term = termById.get(id);
  return term && { id, name: displayName(term), definition: term.definition };
};

const known = (ids: Iterable<string>): SheetTerm[] => [...new Set(ids)].flatMap((id) => sheetTerm(id) ?? []);

function heading(group: QuestionGroup): string {
  if (group.kind === 'universal') return t('sheetUniversalHeading');
  if (group.kind === 'condition') return CONDITIONS.find((c) => c.id === group.id)?.title ?? group.id;
  const term = termById.get(group.id);
  return t('sheetTermQuestions', term ? displayName(term) : group.id);
}

/** Whether a question is ticked when the reader has not ticked anything yet. */
const tickedByDefault = (group: QuestionGroup): boolean => group.kind !== 'term';

/** The sheet for the reader's terms, choices and ticks. Unknown ids are dropped and each term shows once. */
export function buildSheet(input: SheetInput): SheetModel {
  // Stable sort: saved terms of the same moment keep their stored order.
  const savedAll = known([...input.saved].sort((a, b) => b.at - a.at).map((s) => s.id));
  const pageAll = known(input.pageIds);
  const saved = input.includeSaved ? savedAll : [];
  const shown = new Set(saved.map((s) => s.id));
  const page = input.includePage ? pageAll.filter((p) => !shown.has(p.id)) : [];
  const terms = [...saved, ...page];
  const picked = input.picked && new Set(input.picked);

  const groups = questionGroups(
    terms.map((s) => s.id),
    SHEET_CONDITION,
  ).map((g): SheetGroup => ({
    kind: g.kind,
    id: g.id,
    heading: heading(g),
    note: g.kind === 'universal' ? t('sheetUniversalNote') : undefined,
    questions: g.questions.map((q) => {
      const key = questionKey(g, q);
      return { key, text: q.text, ticked: picked ? picked.has(key) : tickedByDefault(g) };
    }),
  }));

  const sources = new Set<string>();
  for (const s of terms) for (const src of termById.get(s.id)?.sources ?? []) sources.add(src.org);

  const date = input.date;
  return {
    dateText: date.toLocaleDateString(input.locale, { dateStyle: 'long' }),
    isoDate: isoDay(date),
    saved,
    page,
    hasPageTerms: pageAll.length > 0,
    empty: savedAll.length === 0 && pageAll.length === 0,
    groups,
    own: [...input.own],
    notes: input.notes,
    sources: [...sources],
  };
}

/**
 * The stored `picked` after the reader ticks (or unticks) `key`: the first tick turns the defaults the
 * sheet shows into an explicit list, and keys of groups not shown now (a term left out) are kept.
 */
export function nextPicked(picked: readonly string[] | undefined, model: SheetModel, key: string, ticked: boolean): string[] {
  const base = picked ?? model.groups.flatMap((g) => g.questions.filter((q) => q.ticked).map((q) => q.key));
  const rest = base.filter((k) => k !== key);
  return ticked ? [...rest, key] : rest;
}

/** The footer line naming where the definitions came from. */
export const sourcesLine = (model: SheetModel): string =>
  model.sources.length > 0 ? t('sheetSources', model.sources.join(', ')) : t('sheetSourcesNone');

const numbered = (lines: readonly string[]): string[] => lines.map((line, i) => `${i + 1}. ${line}`);

/** A plain-text heading: the title over a rule of its length. */
const underlined = (title: string, rule: '=' | '-'): string[] => [title, rule.repeat(title.length)];

/** Term ids named by the URL (`?page=kyphosis,t-score`), in order; unchecked, `buildSheet` drops unknown ones. */
export const pageIdsFrom = (search: string): string[] =>
  (new URLSearchParams(search).get('page') ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);

/** The sheet as plain text (Copy and Download): only ticked questions, numbered; empty parts left out. */
export function sheetText(model: SheetModel): string {
  const blocks: string[][] = [[...underlined(t('sheetTitle'), '='), model.dateText]];
  const terms = (title: string, list: readonly SheetTerm[]) => {
    if (list.length > 0) blocks.push([...underlined(title, '-'), ...list.map((s) => `- ${s.name}: ${s.definition}`)]);
  };
  terms(t('sheetSavedHeading'), model.saved);
  terms(t('sheetPageHeading'), model.page);

  const groups = model.groups
    .map((g) => ({ g, ticked: g.questions.filter((q) => q.ticked).map((q) => q.text) }))
    .filter(({ ticked }) => ticked.length > 0);
  if (groups.length > 0 || model.own.length > 0) {
    blocks.push(underlined(t('sheetQuestionsHeading'), '-'));
    for (const { g, ticked } of groups) blocks.push([g.note ? `${g.heading} (${g.note})` : g.heading, ...numbered(ticked)]);
    if (model.own.length > 0) blocks.push([t('sheetOwnHeading'), ...numbered(model.own)]);
  }
  if (model.notes.trim()) blocks.push([...underlined(t('sheetNotes'), '-'), model.notes.trim()]);
  blocks.push([t('disclaimer'), sourcesLine(model)]);
  return blocks.map((b) => b.join('\n')).join('\n\n') + '\n';
}
