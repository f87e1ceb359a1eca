import { mkdirSync } from 'node:fs';
import path from 'node:path';

/** Where browser tests write screenshots (the README copies some into docs/screenshots). */
export const SHOTS = path.resolve('test-results/screenshots');
mkdirSync(SHOTS, { recursive: true });
export const FIXTURES = path.resolve('tests/fixtures');
