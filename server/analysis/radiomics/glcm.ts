/**
 * Grey Level Co-occurrence Matrix (PyRadiomics glcm.py + cmatrices.c `calculate_glcm`;
 * IBSI 2020 §3.6). One matrix per direction, restricted to the grey levels present in the ROI,
 * symmetrised by adding the transpose, normalised; features per direction, then averaged
 * ("3D, averaged" / "2.5D, direction-merged"), or one merged matrix under distance weighting.
 * SPEC G1-G6.
 */
import { generateAngles } from "./angles";
import { glcmDirectionFeatures, GLCM_FEATURES, mccFromMatrices, type GlcmFeatureName } from "./glcm-features";
import { nanMean, pairwiseSum } from "./numeric";
import { angleOffset, levelIndex, padGrid, sizeZyx, type RoiGrid } from "./roi-grid";
import { angleWeight, dropEmptyDirections, matrixSum, mergeWeighted, type WeightingNorm } from "./texture-common";

export interface GlcmOptions {
  /** Chebyshev distances in voxels (PyRadiomics `distances`, default [1]). */
  distances: readonly number[];
  /** Add the transpose (PyRadiomics `symmetricalGLCM`, default true). */
  symmetrical: boolean;
  /** Merge directions with these weights instead of averaging (PyRadiomics `weightingNorm`). */
  weightingNorm: WeightingNorm | null;
  /** numpy axis left out for 2D extraction, -1 for 3D. */
  force2Ddimension: number;
}

/** Normalised co-occurrence matrices, one per retained direction (or one merged), n x n over present levels. */
export function glcmMatrices(grid: RoiGrid, opts: GlcmOptions): Float64Array[] {
  const angles = generateAngles(sizeZyx(grid.dims), opts.distances, false, opts.force2Ddimension);
  const pad = Math.max(...opts.distances);
  const padded = padGrid(grid, pad);
  const index = levelIndex(grid);
  const n = grid.presentLevels.length;
  const levels = padded.levels;
  const roi = padded.roi;

  let matrices: Float64Array[] = angles.map((angle) => {
    const offset = angleOffset(angle, padded.dims);
    const counts = new Float64Array(n * n);
    for (let v = 0; v < roi.length; v++) {
      const i = roi[v];
      const neighbour = levels[i + offset];
      if (neighbour > 0) counts[index[levels[i]] * n + index[neighbour]]++;
    }
    // Add the transpose in place: counts are integers, so the sums are exact.
    if (opts.symmetrical) {
      for (let r = 0; r < n; r++) {
        counts[r * n + r] *= 2;
        for (let c = r + 1; c < n; c++) counts[r * n + c] = counts[c * n + r] = counts[r * n + c] + counts[c * n + r];
      }
    }
    return counts;
  });

  if (opts.weightingNorm !== null) {
    const s = grid.spacingMm;
    const weights = angles.map((a) => angleWeight(a, [s[2], s[1], s[0]], opts.weightingNorm!, "glcm"));
    matrices = [mergeWeighted(matrices, weights)];
  }
  matrices = dropEmptyDirections(matrices);
  return matrices.map((m) => {
    const total = matrixSum(m);
    // An empty lone matrix becomes NaN, so its features are NaN (PyRadiomics marks it so).
    const denominator = total === 0 ? NaN : total;
    for (let e = 0; e < m.length; e++) m[e] = m[e] / denominator;
    return m;
  });
}

/**
 * All 24 PyRadiomics GLCM features (IBSI mode also reads Dissimilarity = DifferenceAverage):
 * per-direction values aggregated with np.nanmean, JointAverage with a plain mean, MCC as
 * PyRadiomics computes it from the eigenvalues of all directions. [G1-G6]
 */
export function glcmFeatures(grid: RoiGrid, opts: GlcmOptions): Record<GlcmFeatureName, number> {
  const matrices = glcmMatrices(grid, opts);
  const gl = Float64Array.from(grid.presentLevels);
  const perDirection = matrices.map((p) => glcmDirectionFeatures(p, gl, grid.maxLevel));
  const out = {} as Record<GlcmFeatureName, number>;
  for (const name of GLCM_FEATURES) {
    if (name === "MCC") {
      out.MCC = mccFromMatrices(matrices, gl.length);
      continue;
    }
    const values = perDirection.map((f) => f[name]);
    if (name === "JointAverage") {
      out[name] = values.length === 0 ? NaN : pairwiseSum(values) / values.length;
    } else {
      out[name] = nanMean(values);
    }
  }
  return out;
}
