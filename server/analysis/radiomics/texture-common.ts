/**
 * Shared by the direction-dependent families (GLCM, GLRLM): PyRadiomics' distance weighting,
 * which merges the per-direction matrices into one ("merged" aggregation in IBSI terms), and
 * removal of empty directions before averaging. SPEC T2, T3.
 */
import type { Angle } from "./angles";
import { pairwiseSum } from "./numeric";

export type WeightingNorm = "no_weighting" | "infinity" | "euclidean" | "manhattan";

/**
 * Per-direction weight. GLCM uses exp(-d^2) and GLRLM uses d itself, d being the direction's
 * length in mm under the chosen norm (glcm.py / glrlm.py `_calculateMatrix`). [T3]
 *
 * @param spacingZyx voxel spacing in mm in numpy order (z, y, x)
 */
export function angleWeight(angle: Angle, spacingZyx: [number, number, number], norm: WeightingNorm, family: "glcm" | "glrlm"): number {
  const scaled = angle.map((a, d) => Math.abs(a) * spacingZyx[d]);
  if (norm === "no_weighting") return 1;
  let distance: number;
  if (norm === "infinity") distance = Math.max(scaled[0], scaled[1], scaled[2]);
  else if (norm === "manhattan") distance = scaled[0] + scaled[1] + scaled[2];
  else {
    const sq = scaled[0] * scaled[0] + scaled[1] * scaled[1] + scaled[2] * scaled[2];
    // GLCM's exp(-d^2) takes the squared euclidean length directly (no sqrt, as PyRadiomics).
    if (family === "glcm") return Math.exp(-sq);
    return Math.sqrt(sq);
  }
  return family === "glcm" ? Math.exp(-(distance * distance)) : distance;
}

/**
 * Sum the per-direction matrices, each times its weight, into one matrix; per element the
 * directions are added in numpy's pairwise order (`np.sum(P * w, axis=-1)`).
 */
export function mergeWeighted(matrices: Float64Array[], weights: number[]): Float64Array {
  const size = matrices[0].length;
  const out = new Float64Array(size);
  const column = new Float64Array(matrices.length);
  for (let e = 0; e < size; e++) {
    for (let a = 0; a < matrices.length; a++) column[a] = matrices[a][e] * weights[a];
    out[e] = pairwiseSum(column);
  }
  return out;
}

/** Sum of all elements of a matrix (row-major order). */
export function matrixSum(m: Float64Array): number {
  let s = 0;
  for (let i = 0; i < m.length; i++) s += m[i];
  return s;
}

/**
 * PyRadiomics drops directions whose matrix is empty before averaging, but only when there is
 * more than one direction; a lone empty matrix later yields NaN features. [T2]
 */
export function dropEmptyDirections(matrices: Float64Array[]): Float64Array[] {
  if (matrices.length <= 1) return matrices;
  return matrices.filter((m) => matrixSum(m) !== 0);
}
