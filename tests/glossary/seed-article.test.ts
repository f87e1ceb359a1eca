import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../glossary/matcher';
import { TERMS } from '../../glossary/terms';

// The condition document the overview is based on (a real health-site article), read from the
// workplace's shared folder rather than copied into the repository.
const SEEDS = path.resolve('..', 'shared', 'seeds');
const seed = existsSync(SEEDS) ? readdirSync(SEEDS).find((f) => f.endsWith('.txt')) : undefined;

describe.skipIf(!seed)('the seed article pasted into a page', () => {
  const text = seed ? readFileSync(path.join(SEEDS, seed), 'utf8') : '';
  const found = new Set(
    compileMatcher(TERMS)
      .find(text)
      .map((m) => m.termId),
  );

  // Not expected since issue 9 narrowed the forms: "conservative approaches" (politics) and
  // "minimal trauma" (a cause, not a fracture) are no longer glossary forms.
  it.each([
    'osteoporosis',
    'bone-mass',
    'back-pain',
    'vertebra',
    'spinal-column',
    'microarchitecture',
    'fracture',
    'hip',
    'spine',
    'vertebral-compression-fracture',
    'acute-pain',
    'chronic-pain',
    'muscle-strain',
    'anterior',
    'posture',
    'height-loss',
    'kyphosis',
    'rest',
    'pain-medicine',
    'brace',
    'orthosis',
    'minimally-invasive-surgery',
    'vertebral-augmentation',
    'vertebroplasty',
    'kyphoplasty',
    'bone-cement',
    'physical-therapy',
    'bone-loss',
  ])('should mark %s', (id) => {
    expect(found.has(id), `${id} not found; found: ${[...found].join(', ')}`).toBe(true);
  });
});
