/**
 * Branching vessel trees (pulmonary vessels, portal and hepatic veins): grown once per patient
 * from hilar roots with a seeded generator, kept inside their organ, and rasterised per slice.
 * On thick axial slices such trees give what radiologists expect: dots where vessels run through
 * the slice, short branching lines where they run along it, fading toward the periphery.
 */
import { blend, type SliceContext, type Tissue } from "./painter";
import { SCAN_SPACING_MM } from "./scan-grid";
import { clamp, cross, normalize, type Vec3 } from "./shapes";

export interface Segment {
  a: Vec3;
  b: Vec3;
  ra: number;
  rb: number;
  /** b - a and its squared length, kept for the per-voxel projection. */
  d: Vec3;
  len2: number;
}

const add = (p: Vec3, d: Vec3, s: number): Vec3 => [p[0] + d[0] * s, p[1] + d[1] * s, p[2] + d[2] * s];

/** Direction `d` turned by `angle` toward a random perpendicular. */
function turn(d: Vec3, angle: number, rng: () => number): Vec3 {
  const r: Vec3 = [rng() - 0.5, rng() - 0.5, rng() - 0.5];
  const perp = normalize(cross(d, normalize(cross(r, d))));
  return normalize(add([d[0] * Math.cos(angle), d[1] * Math.cos(angle), d[2] * Math.cos(angle)], perp, Math.sin(angle)));
}

/**
 * Grows a tree from `root` along `dir`. Branching is monopodial, as in lung and liver vessels: the
 * parent continues almost straight and barely thinner (x0.88), a side branch leaves at 35-70
 * degrees much thinner (x0.6); segment length scales with radius (~6 radii). `inside` keeps every
 * segment end in the organ; branches that would leave it bend, shorten or stop.
 */
export function growTree(root: Vec3, dir: Vec3, radiusMm: number, inside: (p: Vec3) => boolean, rng: () => number, maxSegments = 1200): Segment[] {
  const out: Segment[] = [];
  // A queue (breadth first) so that a segment budget trims the finest branches, not whole lobes.
  const queue: { p: Vec3; d: Vec3; r: number; depth: number }[] = [{ p: root, d: normalize(dir), r: radiusMm, depth: 0 }];
  for (let head = 0; head < queue.length && out.length < maxSegments; head++) {
    const { p, d, r, depth } = queue[head];
    if (r < 0.6) continue;
    const len0 = clamp(6 * r * (0.8 + 0.4 * rng()), 5, 26);
    // The root segment may start outside (in the hilum) and only its end must be inside.
    let found: { end: Vec3; d: Vec3 } | null = null;
    for (let attempt = 0; attempt < 6 && !found; attempt++) {
      const nd = attempt === 0 ? d : turn(d, (10 * attempt * Math.PI) / 180, rng);
      for (const len of depth === 0 ? [len0, 1.5 * len0, 2 * len0] : [len0, len0 / 2]) {
        const end = add(p, nd, len);
        if (inside(end) && (depth === 0 || inside(add(p, nd, len / 2)))) {
          found = { end, d: nd };
          break;
        }
      }
    }
    if (!found) continue;
    const rEnd = r * 0.97;
    const e = found.end;
    out.push(segment(p, e, r, rEnd));
    // Spread away from the root so the tree fills the organ instead of curling back.
    const away = normalize([e[0] - root[0] + 1e-3, e[1] - root[1], e[2] - root[2]]);
    const ahead = normalize(add(found.d, away, 0.25));
    queue.push({ p: e, d: turn(ahead, ((3 + 9 * rng()) * Math.PI) / 180, rng), r: rEnd * 0.9, depth: depth + 1 });
    queue.push({ p: e, d: turn(ahead, ((35 + 35 * rng()) * Math.PI) / 180, rng), r: rEnd * (0.62 + 0.14 * rng()), depth: depth + 1 });
  }
  return out;
}

