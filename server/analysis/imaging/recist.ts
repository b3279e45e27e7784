/**
 * RECIST 1.1 long and short axes of a lesion on axial slices (SPEC.md I80-I84).
 * Eisenhauer et al., Eur J Cancer 2009;45:228-247.
 */
import { AnalysisError } from "../errors";
import type { Affine, Vec3 } from "../types";
import { voxelToWorld } from "./affine";
import { convexHull2D } from "./convex-hull";
import { maskBounds } from "./marching-cubes";

/** A measured segment: length (mm) and endpoints in voxel (i, j, k) and, with an affine, world mm. */
export interface AxisMeasurement {
  lengthMm: number;
  voxel: [Vec3, Vec3];
  /** RAS mm; present when an affine was given. */
  world?: [Vec3, Vec3];
}

/** RECIST 1.1 measurement of one lesion (SPEC.md I80-I84). */
export interface RecistAxes {
  /** Longest in-plane diameter over all slices, mm. */
  longAxisMm: number;
  /** Longest diameter perpendicular to the long axis on the same slice, mm. */
  shortAxisMm: number;
  /** The slice (k) that holds the long axis. */
  sliceIndex: number;
  longAxis: AxisMeasurement;
  shortAxis: AxisMeasurement;
}

/**
 * Outline points of slice k: midpoints of in-plane pixel edges between the lesion and the
 * background (outside the grid counts as background), in doubled pixel units (2i +- 1, 2j) [I80].
 */
function outline(mask: ArrayLike<number>, dims: Vec3, k: number, box: { min: Vec3; max: Vec3 }): Int32Array {
  const [nx, ny] = dims;
  const on = (i: number, j: number) => i >= 0 && j >= 0 && i < nx && j < ny && mask[i + nx * (j + ny * k)] !== 0;
  const pts: number[] = [];
  for (let j = box.min[1]; j <= box.max[1]; j++) for (let i = box.min[0]; i <= box.max[0]; i++) {
    if (!on(i, j)) continue;
    if (!on(i - 1, j)) pts.push(2 * i - 1, 2 * j);
    if (!on(i + 1, j)) pts.push(2 * i + 1, 2 * j);
    if (!on(i, j - 1)) pts.push(2 * i, 2 * j - 1);
    if (!on(i, j + 1)) pts.push(2 * i, 2 * j + 1);
  }
  return Int32Array.from(pts);
}

/**
 * In-plane metric from the affine's i and j columns (or the spacing): doubled pixel coordinates
 * (u, v) map to orthonormal in-plane mm coordinates (x, y) and back [I81].
 */
function planeFrame(spacingMm: Vec3, affine?: Affine) {
  const c0: Vec3 = affine ? [affine[0], affine[4], affine[8]] : [spacingMm[0], 0, 0];
  const c1: Vec3 = affine ? [affine[1], affine[5], affine[9]] : [0, spacingMm[1], 0];
  const n0 = Math.hypot(...c0);
  const p = (c1[0] * c0[0] + c1[1] * c0[1] + c1[2] * c0[2]) / n0; // c1 along e1
  const q = Math.sqrt(Math.max(0, c1[0] ** 2 + c1[1] ** 2 + c1[2] ** 2 - p * p)); // c1 along e2
  return {
    toXY: (u: number, v: number): [number, number] => [(u / 2) * n0 + (v / 2) * p, (v / 2) * q],
    toIJ: (x: number, y: number): [number, number] => {
      const j = y / q;
      return [(x - j * p) / n0, j];
    },
  };
}

interface SliceAxes { long: number; short: number; l: [number, number][]; s: [number, number][] }

