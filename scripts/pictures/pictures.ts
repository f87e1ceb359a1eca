// The glossary's illustrations, each drawn from simple shapes (original work, no traced artwork).
import { SCALE_MAX, SCALE_MIN, scaleX } from '../../glossary/t-score';
import {
  ACCENT,
  BONE,
  Canvas,
  INK,
  SOFT,
  circle,
  crack,
  ellipse,
  figure,
  group,
  type Pose,
  line,
  path,
  poly,
  pts,
  rect,
} from './draw';
import poses from './poses.json';
import { drawColumn, topVertebra } from './spine';

/** What a picture shows in words (scripts/pictures/captions.json, in the order the glossary lists them). */
export interface PictureCaption {
  id: string;
  title: string;
  caption: string;
  alt: string;
  entries: string[];
}

/** A figure's joints by the name of its pose (scripts/pictures/poses.json: the figures are data, not code). */
function pose(name: string): Pose {
  const p = (poses as Record<string, unknown>)[name];
  if (!p) throw new Error(`scripts/pictures/poses.json: no pose ${name}`);
  return p as Pose;
}

/** A stack of three side-view vertebral bodies with discs, the middle one drawn by `middle`. */
function stack(c: Canvas, cx: number, middle?: (x: number, y: number, w: number, h: number) => void): void {
  const w = 100;
  const x = cx - w / 2;
  c.add(rect(x, 12, w, 54, { fill: BONE }), rect(x + 4, 68, w - 8, 16, { fill: SOFT, rx: 6 }));
  if (middle) middle(x, 86, w, 54);
  else c.add(rect(x, 86, w, 54, { fill: BONE }));
  c.add(rect(x + 4, 142, w - 8, 16, { fill: SOFT, rx: 6 }), rect(x, 160, w, 54, { fill: BONE }));
}

/** A side-view vertebral body for the procedure panels, with its crack. */
function procBody(c: Canvas, x: number, y: number, w: number, h: number): void {
  c.add(
    rect(x, y, w, h, { fill: BONE }),
    crack(pts(x + 14, y + h * 0.45, x + w * 0.35, y + h * 0.6, x + w * 0.55, y + h * 0.4, x + w - 14, y + h * 0.55)),
  );
}

/** A needle (tube with a handle) from outside, back and below, to the point (tx, ty). */
function needle(c: Canvas, tx: number, ty: number, len = 70): void {
  const ex = tx + len * 0.7;
  const ey = ty + len * 0.7;
  c.add(line(tx, ty, ex, ey, { stroke: INK, sw: 5 }), line(ex - 10, ey + 10, ex + 10, ey - 10, { stroke: INK, sw: 7 }));
}

/** Spongy bone: a jittered lattice of struts; `keep` drops struts, `sw` thins them. */
function lattice(c: Canvas, cx: number, cy: number, r: number, o: { step: number; keep: number; sw: number }): void {
  let seed = 7;
  const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const pts: [number, number][][] = [];
  for (let gy = cy - r; gy <= cy + r; gy += o.step) {
    const row: [number, number][] = [];
    for (let gx = cx - r; gx <= cx + r; gx += o.step)
      row.push([gx + (rnd() - 0.5) * o.step * 0.5, gy + (rnd() - 0.5) * o.step * 0.5]);
    pts.push(row);
  }
  const inside = ([x, y]: [number, number]) => (x - cx) ** 2 + (y - cy) ** 2 < (r - 6) ** 2;
  const struts: string[] = [];
  pts.forEach((row, j) =>
    row.forEach((p, i) => {
      for (const q of [row[i + 1], pts[j + 1]?.[i], pts[j + 1]?.[i + 1]]) {
        if (q && inside(p) && inside(q) && rnd() < o.keep)
          struts.push(`M${p[0].toFixed(1)} ${p[1].toFixed(1)}L${q[0].toFixed(1)} ${q[1].toFixed(1)}`);
      }
    }),
  );
  const d = struts.join('');
  c.add(circle(cx, cy, r, { fill: SOFT, sw: 3 }), path(d, { stroke: INK, sw: o.sw + 4 }), path(d, { stroke: BONE, sw: o.sw }));
}

