import anatomy from './data/terms/anatomy.json';
import boneBiology from './data/terms/bone-biology.json';
import condition from './data/terms/condition.json';
import diagnosis from './data/terms/diagnosis.json';
import fracture from './data/terms/fracture.json';
import medicine from './data/terms/medicine.json';
import procedure from './data/terms/procedure.json';
import riskFactor from './data/terms/risk-factor.json';
import symptom from './data/terms/symptom.json';
import osteoporosisBackPain from './data/conditions/osteoporosis-back-pain.json';
import type { Condition, Term } from './types';

/** The raw data files, by name, for validation (`parseGlossary`) and the data tests. */
export const TERM_FILES: Record<string, unknown> = {
  'anatomy.json': anatomy,
  'bone-biology.json': boneBiology,
  'condition.json': condition,
  'diagnosis.json': diagnosis,
  'fracture.json': fracture,
  'medicine.json': medicine,
  'procedure.json': procedure,
  'risk-factor.json': riskFactor,
  'symptom.json': symptom,
};

export const CONDITION_FILES: Record<string, unknown> = {
  'osteoporosis-back-pain.json': osteoporosisBackPain,
};

/**
 * Every glossary entry, sorted by id. The data is validated at build time (a WXT build hook) and
 * by the data tests, so the shipped bundle trusts it instead of re-checking on every page load.
 */
export const TERMS: readonly Term[] = (Object.values(TERM_FILES) as Term[][])
  .flat()
  .sort((a, b) => a.id.localeCompare(b.id, 'en'));

/** Condition overviews; osteoporosis and back pain is the first. */
export const CONDITIONS: readonly Condition[] = Object.values(CONDITION_FILES) as Condition[];

export const termById: ReadonlyMap<string, Term> = new Map(TERMS.map((t) => [t.id, t]));
