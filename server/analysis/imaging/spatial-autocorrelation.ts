/**
 * Moran's I and Geary's C of the ROI intensities (IBSI 3.1.28-3.1.29; SPEC.md I72).
 * Exact all-pairs sums with inverse-distance weights: O(N^2), so callers cap N.
 */
import type { Vec3 } from "../types";

/**
 * w_ij = 1 / |r_i - r_j| (mm) over pairs of distinct ROI voxels, X the intensities, mu their mean:
 * I = N / W * sum w_ij (X_i - mu)(X_j - mu) / sum (X_i - mu)^2,
 * C = (N - 1) / (2 W) * sum w_ij (X_i - X_j)^2 / sum (X_i - mu)^2, W = sum w_ij.
 * Both sums run over i != j; the code sums i < j, which halves numerators and W alike.
 * @returns NaN for both when all intensities are equal or the ROI has one voxel.
 */
export function moranGeary(mask: ArrayLike<number>, dims: Vec3, spacingMm: Vec3, img: ArrayLike<number>): { moranI: number; gearyC: number } {
  const [nx, ny, nz] = dims;
  const xs: number[] = [], ys: number[] = [], zs: number[] = [], vs: number[] = [];
  for (let z = 0, p = 0; z < nz; z++) for (let y = 0; y < ny; y++) for (let x = 0; x < nx; x++, p++) {
    if (mask[p] === 0) continue;
    xs.push(x * spacingMm[0]); ys.push(y * spacingMm[1]); zs.push(z * spacingMm[2]); vs.push(img[p]);
  }
  const n = vs.length;
  const mu = vs.reduce((a, b) => a + b, 0) / n;
  let den = 0;
  for (const v of vs) den += (v - mu) ** 2;
  let W = 0, sI = 0, sC = 0;
  for (let i = 0; i < n; i++) {
    const di = vs[i] - mu;
    for (let j = i + 1; j < n; j++) {
      const w = 1 / Math.hypot(xs[i] - xs[j], ys[i] - ys[j], zs[i] - zs[j]);
      W += w;
      sI += w * di * (vs[j] - mu);
      sC += w * (vs[i] - vs[j]) ** 2;
    }
  }
  if (n < 2 || den === 0) return { moranI: NaN, gearyC: NaN };
  return { moranI: (n / W) * (sI / den), gearyC: ((n - 1) / (2 * W)) * (sC / den) };
}
