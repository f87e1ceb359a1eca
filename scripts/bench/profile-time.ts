/**
 * Time an extension's own code took, from a V8 CPU profile: ScriptDuration (CDP metrics) does not
 * count promise continuations (microtasks), so work after an `await` or `.then` is invisible to it
 * (a 5 ms busy loop in a `.then` measured 0.3 ms; first-stage-pieces.ts). Sampling sees it.
 */

/** The part of a CDP `Profiler.stop` answer read here. */
export interface CpuProfile {
  nodes: { id: number; parent?: number; children?: number[]; callFrame: { url: string } }[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Sampling interval, µs: fine enough for a script that runs about a millisecond. */
export const SAMPLING_INTERVAL_US = 100;

/**
 * Milliseconds of samples whose stack holds a frame of a script whose URL starts with `prefix`
 * (native calls made from it, such as `innerText` and the layout it forces, count as its time).
 * Each sample stands for the time until the next one.
 */
export function msInScripts(profile: CpuProfile, prefix = 'chrome-extension://'): number {
  const parentOf = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const ours = new Map<number, boolean>();
  const isOurs = (id: number): boolean => {
    const known = ours.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const parent = node?.parent ?? parentOf.get(id);
    const v = Boolean(node?.callFrame.url.startsWith(prefix)) || (parent !== undefined && isOurs(parent));
    ours.set(id, v);
    return v;
  };
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let us = 0;
  for (let i = 0; i < samples.length - 1; i++) if (isOurs(samples[i]!)) us += deltas[i + 1] ?? 0;
  return us / 1000;
}