/** Longest hull diameter, then the longest chord of the hull perpendicular to it [I82, I83]. */
function measureSlice(xy: [number, number][]): SliceAxes {
  let long = -1, a = 0, b = 0;
  for (let m = 0; m < xy.length; m++) for (let n = m + 1; n < xy.length; n++) {
    const d = Math.hypot(xy[m][0] - xy[n][0], xy[m][1] - xy[n][1]);
    if (d > long + 1e-12) { long = d; a = m; b = n; }
  }
  const dx = (xy[b][0] - xy[a][0]) / (long || 1), dy = (xy[b][1] - xy[a][1]) / (long || 1);
  // (t, s): coordinates along and across the long axis.
  const ts = xy.map(([x, y]) => [x * dx + y * dy, -x * dy + y * dx]);
  let short = 0, st = 0, s0 = 0, s1 = 0;
  for (const [t0] of ts) {
    let lo = Infinity, hi = -Infinity;
    for (let m = 0; m < ts.length; m++) {
      const [ta, sa] = ts[m], [tb, sb] = ts[(m + 1) % ts.length];
      if ((t0 < Math.min(ta, tb) - 1e-9) || (t0 > Math.max(ta, tb) + 1e-9)) continue;
      const s = Math.abs(tb - ta) < 1e-12 ? [sa, sb] : [sa + ((t0 - ta) / (tb - ta)) * (sb - sa)];
      for (const v of s) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    }
    if (hi - lo > short + 1e-12) { short = hi - lo; st = t0; s0 = lo; s1 = hi; }
  }
  const back = (t: number, s: number): [number, number] => [t * dx - s * dy, t * dy + s * dx];
  return { long, short, l: [xy[a], xy[b]], s: [back(st, s0), back(st, s1)] };
}

/**
 * RECIST 1.1 axes of a binary mask (`mask != 0`) on slices of constant k, which the caller
 * asserts are axial [I80-I84]. Each slice's lesion outline is the convex hull of the midpoints of
 * its boundary pixel edges, so a disc of diameter D pixels measures about D pixels, edge to edge.
 * The long axis is the longest hull diameter over all slices (ties: lowest k); the short axis is
 * the longest chord of that slice's hull perpendicular to it.
 * @param spacingMm voxel size (x, y, z) in mm, used when no affine is given.
 * @param affine voxel-to-RAS affine; its i and j columns give the in-plane metric and world endpoints.
 * @throws AnalysisError EMPTY_MASK when no voxel is set.
 */
export function recistAxes(mask: ArrayLike<number>, dims: Vec3, spacingMm: Vec3, affine?: Affine): RecistAxes {
  if (mask.length !== dims[0] * dims[1] * dims[2]) throw new AnalysisError("INVALID_INPUT", `mask has ${mask.length} voxels but dims ${dims.join("x")}`);
  const box = maskBounds(mask, dims);
  if (!box) throw new AnalysisError("EMPTY_MASK", "the mask has no non-zero voxel");
  const frame = planeFrame(spacingMm, affine);
  let best: (SliceAxes & { k: number }) | null = null;
  for (let k = box.min[2]; k <= box.max[2]; k++) {
    const uv = outline(mask, dims, k, box);
    const n = uv.length / 2;
    if (n === 0) continue;
    const hull = convexHull2D(uv, n);
    const m = measureSlice(hull.map((h) => frame.toXY(uv[2 * h], uv[2 * h + 1])));
    if (!best || m.long > best.long + 1e-9) best = { ...m, k };
  }
  const b = best!;
  const toVoxel = (p: [number, number]): Vec3 => [...frame.toIJ(p[0], p[1]), b.k];
  const seg = (pts: [number, number][], len: number): AxisMeasurement => {
    const voxel: [Vec3, Vec3] = [toVoxel(pts[0]), toVoxel(pts[1])];
    if (!affine) return { lengthMm: len, voxel };
    return { lengthMm: len, voxel, world: [voxelToWorld(affine, voxel[0]), voxelToWorld(affine, voxel[1])] };
  };
  return { longAxisMm: b.long, shortAxisMm: b.short, sliceIndex: b.k, longAxis: seg(b.l, b.long), shortAxis: seg(b.s, b.short) };
}
