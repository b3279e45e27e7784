/**
 * A patient's noise-free CT anatomy (HU, float) and dominant-tissue map on the scan grid.
 * Built slice by slice, back to front: body wall, ribs, thorax, abdomen, spine, vessel trees.
 * The anatomy is the same at every timepoint of a case, so it is built once and cached.
 */
import { abdomen, LIVER_TREE_ROOTS } from "./abdomen";
import { cavityPhi } from "./body-wall";
import { LUNG_TREE_ROOTS } from "./mediastinum";
import { createRng } from "./noise";
import { TISSUE, layer, paintLayer, type Mask, type SliceContext } from "./painter";
import { patientFor, type Patient } from "./patient";
import { paintRibsAndSternum } from "./ribs";
import { SCAN_DIMS, worldX, worldY, worldZ } from "./scan-grid";
import type { Implicit, Vec3 } from "./shapes";
import { spineLayers } from "./spine";
import type { DemoCase } from "./story";
import { thorax } from "./thorax";
import { growTree, paintTrees, rasterizeTrees, type Segment } from "./vessel-tree";
import { paintWall, type WallBuffers } from "./wall-paint";

export interface Anatomy {
  patient: Patient;
  /** HU before lesions and noise, x fastest (scan-grid.ts layout). */
  hu: Float32Array;
  /** Dominant tissue per voxel (painter.ts TISSUE). */
  tissue: Uint8Array;
}

interface Trees {
  lung: Segment[];
  portal: Segment[];
  hepatic: Segment[];
}

/** Trunks from `from` (picked per target) aimed at random points inside an organ. */
function aimedRoots(count: number, inside: (q: Vec3) => boolean, box: [Vec3, Vec3], from: (q: Vec3) => Vec3, radius: [number, number], rng: () => number) {
  const roots: { at: Vec3; dir: Vec3; radiusMm: number }[] = [];
  for (let n = 0; n < 40 * count && roots.length < count; n++) {
    const q: Vec3 = [0, 1, 2].map((i) => box[0][i] + (box[1][i] - box[0][i]) * rng()) as Vec3;
    if (!inside(q)) continue;
    const at = from(q);
    const dir: Vec3 = [q[0] - at[0], q[1] - at[1], q[2] - at[2]];
    if (Math.hypot(...dir) < 45) continue;
    roots.push({ at, dir, radiusMm: radius[0] + (radius[1] - radius[0]) * rng() });
  }
  return roots;
}

/**
 * Vessel trees. Besides the named roots, each organ gets trunks aimed at random points spread
 * through it (like segmental vessels), so the periphery fills too: pulmonary arteries and veins
 * from the hila; portal branches from the porta and hepatic veins from the IVC confluence.
 */
function growTrees(p: Patient, lung: Implicit, liver: Implicit, cavity: Implicit): Trees {
  const rng = createRng(p.seed ^ 0x7ee5);
  const inLung = (q: Vec3) => lung(q[0], q[1], q[2]) < -1.5 && cavity(q[0], q[1], q[2]) < -1.5;
  const inLiver = (q: Vec3) => liver(q[0], q[1], q[2]) < -2 && cavity(q[0], q[1], q[2]) < -2;
  const hila: Vec3[] = [[40, 2, 76], [42, -14, 36], [-52, 0, 84], [-46, -14, 40]];
  const fromHilum = (q: Vec3) => hila.filter((h) => Math.sign(h[0]) === Math.sign(q[0]))[rng() < 0.5 ? 0 : 1];
  const lungRoots = [...LUNG_TREE_ROOTS, ...aimedRoots(28, inLung, [[-130, -90, -80], [130, 90, 190]], fromHilum, [3.2, 4.4], rng)];
  const liverBox: [Vec3, Vec3] = [[-100, -90, -160], [140, 90, 10]];
  const portalRoots = [...LIVER_TREE_ROOTS.filter((r) => r.hu === 150), ...aimedRoots(8, inLiver, liverBox, () => [30, 0, -80], [3.5, 4.5], rng)];
  const hepaticRoots = [...LIVER_TREE_ROOTS.filter((r) => r.hu === 138), ...aimedRoots(6, inLiver, liverBox, () => [18, -14, -20], [3.5, 4.5], rng)];
  const grow = (roots: typeof lungRoots, inside: (q: Vec3) => boolean, max: number) =>
    roots.flatMap((r) => growTree(r.at, r.dir, r.radiusMm, inside, rng, max));
  return { lung: grow(lungRoots, inLung, 400), portal: grow(portalRoots, inLiver, 250), hepatic: grow(hepaticRoots, inLiver, 250) };
}

