/**
 * PyRadiomics first-order features (firstorder.py), on the raw ROI intensities, with numpy's
 * reductions reproduced (pairwise sums, linear percentiles) so values match to the last digits.
 * SPEC F1-F6.
 */
import { EPS, mapF64, medianSorted, npMean, pairwiseSum, percentileSorted, sortedCopy } from "./numeric";

export const FIRST_ORDER_FEATURES = [
  "10Percentile", "90Percentile", "Energy", "Entropy", "InterquartileRange", "Kurtosis", "Maximum", "Mean",
  "MeanAbsoluteDeviation", "Median", "Minimum", "Range", "RobustMeanAbsoluteDeviation", "RootMeanSquared",
  "Skewness", "TotalEnergy", "Uniformity", "Variance",
] as const;
/** Deprecated in PyRadiomics: computed only when a parameter file names it. */
export const FIRST_ORDER_DEPRECATED = ["StandardDeviation"] as const;
export type FirstOrderFeatureName = (typeof FIRST_ORDER_FEATURES)[number] | (typeof FIRST_ORDER_DEPRECATED)[number];

/**
 * Central moments 2..4 and the mean absolute deviation: PyRadiomics `_moment`. [F5]
 */
export function moments(x: Float64Array, mean: number): { m2: number; m3: number; m4: number; mad: number } {
  const n = x.length;
  // One scratch buffer, refilled per power: numpy sums each temporary pairwise.
  const tmp = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = x[i] - mean;
    tmp[i] = d * d;
  }
  const m2 = pairwiseSum(tmp) / n;
  // numpy takes pow() for powers 3 and 4; products differ from it by at most an ulp per term
  // (as Math.pow may too) and are several times faster.
  for (let i = 0; i < n; i++) {
    const d = x[i] - mean;
    tmp[i] = d * d * d;
  }
  const m3 = pairwiseSum(tmp) / n;
  for (let i = 0; i < n; i++) {
    const d = x[i] - mean;
    const d2 = d * d;
    tmp[i] = d2 * d2;
  }
  const m4 = pairwiseSum(tmp) / n;
  // |mean - x| equals |x - mean| exactly (IEEE subtraction is antisymmetric).
  for (let i = 0; i < n; i++) tmp[i] = Math.abs(x[i] - mean);
  const mad = pairwiseSum(tmp) / n;
  return { m2, m3, m4, mad };
}

/** Robust mean absolute deviation over the values within [P10, P90], in original order. [F4] */
export function robustMad(x: Float64Array, p10: number, p90: number): number {
  let k = 0;
  const sub = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) if (x[i] >= p10 && x[i] <= p90) sub[k++] = x[i];
  const kept = sub.subarray(0, k);
  const m = pairwiseSum(kept) / k;
  for (let i = 0; i < k; i++) kept[i] = Math.abs(kept[i] - m);
  return pairwiseSum(kept) / k;
}

/**
 * PyRadiomics first order.
 *
 * @param x ROI intensities in image units, in voxel (C) order
 * @param binCounts histogram over all discretisation bins (numpy.histogram with the same edges),
 *   used by Entropy and Uniformity, empty bins included [F3]
 * @param voxelVolumeMm3 product of the voxel spacings (TotalEnergy), mm^3
 * @param voxelArrayShift added to intensities in Energy, TotalEnergy and RMS [F2]
 */
export function firstOrderFeatures(
  x: Float64Array,
  binCounts: Float64Array,
  voxelVolumeMm3: number,
  voxelArrayShift: number,
): Record<FirstOrderFeatureName, number> {
  const sorted = sortedCopy(x);
  const n = x.length;
  const mean = npMean(x);
  const p10 = percentileSorted(sorted, 10);
  const p90 = percentileSorted(sorted, 90);
  const shifted = new Float64Array(n);
  for (let i = 0; i < n; i++) shifted[i] = (x[i] + voxelArrayShift) * (x[i] + voxelArrayShift);
  const energy = pairwiseSum(shifted);
  const { m2, m3, m4, mad } = moments(x, mean);
  // np.std(x) ** 2: numpy's variance (the same sum as m2), square-rooted, then squared again.
  const std = Math.sqrt(m2);

  const totalCount = pairwiseSum(binCounts);
  let entropy = 0;
  let uniformity = 0;
  if (totalCount !== 0) {
    entropy = -pairwiseSum(mapF64(binCounts, (c) => {
      const p = (c + EPS) / totalCount;
      return p * Math.log2(p);
    }));
    const denominator = totalCount + EPS;
    uniformity = pairwiseSum(mapF64(binCounts, (c) => (c / denominator) * (c / denominator)));
  }

  return {
    "10Percentile": p10,
    "90Percentile": p90,
    Energy: energy,
    Entropy: entropy,
    InterquartileRange: percentileSorted(sorted, 75) - percentileSorted(sorted, 25),
    Kurtosis: m2 === 0 ? 0 : m4 / (m2 * m2),
    Maximum: sorted[n - 1],
    Mean: mean,
    MeanAbsoluteDeviation: mad,
    Median: medianSorted(sorted),
    Minimum: sorted[0],
    Range: sorted[n - 1] - sorted[0],
    RobustMeanAbsoluteDeviation: robustMad(x, p10, p90),
    RootMeanSquared: n === 0 ? 0 : Math.sqrt(energy / n),
    Skewness: m2 === 0 ? 0 : m3 / Math.pow(m2, 1.5),
    StandardDeviation: std,
    TotalEnergy: voxelVolumeMm3 * energy,
    Uniformity: uniformity,
    Variance: std * std,
  };
}
