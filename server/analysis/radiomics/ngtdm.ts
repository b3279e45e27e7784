/**
 * Neighbouring Grey Tone Difference Matrix (PyRadiomics ngtdm.py + cmatrices.c
 * `calculate_ngtdm`; IBSI 2020 §3.10). The neighbourhood is every ROI voxel within Chebyshev
 * distance `distances` (26 voxels by default, 8 in-plane with force2D); a voxel without ROI
 * neighbours still counts in n_i with a zero difference, as in PyRadiomics. SPEC N5-N7.
 */
import { scanNeighbourhoods, type NeighbourhoodScan } from "./neighbourhood";
import { pairwiseSum, sumOf } from "./numeric";
import type { RoiGrid } from "./roi-grid";

export const NGTDM_FEATURES = ["Busyness", "Coarseness", "Complexity", "Contrast", "Strength"] as const;
export type NgtdmFeatureName = (typeof NGTDM_FEATURES)[number];

/** n_i (voxel count) and s_i (sum of |i - neighbourhood mean|) per present grey level. [N5] */
export function ngtdmMatrix(grid: RoiGrid, scan: NeighbourhoodScan) {
  const present = grid.presentLevels;
  return {
    n: Float64Array.from(present, (l) => scan.count[l]),
    s: Float64Array.from(present, (l) => scan.sumDiff[l]),
    levels: Float64Array.from(present),
  };
}

/** The 5 PyRadiomics NGTDM features with its guards for homogeneous regions. [N6, N7] */
export function ngtdmFeatures(
  grid: RoiGrid,
  distances: readonly number[],
  force2Ddimension: number,
  scan: NeighbourhoodScan = scanNeighbourhoods(grid, distances, force2Ddimension, 0),
): Record<NgtdmFeatureName, number> {
  const { n, s, levels: iv } = ngtdmMatrix(grid, scan);
  const ngp = iv.length;
  const nvp = pairwiseSum(n);
  const p = Float64Array.from(n, (v) => v / nvp);
  const ps = Float64Array.from(p, (v, k) => v * s[k]);
  const sumPs = pairwiseSum(ps);
  const sumS = pairwiseSum(s);

  // numpy sums these n x n temporaries pairwise in C order.
  const nn = ngp * ngp;
  const d2 = (k: number) => {
    const d = iv[Math.floor(k / ngp)] - iv[k % ngp];
    return d * d;
  };
  const contrastSum = sumOf(nn, (k) => p[Math.floor(k / ngp)] * p[k % ngp] * d2(k));
  const absDiff = sumOf(nn, (k) => Math.abs(iv[Math.floor(k / ngp)] * p[Math.floor(k / ngp)] - iv[k % ngp] * p[k % ngp]));
  const complexity = sumOf(nn, (k) => {
    const a = Math.floor(k / ngp);
    const b = k % ngp;
    return Math.abs(iv[a] - iv[b]) * ((ps[a] + ps[b]) / (p[a] + p[b]));
  });
  const strengthSum = sumOf(nn, (k) => (p[Math.floor(k / ngp)] + p[k % ngp]) * d2(k));
  return {
    Busyness: absDiff === 0 ? 0 : sumPs / absDiff,
    Coarseness: sumPs === 0 ? 1000000 : 1 / sumPs,
    Complexity: complexity / nvp,
    Contrast: ngp <= 1 ? 0 : (contrastSum / (ngp * (ngp - 1))) * (sumS / nvp),
    Strength: sumS === 0 ? 0 : strengthSum / sumS,
  };
}
