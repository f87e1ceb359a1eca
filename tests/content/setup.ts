// happy-dom has no CSS Custom Highlight API: a Highlight is a Set of ranges, which is all the
// scanner relies on.
if (typeof globalThis.Highlight === 'undefined') {
  (globalThis as unknown as { Highlight: unknown }).Highlight = class extends Set<AbstractRange> {};
}
export {};
