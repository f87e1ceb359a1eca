/**
 * Time an extension's own code took, from a V8 CPU profile: ScriptDuration (CDP metrics) does not
 * count promise continuations (microtasks), so work after an `await` or `.then` is invisible to it
 * (a 5 ms busy loop in a `.then` measured 0.3 ms; first-stage-pieces.ts). Sampling sees it.
 */

/** The part of a CDP `Profiler.stop` answer read here. */
export interface CpuProfile {
  nodes: {
    id: number;
    parent?: number;
    children?: number[];
    callFrame: { url: string; functionName?: string; lineNumber?: number };
  }[];
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
  let ms = 0;
  for (const v of ownByFrame(profile, prefix).values()) ms += v;
  return ms;
}

/**
 * The same time, by where it was spent: each sample goes to the function on top of the stack when
 * that is ours (`fn file:line`), and otherwise to the native or page frame on top and the nearest
 * of our functions under it (`native ← fn file:line`), so a binding's set-up is named with its caller.
 */
export function ownByFrame(profile: CpuProfile, prefix = 'chrome-extension://'): Map<string, number> {
  const parentOf = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const label = (id: number): string => {
    const f = byId.get(id)!.callFrame;
    return `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber ?? 0}`.trim();
  };
  /** The nearest of our frames at or under a node, or undefined when the stack holds none. */
  const nearest = new Map<number, number | undefined>();
  const ownFrame = (id: number): number | undefined => {
    if (nearest.has(id)) return nearest.get(id);
    const node = byId.get(id);
    const parent = node?.parent ?? parentOf.get(id);
    const v = node?.callFrame.url.startsWith(prefix) ? id : parent === undefined ? undefined : ownFrame(parent);
    nearest.set(id, v);
    return v;
  };
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const out = new Map<string, number>();
  for (let i = 0; i < samples.length - 1; i++) {
    const top = samples[i]!;
    const own = ownFrame(top);
    if (own === undefined) continue;
    const key = own === top ? label(top) : `${byId.get(top)!.callFrame.functionName || '(native)'} ← ${label(own)}`;
    out.set(key, (out.get(key) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  }
  return out;
}
