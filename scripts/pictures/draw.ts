/**
 * Drawing helpers for the glossary's illustrations: one line style, colours only through
 * `currentColor` and `--hg-pic-*` custom properties, so a picture follows the card's light or dark theme.
 */

/** The viewBox every picture shares: 2:1 of the card's 240 x 140 CSS px. */
export const W = 480;
export const H = 280;
/** 22 units = 11 CSS px at the card's 240 px width. */
export const FONT = 22;

export const INK = 'currentColor';
export const BONE = 'var(--hg-pic-bone, #efe4cf)';
export const SOFT = 'var(--hg-pic-soft, #d3e7ea)';
export const ACCENT = 'var(--hg-pic-accent, #c2410c)';

export interface Label {
  text: string;
  entry: string;
}

interface Style {
  fill?: string;
  stroke?: string;
  sw?: number;
  dash?: string;
  rx?: number;
  opacity?: number;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (v: number): string => String(Math.round(v * 10) / 10);

function attrs(s: Style): string {
  let out = '';
  if (s.fill !== undefined) out += ` fill="${s.fill}"`;
  if (s.stroke !== undefined) out += ` stroke="${s.stroke}"`;
  if (s.sw !== undefined) out += ` stroke-width="${s.sw}"`;
  if (s.dash !== undefined) out += ` stroke-dasharray="${s.dash}"`;
  if (s.opacity !== undefined) out += ` opacity="${s.opacity}"`;
  return out;
}

export const rect = (x: number, y: number, w: number, h: number, s: Style = {}): string =>
  `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" rx="${s.rx ?? 8}"${attrs(s)}/>`;
export const circle = (cx: number, cy: number, r: number, s: Style = {}): string =>
  `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(r)}"${attrs(s)}/>`;
export const ellipse = (cx: number, cy: number, rx: number, ry: number, s: Style = {}): string =>
  `<ellipse cx="${n(cx)}" cy="${n(cy)}" rx="${n(rx)}" ry="${n(ry)}"${attrs(s)}/>`;
export const path = (d: string, s: Style = {}): string => `<path d="${d}"${attrs(s)}/>`;
export const line = (x1: number, y1: number, x2: number, y2: number, s: Style = {}): string =>
  `<path d="M${n(x1)} ${n(y1)}L${n(x2)} ${n(y2)}"${attrs(s)}/>`;
/** Points written flat, x y x y ... (one line each, where nested pairs would take a line a point). */
export const pts = (...xy: number[]): [number, number][] =>
  Array.from({ length: xy.length / 2 }, (_, i) => [xy[2 * i]!, xy[2 * i + 1]!] as [number, number]);
export const poly = (pts: [number, number][], s: Style = {}): string =>
  path(`M${pts.map(([x, y]) => `${n(x)} ${n(y)}`).join('L')}Z`, s);
export const group = (transform: string, ...parts: string[]): string => `<g transform="${transform}">${parts.join('')}</g>`;

export type Anchor = 'start' | 'middle' | 'end';

/** Text in the ink colour; `y` is the baseline. */
export const text = (x: number, y: number, s: string, anchor: Anchor = 'start', weight?: 'bold'): string =>
  `<text x="${n(x)}" y="${n(y)}"${anchor === 'start' ? '' : ` text-anchor="${anchor}"`}${weight ? ' font-weight="bold"' : ''} fill="currentColor" stroke="none">${esc(s)}</text>`;

/** Rough width of a label at FONT size, to place leader lines clear of the text. */
export const textWidth = (s: string): number => s.length * FONT * 0.58;

/** A small zigzag break line in the accent colour. */
export const crack = (pts: [number, number][]): string =>
  path(`M${pts.map(([x, y]) => `${n(x)} ${n(y)}`).join('L')}`, { stroke: ACCENT, sw: 4 });

/** Where a figure's joints are: one knee per foot, one elbow per hand; `back` bends the torso through it. */
export interface Pose {
  head: [number, number];
  neck: [number, number];
  hip: [number, number];
  back?: [number, number];
  knees: [number, number][];
  feet: [number, number][];
  elbows: [number, number][];
  hands: [number, number][];
  sw?: number;
}

/** A standing or moving figure drawn as lines: joints given as points, head as a circle. */
export function figure(p: Pose): string {
  const sw = p.sw ?? 7;
  const [hx, hy] = p.hip;
  const [nx, ny] = p.neck;
  const torso = p.back
    ? `M${n(nx)} ${n(ny)}Q${n(p.back[0])} ${n(p.back[1])} ${n(hx)} ${n(hy)}`
    : `M${n(nx)} ${n(ny)}L${n(hx)} ${n(hy)}`;
  const limbs = [
    ...p.knees.map((k, i) => `M${n(hx)} ${n(hy)}L${n(k[0])} ${n(k[1])}L${n(p.feet[i]![0])} ${n(p.feet[i]![1])}`),
    ...p.elbows.map((e, i) => `M${n(nx)} ${n(ny + 6)}L${n(e[0])} ${n(e[1])}L${n(p.hands[i]![0])} ${n(p.hands[i]![1])}`),
  ];
  return (
    path(`${torso}${limbs.join('')}`, { stroke: INK, sw }) + circle(p.head[0], p.head[1], 15, { fill: SOFT, stroke: INK, sw: 3 })
  );
}

/** Collects one picture's parts and its entry labels. */
export class Canvas {
  readonly parts: string[] = [];
  readonly labels: Label[] = [];

  add(...parts: string[]): this {
    this.parts.push(...parts);
    return this;
  }

  /** A label naming a glossary entry, with an optional leader line to the point it names. */
  label(s: string, entry: string, x: number, y: number, anchor: Anchor = 'start', to?: [number, number]): this {
    this.labels.push({ text: s, entry });
    return this.note(s, x, y, anchor, to);
  }

  /** Text that names no entry (a number, "Normal", a step). */
  note(s: string, x: number, y: number, anchor: Anchor = 'start', to?: [number, number]): this {
    if (to) {
      const w = textWidth(s);
      const left = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
      const right = left + w;
      const mid = y - FONT * 0.35;
      // Leave the leader from the side of the text that faces the point.
      const [sx, sy] =
        to[0] > right + 4 ? [right + 6, mid] : to[0] < left - 4 ? [left - 6, mid] : [to[0], to[1] > y ? y + 6 : y - FONT - 2];
      this.parts.push(
        line(sx, sy, to[0], to[1], { stroke: INK, sw: 2 }),
        circle(to[0], to[1], 3.5, { fill: INK, stroke: 'none' }),
      );
    }
    this.parts.push(text(x, y, s, anchor));
    return this;
  }

  svg(title: string): string {
    return (
      `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" font-family="system-ui, sans-serif" font-size="${FONT}"` +
      ` fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" stroke-linejoin="round">` +
      `<title>${esc(title)}</title>${this.parts.join('')}</svg>\n`
    );
  }
}