/** A person standing, seen from the side, facing left; `stoop` 0..1 rounds the upper back. */
function stander(c: Canvas, x: number, ground: number, height: number, stoop: number): void {
  const hip: [number, number] = [x, ground - height * 0.48];
  const neck: [number, number] = [x - stoop * 26, ground - height * 0.82 + stoop * 10];
  c.add(
    figure({
      head: [neck[0] - 6 - stoop * 14, neck[1] - 17 + stoop * 6],
      neck,
      hip,
      back: [x + 6 + stoop * 30, ground - height * 0.68],
      knees: pts(x - 4, ground - height * 0.24, x + 4, ground - height * 0.24),
      feet: pts(x - 8, ground, x + 6, ground),
      elbows: [[neck[0] + 2, neck[1] + height * 0.17]],
      hands: [[neck[0] - 8, neck[1] + height * 0.32]],
    }),
  );
}

/** A side-view silhouette of the upper body with the spine drawn inside, facing left. */
function torsoWithSpine(c: Canvas, x: number, kyph: boolean): void {
  const d = kyph
    ? `M${x - 30} 262L${x - 30} 180Q${x - 40} 130 ${x - 62} 100L${x - 70} 88Q${x - 40} 40 ${x + 20} 56Q${x + 60} 90 ${x + 40} 180L${x + 40} 262Z`
    : `M${x - 30} 262L${x - 34} 170Q${x - 38} 110 ${x - 22} 86L${x - 16} 70Q${x + 10} 54 ${x + 30} 78Q${x + 44} 140 ${x + 40} 262Z`;
  const spine = kyph
    ? `M${x - 44} 90Q${x + 46} 70 ${x + 22} 180Q${x + 12} 230 ${x + 22} 258`
    : `M${x - 4} 80Q${x + 24} 130 ${x + 20} 180Q${x + 14} 230 ${x + 24} 258`;
  const head: [number, number] = kyph ? [x - 86, 94] : [x - 14, 42];
  c.add(
    path(d, { fill: SOFT, sw: 3 }),
    circle(head[0], head[1], 24, { fill: SOFT, sw: 3 }),
    path(spine, { stroke: ACCENT, sw: 6, dash: '10 5' }),
  );
}

