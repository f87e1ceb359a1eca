import { storage } from 'wxt/utils/storage';

/** What the visit sheet remembers between visits to the page. */
export interface VisitSheetState {
  /** Keys (`questionKey`, "<group>/<id>") of the ticked questions; undefined until the reader ticks one (defaults apply). */
  picked?: string[];
  /** The reader's own questions, in the order added. */
  own: string[];
  /** Free notes. */
  notes: string;
}

export const VISIT_SHEET_LIMITS = {
  notes: 5000,
  ownQuestions: 20,
  ownQuestionChars: 200,
  /** Far above the questions a sheet can show (about 3 per term, 100 saved terms). */
  picked: 1000,
} as const;

export const visitSheetDefaults = (): VisitSheetState => ({ own: [], notes: '' });

const isKey = (v: unknown): v is string => typeof v === 'string' && /^[a-z0-9-]{1,80}\/[a-z0-9-]{1,80}$/.test(v);

/**
 * The stored sheet, checked: storage may hold anything (another version, a hand edit), so each field
 * that is not what it should be comes back as its default, and lists and text are capped. Never throws.
 */
export function parseVisitSheet(v: unknown): VisitSheetState {
  const out = visitSheetDefaults();
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return out;
  const { picked, own, notes } = v as Record<string, unknown>;
  if (Array.isArray(picked)) out.picked = [...new Set(picked.filter(isKey))].slice(0, VISIT_SHEET_LIMITS.picked);
  if (Array.isArray(own))
    out.own = own
      .filter((q): q is string => typeof q === 'string')
      .map((q) => q.trim().slice(0, VISIT_SHEET_LIMITS.ownQuestionChars))
      .filter(Boolean)
      .slice(0, VISIT_SHEET_LIMITS.ownQuestions);
  if (typeof notes === 'string') out.notes = notes.slice(0, VISIT_SHEET_LIMITS.notes);
  return out;
}

// Local storage: notes can be long and personal, and need not follow the reader to other browsers.

/** The visit sheet's ticked questions, own questions and notes. */
export const visitSheetItem = storage.defineItem<VisitSheetState>('local:visitSheet', {
  fallback: visitSheetDefaults(),
  version: 1,
});
