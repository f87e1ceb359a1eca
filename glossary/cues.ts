import cues from './data/cues.json';
import type { CueGroups } from './types';

/** Named cue lists, referenced from entries as `@<group>` (see `Term.cues`). */
export const CUE_GROUPS: CueGroups = cues;