/** Each picture's drawing, by the id of its caption in captions.json. */
export const DRAWINGS: Record<string, (c: Canvas) => void> = {
  'spine-regions': (c) => {
    const col = drawColumn(c, 170, 14);
    const right = (b: { x: number; y: number; w: number; h: number }): [number, number] => [b.x + b.w + 2, b.y + b.h / 2];
    c.label('cervical spine', 'cervical-spine', 250, 50, 'start', right(col.cervical[2]!));
    c.label('thoracic spine', 'thoracic-spine', 250, 130, 'start', right(col.thoracic[3]!));
    c.label('lumbar spine', 'lumbar-spine', 250, 212, 'start', right(col.lumbar[1]!));
    c.label('sacrum', 'sacrum', 250, 252, 'start', [192, 256]);
    c.label('coccyx', 'coccyx', 60, 276, 'start', [172, 258]);
    c.note('front', 40, 120, 'start');
    c.add(path('M60 132L40 132M48 124L40 132L48 140', { sw: 2.5 }));
  },
  'vertebra-side': (c) => {
    const x = 170;
    c.add(
      rect(x, 40, 110, 76, { fill: BONE }),
      rect(x + 4, 118, 102, 26, { fill: SOFT, rx: 10 }),
      rect(x, 146, 110, 76, { fill: BONE }),
      // Pedicles and arches of the upper and lower vertebra.
      path('M280 50L320 50L332 44L420 92L410 108L350 104L348 128L330 128L320 100L280 100Z', { fill: BONE }),
      path('M280 156L320 156L334 134L352 134L352 150L420 198L410 214L332 210L320 206L280 206Z', { fill: BONE }),
      line(284, 30, 284, 240, { sw: 2, dash: '5 6' }),
      line(314, 30, 314, 240, { sw: 2, dash: '5 6' }),
      ellipse(300, 128, 9, 12, { fill: ACCENT, stroke: INK, sw: 2 }),
    );
    c.label('vertebral body', 'vertebral-body', 16, 28, 'start', [186, 48]);
    c.label('disc', 'disc', 160, 140, 'end', [x + 8, 131]);
    c.label('spinal canal', 'spinal-canal', 300, 24, 'middle');
    c.label('facet joint', 'facet-joint', 360, 140, 'start', [350, 132]);
    c.label('nerve root', 'nerve-root', 300, 272, 'middle', [300, 140]);
  },
  'vertebra-top': (c) => {
    const v = topVertebra(c, 240, 110);
    c.add(
      path('M226 140Q200 150 150 170', { stroke: ACCENT, sw: 6 }),
      path('M254 140Q280 150 330 170', { stroke: ACCENT, sw: 6 }),
    );
    c.label('vertebral body', 'vertebral-body', 300, 40, 'start', [v.body[0] + 50, v.body[1] - 10]);
    c.label('spinal cord', 'spinal-cord', 340, 250, 'start', [v.canal[0] + 6, v.canal[1] + 8]);
    c.label('facet joint', 'facet-joint', 20, 250, 'start', [v.facetL[0] - 4, v.facetL[1] + 4]);
    c.label('nerve root', 'nerve-root', 20, 140, 'start', [156, 166]);
  },
  'spongy-bone-healthy': (c) => {
    lattice(c, 150, 140, 126, { step: 26, keep: 0.95, sw: 7 });
    c.label('spongy bone', 'trabecular-bone', 300, 130, 'start', [262, 120]);
    c.note('Healthy', 300, 170, 'start');
  },
  'spongy-bone-osteoporotic': (c) => {
    lattice(c, 150, 140, 126, { step: 26, keep: 0.42, sw: 3 });
    c.label('osteoporotic', 'osteoporosis', 300, 130, 'start');
    c.label('bone loss', 'bone-loss', 300, 170, 'start', [262, 160]);
  },
  'compression-fracture': (c) => {
    stack(c, 120);
    stack(c, 350, (x, y, w, h) =>
      c.add(
        rect(x, y + 22, w, h - 22, { fill: BONE }),
        crack(pts(x + 8, y + 36, x + 30, y + 44, x + 50, y + 32, x + 72, y + 44, x + w - 8, y + 36)),
      ),
    );
    c.note('Normal', 120, 250, 'middle');
    c.label('compression fracture', 'vertebral-compression-fracture', 350, 250, 'middle');
  },
  'wedge-fracture': (c) => {
    stack(c, 120);
    const x = 300;
    c.add(
      group('rotate(-16.7 400 86)', rect(x, 12, 100, 54, { fill: BONE }), rect(x + 4, 68, 92, 16, { fill: SOFT, rx: 6 })),
      poly(pts(x, 116, x + 100, 86, x + 100, 140, x, 140), { fill: BONE }),
      crack(pts(x + 8, 124, x + 30, 118, x + 48, 126, x + 66, 110)),
      rect(x + 4, 142, 92, 16, { fill: SOFT, rx: 6 }),
      rect(x, 160, 100, 54, { fill: BONE }),
    );
    c.note('Normal', 120, 250, 'middle');
    c.label('wedge fracture', 'wedge-fracture', 350, 250, 'middle');
    c.note('front', 230, 120, 'middle');
  },
  'burst-fracture': (c) => {
    stack(c, 110);
    stack(c, 330, (x, y, w) =>
      c.add(
        poly(pts(x, y + 8, x + 44, y + 4, x + 36, y + 30, x, y + 34), { fill: BONE }),
        poly(pts(x + 50, y + 4, x + w - 8, y + 10, x + w - 14, y + 34, x + 42, y + 32), { fill: BONE }),
        poly(pts(x, y + 38, x + 40, y + 36, x + 48, y + 54, x, y + 54), { fill: BONE }),
        poly(pts(x + 54, y + 38, x + w + 16, y + 30, x + w + 20, y + 48, x + 56, y + 54), { fill: ACCENT }),
      ),
    );
    c.add(line(400, 10, 400, 216, { sw: 2, dash: '5 6' }), line(430, 10, 430, 216, { sw: 2, dash: '5 6' }));
    c.note('Normal', 110, 250, 'middle');
    c.label('burst fracture', 'burst-fracture', 330, 250, 'middle');
  },
  'height-loss-years': (c) => {
    c.add(line(20, 32, 460, 32, { sw: 2, dash: '8 6' }));
    stander(c, 80, 236, 214, 0);
    stander(c, 196, 236, 200, 0.45);
    stander(c, 310, 236, 182, 1);
    c.add(line(36, 240, 450, 240, { sw: 3 }));
    c.note('age 50', 76, 272, 'middle');
    c.note('age 65', 186, 272, 'middle');
    c.note('age 80', 296, 272, 'middle');
    c.add(path('M420 36L420 76M414 68L420 76L426 68', { sw: 2.5 }));
    c.label('height loss', 'height-loss', 466, 110, 'end');
  },
  'kyphosis-curve': (c) => {
    torsoWithSpine(c, 110, false);
    torsoWithSpine(c, 340, true);
    c.label('posture', 'posture', 200, 150, 'start', [150, 150]);
    c.label('kyphosis', 'kyphosis', 420, 30, 'middle', [384, 70]);
  },
  'vertebroplasty-steps': (c) => {
    procBody(c, 30, 60, 160, 96);
    needle(c, 120, 110);
    procBody(c, 270, 60, 160, 96);
    c.add(path('M300 90Q340 70 380 88Q410 110 380 134Q340 146 304 128Q286 110 300 90Z', { fill: ACCENT, sw: 2 }));
    needle(c, 360, 110);
    c.note('1  needle', 30, 250, 'start');
    c.label('bone cement', 'bone-cement', 270, 250, 'start', [330, 124]);
  },
  'kyphoplasty-steps': (c) => {
    procBody(c, 14, 90, 136, 60);
    needle(c, 92, 120, 60);
    c.add(rect(172, 70, 136, 80, { fill: BONE }), ellipse(240, 110, 40, 24, { fill: SOFT, sw: 3 }));
    needle(c, 262, 124, 60);
    c.add(rect(330, 70, 136, 80, { fill: BONE }), ellipse(398, 110, 40, 24, { fill: ACCENT, sw: 2 }));
    c.note('1  needle', 82, 220, 'middle');
    c.note('2  balloon', 240, 220, 'middle');
    c.note('3  cement', 398, 220, 'middle');
  },
  'dxa-scan': (c) => {
    c.add(
      rect(30, 180, 420, 22, { fill: SOFT, rx: 6 }),
      line(80, 202, 80, 250, { sw: 4 }),
      line(400, 202, 400, 250, { sw: 4 }),
      // The person, lying face up, head to the left.
      circle(70, 158, 20, { fill: SOFT }),
      path('M92 150L300 146Q320 148 330 156L430 160L430 176L92 176Z', { fill: SOFT }),
      // The scanner arm over the hips.
      path('M448 202L448 70L220 70', { sw: 6 }),
      rect(190, 60, 70, 26, { fill: BONE, rx: 6 }),
      rect(196, 140, 60, 36, { fill: 'none', stroke: ACCENT, sw: 3, dash: '6 5', rx: 6 }),
      rect(288, 140, 48, 36, { fill: 'none', stroke: ACCENT, sw: 3, dash: '6 5', rx: 6 }),
    );
    c.label('DXA', 'dxa-scan', 180, 46, 'end', [192, 66]);
    c.label('spine', 'spine', 210, 120, 'end', [224, 140]);
    c.label('hip', 'hip', 320, 120, 'start', [312, 140]);
  },
  't-score-scale': (c) => {
    const y = 130;
    const [a, b, z] = [scaleX(SCALE_MIN), scaleX(-2.5), scaleX(-1)];
    const e = scaleX(SCALE_MAX);
    c.add(
      rect(a, y, b - a, 30, { fill: ACCENT, rx: 0, sw: 2 }),
      rect(b, y, z - b, 30, { fill: BONE, rx: 0, sw: 2 }),
      rect(z, y, e - z, 30, { fill: SOFT, rx: 0, sw: 2 }),
    );
    for (const v of [-4, -3, -2.5, -2, -1, 0, 1, 2]) {
      const x = scaleX(v);
      const edge = v === -2.5 || v === -1;
      c.add(line(x, y + 30, x, y + (edge ? 48 : 40), { sw: edge ? 3.5 : 2 }));
      if (v !== -2 && v !== -3) c.note(String(v).replace('-', '\u2212'), x, y + 72, 'middle');
    }
    c.label('osteoporosis', 'osteoporosis', a, 60, 'start', [(a + b) / 2, y - 2]);
    c.label('osteopenia', 'osteopenia', b + 8, 104, 'start');
    c.note('normal', (z + e) / 2, 104, 'middle');
    c.label('T-score', 't-score', 240, 262, 'middle');
  },
  'hip-fracture-sites': (c) => {
    c.add(
      path('M80 0L270 0L262 40Q226 24 196 40Q170 60 172 90L150 120L96 110L70 40Z', { fill: BONE }),
      path('M210 62L276 104L302 92L322 120L312 168L302 276L256 276L258 176L244 150L196 118Z', { fill: BONE }),
      circle(204, 84, 36, { fill: BONE }),
      crack(pts(226, 86, 236, 100, 228, 112, 240, 128)),
    );
    c.label('pelvis', 'pelvis', 40, 170, 'start', [110, 100]);
    c.label('femoral neck', 'femoral-neck', 330, 60, 'start', [244, 104]);
    c.label('femur', 'femur', 340, 230, 'start', [306, 230]);
  },
  'wrist-fracture': (c) => {
    c.add(
      path('M10 70L260 76Q290 70 300 90L300 118L10 112Z', { fill: BONE }),
      path('M10 132L270 128Q292 132 292 150Q290 166 270 166L10 164Z', { fill: BONE }),
      // The hand: palm and fingers, as one calm outline.
      path(
        'M306 80Q330 66 360 72L440 70Q456 74 440 86L372 92L452 98Q466 106 450 114L374 114L450 124Q462 134 446 140L372 138L436 150Q448 160 432 166L360 164Q320 170 304 150Z',
        { fill: SOFT },
      ),
      crack(pts(232, 72, 240, 86, 232, 98, 242, 114)),
    );
    c.label('wrist fracture', 'wrist-fracture', 200, 40, 'middle', [234, 72]);
  },
  'herniated-disc': (c) => {
    const v = topVertebra(c, 290, 110, { body: false });
    c.add(
      ellipse(290, 84, 68, 42, { fill: SOFT, sw: 3 }),
      ellipse(290, 80, 30, 18, { fill: BONE, sw: 2 }),
      path('M276 140Q250 150 200 170', { stroke: ACCENT, sw: 6 }),
      path('M304 140Q330 150 380 170', { stroke: ACCENT, sw: 6 }),
      path('M236 104Q214 122 224 146Q238 152 248 136Q254 120 260 118Z', { fill: SOFT, sw: 3 }),
    );
    c.label('herniated disc', 'herniated-disc', 10, 90, 'start', [226, 122]);
    c.label('nerve root', 'nerve-root', 20, 216, 'start', [204, 168]);
    c.label('spinal cord', 'spinal-cord', 340, 250, 'start', [v.canal[0] + 6, v.canal[1] + 8]);
  },
  'bulging-disc': (c) => {
    c.add(
      ellipse(120, 120, 90, 60, { fill: SOFT, sw: 3 }),
      ellipse(120, 120, 38, 24, { fill: BONE, sw: 2 }),
      ellipse(360, 120, 104, 72, { fill: SOFT, sw: 3 }),
      ellipse(360, 120, 90, 60, { sw: 2, dash: '6 6' }),
      ellipse(360, 120, 44, 28, { fill: BONE, sw: 2 }),
    );
    c.label('disc', 'disc', 120, 230, 'middle');
    c.label('bulging disc', 'bulging-disc', 360, 236, 'middle');
  },
  'spinal-stenosis': (c) => {
    topVertebra(c, 120, 80, { s: 0.92 });
    topVertebra(c, 360, 80, { s: 0.92, canal: 14, cord: 11 });
    c.label('spinal canal', 'spinal-canal', 120, 262, 'middle', [120, 118]);
    c.label('spinal stenosis', 'spinal-stenosis', 360, 262, 'middle', [360, 122]);
  },
  'sciatica-path': (c) => {
    c.add(
      circle(200, 26, 18, { fill: SOFT }),
      path(
        'M170 48L230 48Q252 52 254 70L250 128L256 150L246 270L212 270L204 160L196 160L188 270L154 270L144 150L150 128L146 70Q148 52 170 48Z',
        { fill: SOFT },
      ),
      line(200, 52, 200, 140, { sw: 2.5, dash: '4 5' }),
      path('M204 130Q226 142 226 164Q230 210 228 262', { stroke: ACCENT, sw: 6 }),
    );
    c.label('spine', 'spine', 110, 90, 'end', [198, 96]);
    c.label('sciatica', 'sciatica', 290, 200, 'start', [230, 200]);
  },
  spondylolisthesis: (c) => {
    c.add(
      rect(200, 12, 110, 54, { fill: BONE }),
      rect(204, 68, 102, 16, { fill: SOFT, rx: 6 }),
      rect(170, 86, 110, 54, { fill: BONE }),
      rect(200, 142, 102, 16, { fill: SOFT, rx: 6 }),
      rect(200, 160, 110, 54, { fill: BONE }),
      line(200, 6, 200, 220, { sw: 2, dash: '6 6' }),
      path('M160 113L122 113M132 103L122 113L132 123', { stroke: ACCENT, sw: 4 }),
    );
    c.label('vertebra', 'vertebra', 340, 120, 'start', [282, 113]);
    c.label('spondylolisthesis', 'spondylolisthesis', 240, 256, 'middle');
    c.note('front', 60, 120, 'middle');
  },
  'back-brace': (c) => {
    c.add(
      circle(180, 30, 22, { fill: SOFT }),
      path('M130 58L230 58Q262 64 266 96L262 272L98 272L94 96Q98 64 130 58Z', { fill: SOFT }),
      path('M112 110L248 110L252 230L108 230Z', { fill: BONE, sw: 3 }),
      line(112, 150, 250, 150, { stroke: ACCENT, sw: 5 }),
      line(110, 196, 251, 196, { stroke: ACCENT, sw: 5 }),
      line(140, 58, 140, 110, { sw: 4 }),
      line(220, 58, 220, 110, { sw: 4 }),
    );
    c.label('back brace', 'orthosis', 300, 170, 'start', [252, 170]);
  },
  'safe-lifting': (c) => {
    // Bending at the waist: the back near flat, legs straight.
    c.add(
      figure(pose('bending-over')),
      rect(46, 196, 50, 40, { fill: BONE, rx: 3 }),
      path('M190 40L214 64M214 40L190 64', { stroke: ACCENT, sw: 5 }),
    );
    // Squatting: knees bent, back upright, box held close.
    c.add(
      figure(pose('squatting')),
      rect(286, 174, 46, 40, { fill: BONE, rx: 3 }),
      path('M420 52L432 64L456 38', { stroke: INK, sw: 5 }),
    );
    c.add(line(20, 238, 460, 238, { sw: 3 }));
    c.note('bending over', 110, 272, 'middle');
    c.note('knees bent', 350, 272, 'middle');
  },
  'weight-bearing-exercise': (c) => {
    c.add(
      figure(pose('walking')),
      line(30, 224, 190, 224, { sw: 3 }),
      path('M240 224L300 224L300 192L350 192L350 160L400 160L400 128L460 128', { sw: 3 }),
      figure(pose('climbing-stairs')),
    );
    c.label('weight-bearing exercise', 'weight-bearing-exercise', 240, 266, 'middle');
  },
  'balance-training': (c) => {
    c.add(
      // The chair, seen from the side.
      path('M110 90L110 236M110 160L190 160L190 236M110 160L112 150', { sw: 5 }),
      line(40, 238, 440, 238, { sw: 3 }),
      figure(pose('standing-on-one-leg')),
    );
    c.label('balance training', 'balance-training', 370, 272, 'middle');
  },
  'resistance-exercise': (c) => {
    c.add(
      figure(pose('lifting-overhead')),
      rect(178, 56, 36, 12, { fill: BONE, rx: 4 }),
      rect(266, 56, 36, 12, { fill: BONE, rx: 4 }),
      line(120, 238, 360, 238, { sw: 3 }),
    );
    c.label('resistance exercise', 'resistance-exercise', 240, 272, 'middle');
  },
  'home-fall-hazards': (c) => {
    c.add(
      path('M20 236L20 200L60 200L60 164L100 164L100 128L140 128L140 92L180 92', { sw: 3 }),
      line(10, 238, 470, 238, { sw: 3 }),
      path('M210 236L330 236Q344 236 344 224Q344 214 334 216', { fill: 'none', stroke: INK, sw: 4 }),
      rect(210, 228, 120, 8, { fill: BONE, rx: 2, sw: 2 }),
      path('M360 236Q390 226 410 236T460 232', { sw: 3 }),
      rect(440, 196, 26, 20, { fill: BONE, rx: 3, sw: 2 }),
      circle(100, 150, 46, { stroke: ACCENT, sw: 3, dash: '7 6' }),
      circle(336, 222, 26, { stroke: ACCENT, sw: 3, dash: '7 6' }),
      circle(410, 232, 26, { stroke: ACCENT, sw: 3, dash: '7 6' }),
    );
    c.note('no rail', 110, 60, 'middle');
    c.note('loose rug', 270, 190, 'middle');
    c.note('cord', 410, 180, 'middle');
    c.label('falls', 'fall', 270, 276, 'middle');
  },
  'fracture-sites': (c) => {
    c.add(
      circle(240, 30, 20, { fill: BONE }),
      line(240, 52, 240, 150, { sw: 5 }),
      path('M206 70L274 70M210 86L270 86M212 102L268 102M216 118L264 118', { sw: 3 }),
      path('M210 150Q240 140 270 150L278 176Q240 186 202 176Z', { fill: BONE }),
      path('M206 62L170 110L150 160M274 62L310 110L330 160', { sw: 4 }),
      path('M216 178L206 266M264 178L274 266', { sw: 4 }),
      circle(240, 112, 24, { stroke: ACCENT, sw: 3, dash: '7 6' }),
      circle(212, 172, 20, { stroke: ACCENT, sw: 3, dash: '7 6' }),
      circle(330, 160, 16, { stroke: ACCENT, sw: 3, dash: '7 6' }),
    );
    c.label('spine', 'spine', 120, 60, 'end', [218, 108]);
    c.label('hip', 'hip', 120, 200, 'end', [194, 176]);
    c.note('wrist', 360, 210, 'start', [340, 170]);
  },
  'bone-remodeling': (c) => {
    c.add(
      path('M10 150L90 150Q130 196 170 150L290 150Q330 196 370 150L470 150L470 270L10 270Z', { fill: BONE }),
      path('M296 156Q330 186 364 156', { stroke: INK, sw: 2, dash: '5 5' }),
      path('M86 146Q90 104 130 100Q170 104 174 146Q130 168 86 146Z', { fill: SOFT }),
      circle(112, 128, 5, { fill: INK, stroke: 'none' }),
      circle(130, 120, 5, { fill: INK, stroke: 'none' }),
      circle(148, 128, 5, { fill: INK, stroke: 'none' }),
      circle(300, 140, 12, { fill: SOFT }),
      circle(322, 150, 12, { fill: SOFT }),
      circle(344, 150, 12, { fill: SOFT }),
      circle(364, 140, 12, { fill: SOFT }),
    );
    c.label('osteoclast', 'osteoclast', 130, 60, 'middle', [130, 98]);
    c.label('osteoblast', 'osteoblast', 330, 90, 'middle', [330, 134]);
  },
  scoliosis: (c) => {
    const back = (x: number) =>
      c.add(
        circle(x, 26, 18, { fill: SOFT }),
        path(
          `M${x - 30} 48L${x + 30} 48Q${x + 56} 52 ${x + 58} 76L${x + 52} 230L${x - 52} 230L${x - 58} 76Q${x - 56} 52 ${x - 30} 48Z`,
          { fill: SOFT },
        ),
      );
    back(120);
    back(360);
    for (let i = 0; i < 11; i++) {
      const y = 56 + i * 16;
      c.add(rect(112, y, 16, 12, { fill: BONE, rx: 3, sw: 2 }));
      const off = 20 * Math.sin((i / 10) * Math.PI * 1.6);
      c.add(rect(352 + off, y, 16, 12, { fill: BONE, rx: 3, sw: 2 }));
    }
    c.label('spine', 'spine', 120, 264, 'middle');
    c.label('scoliosis', 'scoliosis', 360, 264, 'middle');
  },
  'spine-curves': (c) => {
    const col = drawColumn(c, 200, 14);
    const right = (b: { x: number; y: number; w: number; h: number }): [number, number] => [b.x + b.w + 2, b.y + b.h / 2];
    const left = (b: { x: number; y: number; w: number; h: number }): [number, number] => [b.x - 2, b.y + b.h / 2];
    c.label('lordosis', 'lordosis', 300, 50, 'start', right(col.cervical[2]!));
    c.label('kyphosis', 'kyphosis', 300, 130, 'start', right(col.thoracic[3]!));
    c.label('lordosis', 'lordosis', 300, 210, 'start', right(col.lumbar[1]!));
    c.note('front', 60, 120, 'middle');
    c.add(path('M80 132L60 132M68 124L60 132L68 140', { sw: 2.5 }));
    void left;
  },
  laminectomy: (c) => {
    const v = topVertebra(c, 240, 100, { arch: false });
    c.label('laminectomy', 'laminectomy', 320, 250, 'start', [270, 186]);
    c.label('spinal cord', 'spinal-cord', 60, 250, 'start', [v.canal[0] - 8, v.canal[1] + 6]);
  },
  'bone-structure': (c) => {
    c.add(
      path('M60 90Q60 30 130 30Q200 30 210 80L220 110L440 110L440 190L220 190L210 220Q200 250 130 250Q60 250 60 190Z', {
        fill: BONE,
        sw: 3,
      }),
      path('M84 100Q84 54 132 54Q180 56 188 96L196 128L440 128L440 172L196 172L188 200Q180 226 132 226Q84 226 84 180Z', {
        fill: SOFT,
        sw: 2,
      }),
    );
    let seed = 3;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const bars: string[] = [];
    for (let i = 0; i < 26; i++) {
      const x = 96 + rnd() * 84;
      const y = 70 + rnd() * 140;
      const a = rnd() * Math.PI;
      bars.push(
        `M${(x - 14 * Math.cos(a)).toFixed(1)} ${(y - 14 * Math.sin(a)).toFixed(1)}L${(x + 14 * Math.cos(a)).toFixed(1)} ${(y + 14 * Math.sin(a)).toFixed(1)}`,
      );
    }
    c.add(path(bars.join(''), { stroke: INK, sw: 7 }), path(bars.join(''), { stroke: BONE, sw: 3 }));
    c.label('cortical bone', 'cortical-bone', 250, 70, 'start', [210, 96]);
    c.label('spongy bone', 'trabecular-bone', 20, 276, 'start', [132, 200]);
    c.label('bone marrow', 'bone-marrow', 300, 240, 'start', [330, 160]);
  },
};
