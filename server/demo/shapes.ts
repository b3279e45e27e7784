/**
 * Implicit shapes for the phantom. Every shape is a function phi(x, y, z) in millimetres that is
 * negative inside, zero on the surface and at most 1-Lipschitz, so |phi| never exceeds the true
 * distance: the painter can skip voxels with |phi| beyond a band and only blend the rest.
 */
export type Vec3 = [number, number, number];
export type Implicit = (x: number, y: number, z: number) => number;

export const clamp = (v: number, lo: number, hi: number) => (v < lo ? lo : v > hi ? hi : v);
export const lerp = (a: number, b: number, t: number) => a + (b - a) * t;

/** Hermite step from 0 at `e0` to 1 at `e1` (e0 > e1 gives a falling step). */
export function smoothstep(e0: number, e1: number, v: number): number {
  const t = clamp((v - e0) / (e1 - e0), 0, 1);
  return t * t * (3 - 2 * t);
}

/** A bump: 1 between `b` and `c`, easing to 0 at `a` and `d`. */
export function bump(a: number, b: number, c: number, d: number, v: number): number {
  return smoothstep(a, b, v) * smoothstep(d, c, v);
}

/** Piecewise-linear interpolation through knots (xs ascending), constant beyond the ends. */
export function pwl(xs: readonly number[], ys: readonly number[], x: number): number {
  if (x <= xs[0]) return ys[0];
  for (let i = 1; i < xs.length; i++) {
    if (x <= xs[i]) return lerp(ys[i - 1], ys[i], (x - xs[i - 1]) / (xs[i] - xs[i - 1]));
  }
  return ys[ys.length - 1];
}

/** Polynomial smooth minimum (union with a fillet of size k); stays 1-Lipschitz. */
export function smin(a: number, b: number, k: number): number {
  const h = clamp(0.5 + (0.5 * (b - a)) / k, 0, 1);
  return lerp(b, a, h) - k * h * (1 - h);
}

export const normalize = (v: Vec3): Vec3 => {
  const n = Math.hypot(v[0], v[1], v[2]);
  return [v[0] / n, v[1] / n, v[2] / n];
};
export const cross = (a: Vec3, b: Vec3): Vec3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];

/** An orthonormal frame whose first axis is `u` and whose second axis is as horizontal as possible. */
export function frameFrom(u: Vec3): [Vec3, Vec3, Vec3] {
  const a = normalize(u);
  const up: Vec3 = Math.abs(a[2]) > 0.95 ? [0, 1, 0] : [0, 0, 1];
  const b = normalize(cross(up, a));
  return [a, b, cross(a, b)];
}

/** Ellipsoid with centre `c`, orthonormal axes and semi-axes (mm). */
export function ellipsoid(c: Vec3, semi: Vec3, axes: [Vec3, Vec3, Vec3] = [[1, 0, 0], [0, 1, 0], [0, 0, 1]]): Implicit {
  const [u, v, w] = axes;
  const m = Math.min(semi[0], semi[1], semi[2]);
  return (x, y, z) => {
    const dx = x - c[0], dy = y - c[1], dz = z - c[2];
    const a = (dx * u[0] + dy * u[1] + dz * u[2]) / semi[0];
    const b = (dx * v[0] + dy * v[1] + dz * v[2]) / semi[1];
    const g = (dx * w[0] + dy * w[1] + dz * w[2]) / semi[2];
    // (F - 1) * smallest semi-axis: F is 1-homogeneous, so this never overestimates the distance.
    return (Math.sqrt(a * a + b * b + g * g) - 1) * m;
  };
}

function bounds(polylines: readonly TubePoints[], grow: number): number[] {
  let x0 = 1e9, x1 = -1e9, y0 = 1e9, y1 = -1e9, z0 = 1e9, z1 = -1e9;
  for (const points of polylines) {
    for (const p of points) {
      const r = p[3] + grow;
      x0 = Math.min(x0, p[0] - r); x1 = Math.max(x1, p[0] + r);
      y0 = Math.min(y0, p[1] - r); y1 = Math.max(y1, p[1] + r);
      z0 = Math.min(z0, p[2] - r); z1 = Math.max(z1, p[2] + r);
    }
  }
  return [x0, x1, y0, y1, z0, z1];
}

/** Fillet (mm) where tube segments meet. */
const JOINT_MM = 1.5;

/** A polyline tube through points [x, y, z, radius]; radius varies linearly along each segment. */
export type TubePoints = readonly (readonly [number, number, number, number])[];

export interface Tube {
  phi: Implicit;
  zMin: number;
  zMax: number;
  box: [number, number, number, number];
}

export function tube(points: TubePoints, grow = 0): Tube {
  return tubes([points], grow);
}

