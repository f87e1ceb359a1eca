import { describe, expect, it } from 'vitest';
import { msInScripts, type CpuProfile } from '../../../scripts/bench/profile-time';

// root -> page (page.js) -> ours (first-stage.js) -> native (no URL); root -> idle
const profile: CpuProfile = {
  nodes: [
    { id: 1, children: [2, 5], callFrame: { url: '' } },
    { id: 2, children: [3], callFrame: { url: 'http://127.0.0.1/page.js' } },
    { id: 3, children: [4], callFrame: { url: 'chrome-extension://abc/first-stage.js' } },
    { id: 4, callFrame: { url: '' } },
    { id: 5, callFrame: { url: '' } },
  ],
  samples: [2, 3, 4, 4, 5, 2],
  timeDeltas: [0, 100, 200, 300, 400, 500],
};

describe('msInScripts', () => {
  it('should count the samples with an extension frame on the stack, each until the next sample', () => {
    // Samples 1 (node 3), 2 and 3 (node 4, under 3) are ours: the deltas after them, 200 + 300 + 400 µs.
    expect(msInScripts(profile)).toBeCloseTo(0.9);
  });

  it('should count nothing when no frame matches', () => {
    expect(msInScripts(profile, 'moz-extension://')).toBe(0);
  });

  it('should read parents from a "parent" field as well as from "children"', () => {
    const flat: CpuProfile = {
      nodes: [
        { id: 1, callFrame: { url: 'chrome-extension://abc/x.js' } },
        { id: 2, parent: 1, callFrame: { url: '' } },
      ],
      samples: [2, 1],
      timeDeltas: [0, 250],
    };
    expect(msInScripts(flat)).toBeCloseTo(0.25);
  });

  it('should answer 0 for an empty profile', () => {
    expect(msInScripts({ nodes: [] })).toBe(0);
  });
});
