// Shared anatomy shapes: the spine in side view and one vertebra seen from above.
import { BONE, INK, SOFT, circle, ellipse, path, rect, type Canvas } from './draw';

export interface Block {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Side view of the whole column, front to the left: returns each region's blocks. */
export function column(
  cx: number,
  top: number,
): Record<'cervical' | 'thoracic' | 'lumbar', Block[]> & { sacrum: string; coccyx: string } {
  const make = (ys: number[], offs: number[], w: number, h: number): Block[] =>
    ys.map((y, i) => ({ x: cx + offs[i]! - w / 2, y: top + y, w, h }));
  const cervical = make([0, 13, 26, 39, 52], [-3, -7, -9, -8, -4], 26, 10);
  const thoracic = make([66, 80, 94, 108, 122, 136, 150], [2, 8, 12, 14, 12, 8, 2], 32, 11);
  const lumbar = make([166, 183, 200, 217], [-5, -11, -12, -7], 40, 14);
  const t = top + 234;
  const sacrum = `M${cx - 20} ${t}L${cx + 16} ${t}L${cx + 22} ${t + 10}L${cx + 16} ${t + 28}L${cx + 6} ${t + 36}L${cx - 2} ${t + 30}Z`;
  const coccyx = `M${cx + 2} ${t + 38}L${cx + 8} ${t + 38}L${cx + 2} ${t + 48}L${cx - 4} ${t + 46}Z`;
  return { cervical, thoracic, lumbar, sacrum, coccyx };
}

export function drawColumn(c: Canvas, cx: number, top: number): ReturnType<typeof column> {
  const col = column(cx, top);
  for (const b of [...col.cervical, ...col.thoracic, ...col.lumbar])
    c.add(rect(b.x, b.y, b.w, b.h, { rx: 3, fill: BONE, sw: 2.5 }));
  c.add(path(col.sacrum, { fill: BONE, sw: 2.5 }), path(col.coccyx, { fill: BONE, sw: 2.5 }));
  return col;
}

/**
 * One vertebra from above, front at the top: body, canal with the cord, arch, facet joints,
 * spinous and transverse processes. `canal` is the canal's radius; `arch: false` leaves the back
 * of the arch off (after a laminectomy).
 */
export function topVertebra(
  c: Canvas,
  cx: number,
  cy: number,
  o: { s?: number; canal?: number; arch?: boolean; body?: boolean; cord?: number } = {},
): { canal: [number, number]; facetL: [number, number]; facetR: [number, number]; body: [number, number] } {
  const s = o.s ?? 1;
  const r = (o.canal ?? 24) * s;
  const ccy = cy + 30 * s;
  const X = (v: number) => cx + v * s;
  const Y = (v: number) => cy + v * s;
  // Pedicles and transverse processes, then the arch ring around the canal.
  c.add(
    path(`M${X(-40)} ${Y(6)}L${X(-92)} ${Y(22)}L${X(-90)} ${Y(36)}L${X(-40)} ${Y(38)}Z`, { fill: BONE, sw: 2.5 }),
    path(`M${X(40)} ${Y(6)}L${X(92)} ${Y(22)}L${X(90)} ${Y(36)}L${X(40)} ${Y(38)}Z`, { fill: BONE, sw: 2.5 }),
  );
  if (o.arch !== false) {
    c.add(
      path(`M${X(-8)} ${ccy + r + 4 * s}L${X(0)} ${Y(116)}L${X(8)} ${ccy + r + 4 * s}Z`, { fill: BONE, sw: 2.5 }),
      circle(cx, ccy, r + 16 * s, { fill: BONE, sw: 2.5 }),
    );
  } else {
    c.add(
      path(`M${X(-40)} ${Y(38)}L${X(-44)} ${Y(50)}`, { sw: 2.5 }),
      path(`M${X(40)} ${Y(38)}L${X(44)} ${Y(50)}`, { sw: 2.5 }),
      path(`M${cx - r - 16 * s} ${ccy}A${r + 16 * s} ${r + 16 * s} 0 0 0 ${cx + r + 16 * s} ${ccy}`, { sw: 2, dash: '6 6' }),
    );
  }
  const facetL: [number, number] = [X(-38), Y(50)];
  const facetR: [number, number] = [X(38), Y(50)];
  c.add(
    ellipse(facetL[0], facetL[1], 9 * s, 7 * s, { fill: BONE, sw: 2.5 }),
    ellipse(facetR[0], facetR[1], 9 * s, 7 * s, { fill: BONE, sw: 2.5 }),
  );
  if (o.body !== false) c.add(ellipse(cx, Y(-26), 66 * s, 40 * s, { fill: BONE, sw: 3 }));
  c.add(circle(cx, ccy, r, { fill: SOFT, stroke: INK, sw: 2.5 }));
  c.add(circle(cx, ccy, (o.cord ?? 13) * s, { fill: 'none', stroke: INK, sw: 2.5 }));
  return { canal: [cx, ccy], facetL, facetR, body: [cx, Y(-26)] };
}
