import { describe, expect, it } from 'vitest';
import { msInScripts, ownByFrame, type CpuProfile } from '../../../scripts/bench/profile-time';

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

describe('ownByFrame', () => {
  it('should name our frame on top, and a native on top with the nearest of our frames under it', () => {
    const named: CpuProfile = {
      nodes: [
        { id: 1, children: [2], callFrame: { url: 'chrome-extension://abc/engine.js', functionName: 'scan', lineNumber: 7 } },
        { id: 2, callFrame: { url: '', functionName: 'get app' } },
        { id: 3, callFrame: { url: 'http://127.0.0.1/page.js', functionName: 'page' } },
      ],
      samples: [1, 2, 2, 3, 1],
      timeDeltas: [0, 100, 200, 300, 400],
    };
    const by = ownByFrame(named);
    expect(by.get('scan engine.js:7')).toBeCloseTo(0.1);
    expect(by.get('get app ← scan engine.js:7')).toBeCloseTo(0.5);
    expect([...by.keys()]).toHaveLength(2);
    // The sum is the same figure msInScripts gives.
    expect(msInScripts(named)).toBeCloseTo(0.6);
  });
});
