/**
 * PURE: where a typed T-score falls. The band edges (-1.0 and -2.5) are the WHO bands used for
 * women past menopause and men aged 50 and over; the picture `t-score-scale` draws the same scale.
 */

export type TScoreBand = 'normal' | 'low-bone-mass' | 'osteoporosis';

export type TScoreResult =
  | { ok: true; score: number; band: TScoreBand; /** 0..1 along the drawn scale, clamped. */ position: number }
  | { ok: false; reason: 'empty' | 'not-a-number' };

/** The drawn number line: from SCALE_MIN to SCALE_MAX, between SCALE_X0 and SCALE_X1 of the 480-wide viewBox. */
export const SCALE_MIN = -4;
export const SCALE_MAX = 2;
export const SCALE_X0 = 30;
export const SCALE_X1 = 450;
export const VIEW_WIDTH = 480;

/** Reads "-2.5", "−2,5" (Unicode minus, decimal comma), " +1 "; anything else is not a number. */
export function parseTScore(input: string): number | undefined {
  const s = input
    .trim()
    .replace(/[\u2212\u2012\u2013\u2014\uFE63\uFF0D]/g, '-')
    .replace(',', '.');
  if (!/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(s)) return undefined;
  const v = Number(s);
  return Number.isFinite(v) ? v : undefined;
}

/** The band a score falls in: -1.0 and above is normal, -2.5 and below is osteoporosis. */
export function tScoreBand(score: number): TScoreBand {
  if (score >= -1) return 'normal';
  if (score > -2.5) return 'low-bone-mass';
  return 'osteoporosis';
}

/** Fraction of the whole picture's width where the score sits on the drawn line (clamped to the line). */
export function scaleX(score: number): number {
  const clamped = Math.min(SCALE_MAX, Math.max(SCALE_MIN, score));
  return SCALE_X0 + ((clamped - SCALE_MIN) / (SCALE_MAX - SCALE_MIN)) * (SCALE_X1 - SCALE_X0);
}

/** Parses a typed score and places it: its band and where the marker goes (0..1 of the picture's width). */
export function placeTScore(input: string): TScoreResult {
  if (input.trim() === '') return { ok: false, reason: 'empty' };
  const score = parseTScore(input);
  if (score === undefined) return { ok: false, reason: 'not-a-number' };
  return { ok: true, score, band: tScoreBand(score), position: scaleX(score) / VIEW_WIDTH };
}
