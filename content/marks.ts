import type { Match } from '../glossary/types';
import { Painter, type PainterOptions } from './paint/painter';
import type { TextRun } from './scan';

/** One marked occurrence of a glossary term on the page. */
export interface Mark {
  readonly range: Range;
  readonly termId: string;
  /** The text nodes the range touches (one, unless the term spans inline tags). */
  readonly nodes: readonly Text[];
}

interface Piece {
  mark: Mark;
  /** Offsets of the mark within this node. */
  from: number;
  to: number;
}

/**
 * The marks on a page: live Ranges in one Highlight, indexed by text node so that hit-testing a
 * pointer is a map lookup, not a scan of every range.
 */
export class MarkIndex {
  private readonly byNode = new Map<Text, Piece[]>();
  private readonly live = new Set<Mark>();
  private readonly perTerm = new Map<string, number>();
  /** Terms the reader knows: their marks are kept (for the counts) but neither painted nor hovered. */
  private known: ReadonlySet<string> = new Set();
  /** Decides which shown marks are in the highlight: every change to it repaints, so they go in batches. */
  readonly painter: Painter<Mark>;

  constructor(
    readonly highlight: Highlight,
    paint?: PainterOptions,
  ) {
    this.painter = new Painter(highlight, paint);
  }

  get size(): number {
    return this.live.size;
  }

  /**
   * Marks a match found in `run`, creating a Range over the original text nodes. Text already
   * marked (a rescan racing the first scan) is left as it is.
   */
  add(run: TextRun, match: Match): Mark | undefined {
    const first = nodeAt(run, match.start);
    const last = nodeAt(run, match.end - 1);
    if (this.at(run.nodes[first]!, match.start - run.starts[first]!)) return undefined;
    const nodes = run.nodes.slice(first, last + 1);
    // A deferred match (ambiguous words) may point at text that has left the page since.
    if (!nodes.every((n) => n.isConnected)) return undefined;
    const range = new Range();
    range.setStart(run.nodes[first]!, match.start - run.starts[first]!);
    range.setEnd(run.nodes[last]!, match.end - run.starts[last]!);
    const mark: Mark = { range, termId: match.termId, nodes };
    nodes.forEach((node, k) => {
      const base = run.starts[first + k]!;
      const piece = { mark, from: Math.max(0, match.start - base), to: Math.min(node.length, match.end - base) };
      const list = this.byNode.get(node);
      if (list) {
        list.push(piece);
        list.sort((a, b) => a.from - b.from);
      } else this.byNode.set(node, [piece]);
    });
    this.live.add(mark);
    this.perTerm.set(mark.termId, (this.perTerm.get(mark.termId) ?? 0) + 1);
    if (!this.known.has(mark.termId)) this.painter.add(mark);
    return mark;
  }

  /** Which terms the reader knows; marks of terms that change side are unpainted or painted again. */
  setKnown(ids: ReadonlySet<string>): void {
    const before = this.known;
    this.known = new Set(ids);
    for (const mark of this.live) {
      const was = before.has(mark.termId);
      const is = this.known.has(mark.termId);
      if (was && !is) this.painter.add(mark);
      else if (!was && is) this.painter.remove(mark);
    }
    this.paint();
  }

  isKnown(termId: string): boolean {
    return this.known.has(termId);
  }

  /** Puts the marks added since the last call into the highlight (or near-viewport window), in one go. */
  paint(): void {
    this.painter.flush();
  }

  /** The shown mark (not of a known term) covering `offset` in `node`: what the pointer can open. */
  shownAt(node: Node, offset: number): Mark | undefined {
    const mark = this.at(node, offset);
    return mark && !this.known.has(mark.termId) ? mark : undefined;
  }

  /** The mark covering `offset` in `node`, if any (known terms' too). */
  at(node: Node, offset: number): Mark | undefined {
    const list = this.byNode.get(node as Text);
    if (!list) return undefined;
    for (const p of list) {
      if (offset < p.from) return undefined;
      if (offset < p.to) return p.mark;
    }
    return undefined;
  }

  /** The terms that have marks. */
  termIds(): Set<string> {
    return new Set(this.perTerm.keys());
  }

  /** Whether any mark of this term is on the page. */
  hasTerm(termId: string): boolean {
    return this.perTerm.has(termId);
  }

  has(node: Text): boolean {
    return this.byNode.has(node);
  }

  /** Drops every mark touching `node` (its text changed or it left the page). */
  removeNode(node: Text): void {
    const list = this.byNode.get(node);
    if (!list) return;
    for (const { mark } of list) this.removeMark(mark);
  }

  private removeMark(mark: Mark): void {
    if (!this.live.delete(mark)) return;
    const left = (this.perTerm.get(mark.termId) ?? 1) - 1;
    if (left > 0) this.perTerm.set(mark.termId, left);
    else this.perTerm.delete(mark.termId);
    if (!this.known.has(mark.termId)) this.painter.remove(mark);
    for (const node of mark.nodes) {
      const rest = this.byNode.get(node)?.filter((p) => p.mark !== mark);
      if (rest?.length) this.byNode.set(node, rest);
      else this.byNode.delete(node);
    }
  }

  /** Drops marks whose text left the document. */
  purgeDisconnected(): void {
    for (const node of [...this.byNode.keys()]) if (!node.isConnected) this.removeNode(node);
  }

  /** Every mark, in document order (known terms' too). */
  all(): Mark[] {
    return [...this.live].sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
  }

  /** The marks a reader sees, in document order: those of terms they do not know. */
  shown(): Mark[] {
    return this.all().filter((m) => !this.known.has(m.termId));
  }

  /** Forgets every mark; the painter stops by its own signal (PainterOptions.signal). */
  clear(): void {
    this.highlight.clear();
    this.live.clear();
    this.perTerm.clear();
    this.byNode.clear();
  }
}

/** Index of the run node containing character `i` (binary search over node starts). */
export function nodeAt(run: TextRun, i: number): number {
  let lo = 0;
  let hi = run.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (run.starts[mid]! <= i) lo = mid;
    else hi = mid - 1;
  }
  // Skip empty nodes that share a start with the node holding the character.
  while (lo < run.nodes.length - 1 && run.starts[lo]! + run.nodes[lo]!.length <= i) lo++;
  return lo;
}