export function buildAnatomy(c: DemoCase): Anatomy {
  const p = patientFor(c);
  const [nx, ny, nz] = SCAN_DIMS;
  const th = thorax(p);
  const ab = abdomen(p);
  const spine = spineLayers(p);
  const trees = growTrees(p, th.lung, ab.liver, cavityPhi(p));
  // The table the patient lies on: a thin curved carbon shell just behind the back.
  const tableY = -(97 + p.fatMm * p.backFatFactor) - 9;
  const table = layer(TISSUE.table, 180, (x, y) => Math.abs(y - (tableY + (x * x) / 1400)) - 1.5, {
    zMin: -1e4, zMax: 1e4, box: [-170, 170, tableY - 5, tableY + 25],
  });

  const n = nx * ny;
  const hu = new Float32Array(n * nz);
  const tissue = new Uint8Array(n * nz);
  const masks: Record<Mask, Float32Array> = { cavity: new Float32Array(n), lung: new Float32Array(n), liver: new Float32Array(n) };
  const ctx: SliceContext = {
    patient: p, nx, ny, zr: 0,
    xr: Float64Array.from({ length: nx }, (_, i) => worldX(i) / p.scaleXY),
    yr: Float64Array.from({ length: ny }, (_, j) => worldY(j) / p.scaleXY),
    hu: new Float32Array(n), tissue: new Uint8Array(n), masks,
  };
  const wall: WallBuffers = { depth: new Float32Array(n), muscleStart: new Float32Array(n), ribStart: new Float32Array(n) };
  const occ = new Float32Array(n);
  const organMask = new Float32Array(n);
  // Trees only where the organ is still the dominant tissue (not under a later gallbladder or kidney).
  const treesIn = (segs: Segment[], mask: Float32Array, organ: number, value: number) => {
    rasterizeTrees(ctx, segs, occ);
    for (let i = 0; i < n; i++) organMask[i] = ctx.tissue[i] === organ ? mask[i] : 0;
    paintTrees(ctx, occ, organMask, value, TISSUE.blood);
  };

  for (let k = 0; k < nz; k++) {
    ctx.zr = (worldZ(k) - p.shiftZ) / p.scaleZ;
    masks.lung.fill(0);
    masks.liver.fill(0);
    paintWall(ctx, wall);
    paintLayer(ctx, table);
    paintRibsAndSternum(ctx, wall);
    for (const l of th.layers) paintLayer(ctx, l);
    for (const l of ab.layers) paintLayer(ctx, l);
    for (const l of spine) paintLayer(ctx, l);
    treesIn(trees.lung, masks.lung, TISSUE.lung, 140);
    treesIn(trees.portal, masks.liver, TISSUE.liver, 150);
    treesIn(trees.hepatic, masks.liver, TISSUE.liver, 138);
    hu.set(ctx.hu, k * n);
    tissue.set(ctx.tissue, k * n);
  }
  return { patient: p, hu, tissue };
}

let cached: { slug: string; anatomy: Anatomy } | null = null;

/** The case's anatomy, built on first use; one case is kept to bound memory (~35 MB). */
export function anatomyFor(c: DemoCase): Anatomy {
  if (cached?.slug !== c.slug) cached = { slug: c.slug, anatomy: buildAnatomy(c) };
  return cached.anatomy;
}