/** The union of several polyline tubes, grown by `grow` mm (a margin around vessels). */
export function tubes(polylines: readonly TubePoints[], grow = 0): Tube {
  const segs = polylines.flatMap((points) =>
    points.slice(1).map((b, i) => {
      const a = points[i];
      const d: Vec3 = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
      const len2 = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
      const rMax = Math.max(a[3], b[3]) + grow;
      return { a, d, len2, r0: a[3] + grow, r1: b[3] + grow, zLo: Math.min(a[2], b[2]) - rMax, zHi: Math.max(a[2], b[2]) + rMax };
    }),
  );
  // Distances are capped at CAP (callers use phi for its sign and near the surface only), so a
  // query only needs the segments within CAP of it: per 8 mm band of height, segments are bucketed
  // in a coarse in-plane grid, built on first use.
  const CAP = 20, CELL = 16, BAND_Z = 8;
  const [bx0, bx1, by0, by1] = bounds(polylines, grow);
  const gx0 = bx0 - CAP, gy0 = by0 - CAP;
  const gnx = Math.ceil((bx1 - bx0 + 2 * CAP) / CELL) + 1, gny = Math.ceil((by1 - by0 + 2 * CAP) / CELL) + 1;
  const grids = new Map<number, (typeof segs)[]>();
  const build = (band: number) => {
    const lo = band * BAND_Z - CAP, hi = (band + 1) * BAND_Z + CAP;
    const grid: (typeof segs)[] = Array.from({ length: gnx * gny }, () => []);
    for (const s of segs) {
      if (s.zHi < lo || s.zLo > hi) continue;
      const reach = Math.max(s.r0, s.r1) + CAP;
      const i0 = Math.floor((Math.min(s.a[0], s.a[0] + s.d[0]) - reach - gx0) / CELL), i1 = Math.floor((Math.max(s.a[0], s.a[0] + s.d[0]) + reach - gx0) / CELL);
      const j0 = Math.floor((Math.min(s.a[1], s.a[1] + s.d[1]) - reach - gy0) / CELL), j1 = Math.floor((Math.max(s.a[1], s.a[1] + s.d[1]) + reach - gy0) / CELL);
      for (let j = Math.max(0, j0); j <= Math.min(gny - 1, j1); j++) {
        for (let i = Math.max(0, i0); i <= Math.min(gnx - 1, i1); i++) grid[j * gnx + i].push(s);
      }
    }
    grids.set(band, grid);
    return grid;
  };
  const phi: Implicit = (x, y, z) => {
    if (x < bx0 - CAP || x > bx1 + CAP || y < by0 - CAP || y > by1 + CAP) return CAP;
    const band = Math.floor(z / BAND_Z);
    const grid = grids.get(band) ?? build(band);
    const cell = grid[Math.floor((y - gy0) / CELL) * gnx + Math.floor((x - gx0) / CELL)];
    let best = CAP;
    for (const s of cell) {
      // Segments far above or below cannot be nearest: a cheap cull before the projection.
      const dzOut = z < s.zLo ? s.zLo - z : z > s.zHi ? z - s.zHi : 0;
      if (dzOut >= best + JOINT_MM) continue;
      const px = x - s.a[0], py = y - s.a[1], pz = z - s.a[2];
      const t = clamp((px * s.d[0] + py * s.d[1] + pz * s.d[2]) / s.len2, 0, 1);
      const qx = px - t * s.d[0], qy = py - t * s.d[1], qz = pz - t * s.d[2];
      const v = Math.sqrt(qx * qx + qy * qy + qz * qz) - lerp(s.r0, s.r1, t);
      // A smooth union rounds the creases where segments meet, which a plain minimum leaves and
      // the painter's finite-difference gradient would render as thin lines across the tube.
      best = smin(best, v, JOINT_MM);
    }
    return best;
  };
  const [x0, x1, y0, y1, z0, z1] = bounds(polylines, grow);
  return { phi, zMin: z0, zMax: z1, box: [x0, x1, y0, y1] };
}

/** Conservative bounds of a sphere: what a layer needs to skip voxels far from an organ. */
export function sphereBounds(c: Vec3, r: number): { zMin: number; zMax: number; box: [number, number, number, number] } {
  return { zMin: c[2] - r, zMax: c[2] + r, box: [c[0] - r, c[0] + r, c[1] - r, c[1] + r] };
}

/**
 * Tabulates a height field z = f(x, y) on a regular grid for bilinear lookup: the diaphragm is
 * consulted by several organs at every voxel, and its analytic form is comparatively costly.
 */
export function tabulate(f: (x: number, y: number) => number, x0: number, x1: number, y0: number, y1: number, step: number): (x: number, y: number) => number {
  const nx = Math.ceil((x1 - x0) / step) + 1, ny = Math.ceil((y1 - y0) / step) + 1;
  const table = new Float64Array(nx * ny);
  for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) table[j * nx + i] = f(x0 + i * step, y0 + j * step);
  return (x, y) => {
    const u = clamp((x - x0) / step, 0, nx - 1.000001), v = clamp((y - y0) / step, 0, ny - 1.000001);
    const i = Math.floor(u), j = Math.floor(v), fu = u - i, fv = v - j;
    const p = j * nx + i;
    return lerp(lerp(table[p], table[p + 1], fu), lerp(table[p + nx], table[p + nx + 1], fu), fv);
  };
}
