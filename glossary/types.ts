/** Organisations whose pages a glossary entry may cite. */
export const SOURCE_ORGS = [
  'NIAMS',
  'MedlinePlus',
  'NIH ODS',
  'NIA',
  'NIH',
  'Bone Health & Osteoporosis Foundation',
  'AAOS',
  'NHS',
  'FDA',
  'CDC',
  'NCI',
  'NINDS',
  'International Osteoporosis Foundation',
  'StatPearls',
  'European Medicines Agency',
  'Journal of Orthopaedic Surgery and Research',
] as const;
export type SourceOrg = (typeof SOURCE_ORGS)[number];

export interface Source {
  /** The organisation that published the page. */
  org: SourceOrg;
  /** The page the facts came from (https only). */
  url: string;
}

export const CATEGORIES = [
  'anatomy',
  'bone-biology',
  'condition',
  'fracture',
  'symptom',
  'diagnosis',
  'medicine',
  'procedure',
  'risk-factor',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** A written form of an entry that is marked only in a health context. */
export interface AmbiguousForm {
  /** The entry's term, one of its variants (case-insensitive) or one of its abbreviations (exact case). */
  form: string;
  /** Cues of this form; when absent, the entry's `cues`. */
  cues?: string[];
  /** Phrases that contain the form and veto a mark ("the rest of", "fall in love"). */
  counter?: string[];
}

/** Named cue lists (`glossary/data/cues.json`), referenced as `@<group>`. */
export type CueGroups = Readonly<Record<string, readonly string[]>>;

/** One glossary entry, as stored in `glossary/data/terms/*.json`. */
export interface Term {
  /** Stable kebab-case id; also the glossary page anchor (`glossary.html#<id>`). */
  id: string;
  /** Display name, as a reader would write it. Matched case-insensitively. */
  term: string;
  /** Other written forms: plurals, spellings (disc/disk), hyphenation, lay names. Case-insensitive. */
  variants: string[];
  /** Abbreviations, matched case-sensitively (VCF matches, "vcf" does not). */
  abbreviations: string[];
  /** Tooltip text: one or two plain sentences, at most 35 words. */
  definition: string;
  /** Glossary-page text: two to four sentences on why it matters to the reader. */
  details: string;
  /** Respelling for readers, e.g. "ky-FOH-sis"; omitted for everyday words. */
  pronunciation?: string;
  category: Category;
  /** Ids of related entries; each must exist. */
  related: string[];
  sources: Source[];
  /**
   * Cues for the entry's ambiguous forms: words or phrases (whole words, case-insensitive, hyphen =
   * space), `#<entry-id>` (a mark of that entry) or `@<group>` (a list in `data/cues.json`).
   */
  cues?: string[];
  /**
   * Written forms that also have a non-health meaning ("fracture" alone, "CT", "rest"): marked only
   * on health pages and when a cue occurs near them; forms not listed are always marked.
   */
  ambiguousForms?: AmbiguousForm[];
  /** Id of the entry's illustration in `glossary/data/pictures.json` (checked by glossary/pictures.ts). */
  picture?: string;
  /** When the entry's facts were last checked against its sources (YYYY-MM-DD); required, shown on the glossary page. */
  reviewed: string;
}

/** What a tooltip card needs of an entry: the content script ships only this much. */
export type CardTerm = Omit<Term, 'details' | 'related' | 'category' | 'cues' | 'ambiguousForms'>;

/** A block of a condition overview section. */
export type OverviewBlock = { type: 'paragraph'; text: string } | { type: 'list'; items: string[] };

export interface OverviewSection {
  /** Anchor id, unique within the condition. */
  id: string;
  heading: string;
  blocks: OverviewBlock[];
  /** Shown with emphasis (e.g. when to see a doctor urgently). */
  urgent?: boolean;
  /** Id of a picture in `glossary/data/pictures.json`, shown with the section. */
  picture?: string;
}

/** A condition overview, as stored in `glossary/data/conditions/*.json`. */
export interface Condition {
  id: string;
  title: string;
  /** One-sentence summary shown under the title. */
  summary: string;
  sections: OverviewSection[];
  sources: Source[];
}

/** One glossary hit in a string: `[start, end)` in UTF-16 code units of the original text. */
export interface Match {
  start: number;
  end: number;
  termId: string;
  /** For an ambiguous form: its sense rule (an index into the compiled sense data); else absent. */
  rule?: number;
}
