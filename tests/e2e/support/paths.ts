import { mkdirSync } from 'node:fs';
import path from 'node:path';

/** Where browser tests write screenshots (the README copies some into docs/screenshots). */
export const SHOTS = path.resolve('test-results/screenshots');
mkdirSync(SHOTS, { recursive: true });
/** The path of the screenshot `name` (without its .png). */
export const shot = (name: string): string => path.join(SHOTS, `${name}.png`);
export const FIXTURES = path.resolve('tests/fixtures');
