/**
 * Principal component analysis of voxel-centre coordinates (SPEC.md I66).
 */
import type { Vec3 } from "../types";

/** Eigenvalues of a symmetric 3x3 matrix [a00, a01, a02, a11, a12, a22], ascending (cyclic Jacobi). */
export function symmetricEigenvalues3(m: [number, number, number, number, number, number]): Vec3 {
  const a = [
    [m[0], m[1], m[2]],
    [m[1], m[3], m[4]],
    [m[2], m[4], m[5]],
  ];
  for (let sweep = 0; sweep < 50; sweep++) {
    const off = a[0][1] ** 2 + a[0][2] ** 2 + a[1][2] ** 2;
    if (off <= 1e-30 * (a[0][0] ** 2 + a[1][1] ** 2 + a[2][2] ** 2) || off === 0) break;
    for (const [p, q] of [[0, 1], [0, 2], [1, 2]]) {
      if (a[p][q] === 0) continue;
      const theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
      const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
      const c = 1 / Math.sqrt(t * t + 1), s = t * c;
      for (let k = 0; k < 3; k++) {
        const akp = a[k][p], akq = a[k][q];
        a[k][p] = c * akp - s * akq;
        a[k][q] = s * akp + c * akq;
      }
      for (let k = 0; k < 3; k++) {
        const apk = a[p][k], aqk = a[q][k];
        a[p][k] = c * apk - s * aqk;
        a[q][k] = s * apk + c * aqk;
      }
    }
  }
  return [a[0][0], a[1][1], a[2][2]].sort((x, y) => x - y) as Vec3;
}

/** Centre and scatter of the voxel centres of a mask, mm. */
export interface VoxelMoments {
  count: number;
  /** Mean voxel-centre position (x, y, z) in mm, relative to voxel (0, 0, 0). */
  centreMm: Vec3;
  /** Sum of outer products of centred positions, mm^2: [xx, xy, xz, yy, yz, zz]. */
  scatter: [number, number, number, number, number, number];
}

/** Two passes (mean, then centred sums) keep the scatter exact enough for millions of voxels. */
export function voxelMoments(mask: ArrayLike<number>, dims: Vec3, spacingMm: Vec3): VoxelMoments {
  const [nx, ny, nz] = dims;
  let n = 0, sx = 0, sy = 0, sz = 0;
  for (let z = 0, p = 0; z < nz; z++) for (let y = 0; y < ny; y++) for (let x = 0; x < nx; x++, p++) {
    if (mask[p] === 0) continue;
    n++; sx += x; sy += y; sz += z;
  }
  const mx = sx / n, my = sy / n, mz = sz / n;
  const s = [0, 0, 0, 0, 0, 0];
  const [hx, hy, hz] = spacingMm;
  for (let z = 0, p = 0; z < nz; z++) for (let y = 0; y < ny; y++) for (let x = 0; x < nx; x++, p++) {
    if (mask[p] === 0) continue;
    const dx = (x - mx) * hx, dy = (y - my) * hy, dz = (z - mz) * hz;
    s[0] += dx * dx; s[1] += dx * dy; s[2] += dx * dz; s[3] += dy * dy; s[4] += dy * dz; s[5] += dz * dz;
  }
  return { count: n, centreMm: [mx * hx, my * hy, mz * hz], scatter: s as VoxelMoments["scatter"] };
}

/**
 * Covariance eigenvalues, ascending, mm^2: scatter / N (PyRadiomics) or / (N - 1) (IBSI).
 * Tiny negative values from rounding (> -1e-10) become 0, as in PyRadiomics' shape.py.
 */
export function covarianceEigenvalues(m: VoxelMoments, divisor: "N" | "N-1"): Vec3 {
  const d = divisor === "N" ? m.count : m.count - 1;
  const ev = symmetricEigenvalues3(m.scatter.map((v) => (d > 0 ? v / d : NaN)) as VoxelMoments["scatter"]);
  return ev.map((e) => (e < 0 && e > -1e-10 ? 0 : e)) as Vec3;
}