/** Max occupancy of the trees in one slice: 3 sub-planes through the slab, in-plane footprint each. */
export function rasterizeTrees(ctx: SliceContext, segments: Segment[], occ: Float32Array): void {
  occ.fill(0);
  const { scaleXY, scaleZ } = ctx.patient;
  const px = SCAN_SPACING_MM[0] / scaleXY, pz = SCAN_SPACING_MM[2] / scaleZ;
  const zs = [ctx.zr - pz / 3, ctx.zr, ctx.zr + pz / 3];
  const col0 = ctx.xr[0], row0 = ctx.yr[0];
  for (const s of segments) {
    const rMax = Math.max(s.ra, s.rb);
    const lo = ctx.zr - pz / 2 - rMax, hi = ctx.zr + pz / 2 + rMax;
    const dz = s.b[2] - s.a[2];
    // The part of the segment whose z lies in the slab (a vertical-ish vessel is only a dot).
    let t0 = 0, t1 = 1;
    if (Math.abs(dz) > 1e-9) {
      const ta = (lo - s.a[2]) / dz, tb = (hi - s.a[2]) / dz;
      t0 = Math.max(0, Math.min(ta, tb));
      t1 = Math.min(1, Math.max(ta, tb));
      if (t0 > t1) continue;
    } else if (s.a[2] < lo || s.a[2] > hi) continue;
    const xa = s.a[0] + (s.b[0] - s.a[0]) * t0, xb = s.a[0] + (s.b[0] - s.a[0]) * t1;
    const ya = s.a[1] + (s.b[1] - s.a[1]) * t0, yb = s.a[1] + (s.b[1] - s.a[1]) * t1;
    const c0 = Math.max(0, Math.floor((col0 - Math.max(xa, xb) - rMax) / px) - 1);
    const c1 = Math.min(ctx.nx - 1, Math.ceil((col0 - Math.min(xa, xb) + rMax) / px) + 1);
    const r0 = Math.max(0, Math.floor((row0 - Math.max(ya, yb) - rMax) / px) - 1);
    const r1 = Math.min(ctx.ny - 1, Math.ceil((row0 - Math.min(ya, yb) + rMax) / px) + 1);
    for (let r = r0; r <= r1; r++) {
      const y = ctx.yr[r];
      for (let c = c0; c <= c1; c++) {
        const o = segmentOccupancy(s, ctx.xr[c], y, zs, px);
        const p = r * ctx.nx + c;
        if (o > occ[p]) occ[p] = o;
      }
    }
  }
}

/**
 * Occupancy of the voxel at (x, y) by a tapered segment, averaged over sub-planes `zs` of its
 * slab, each with the in-plane footprint of a `px` pixel (painter.ts): thin vessels crossing a
 * thick slice come out faint, as they do on a scanner.
 */
export function segmentOccupancy(s: Segment, x: number, y: number, zs: readonly number[], px: number): number {
  const { a, d, len2 } = s;
  let sum = 0;
  for (const z of zs) {
    const qx0 = x - a[0], qy0 = y - a[1], qz0 = z - a[2];
    const t = clamp((qx0 * d[0] + qy0 * d[1] + qz0 * d[2]) / len2, 0, 1);
    const qx = qx0 - t * d[0], qy = qy0 - t * d[1], qz = qz0 - t * d[2];
    const dist = Math.sqrt(qx * qx + qy * qy + qz * qz);
    const phi = dist - (s.ra + (s.rb - s.ra) * t);
    if (phi > 2 * px) continue;
    const den = dist > 1e-6 ? ((Math.abs(qx) + Math.abs(qy)) / dist) * px : px;
    sum += clamp(0.5 - phi / Math.max(den, 0.3 * px), 0, 1);
  }
  return sum / zs.length;
}

/** A segment from a to b with radii ra, rb. */
export function segment(a: Vec3, b: Vec3, ra: number, rb: number): Segment {
  const d: Vec3 = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
  return { a, b, ra, rb, d, len2: d[0] * d[0] + d[1] * d[1] + d[2] * d[2] };
}

/** Blends rasterised trees over the slice, inside the organ's mask. */
export function paintTrees(ctx: SliceContext, occ: Float32Array, mask: Float32Array, hu: number, tissue: Tissue): void {
  for (let p = 0; p < occ.length; p++) {
    const o = occ[p] * mask[p];
    if (o > 0) blend(ctx, p, o, hu, tissue);
  }
}
