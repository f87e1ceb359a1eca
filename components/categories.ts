import type { Category } from '../glossary/types';
import { t, type MessageKey } from './i18n';

const KEYS: Record<Category, MessageKey> = {
  anatomy: 'category_anatomy',
  'bone-biology': 'category_bone_biology',
  condition: 'category_condition',
  fracture: 'category_fracture',
  symptom: 'category_symptom',
  diagnosis: 'category_diagnosis',
  medicine: 'category_medicine',
  procedure: 'category_procedure',
  'risk-factor': 'category_risk_factor',
};

/** A category as readers say it ("Tests and diagnosis"). */
export const categoryLabel = (c: Category): string => t(KEYS[c]);
