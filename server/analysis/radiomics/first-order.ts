/**
 * PyRadiomics first-order features (firstorder.py), on the raw ROI intensities, with numpy's
 * reductions reproduced (pairwise sums, linear percentiles) so values match to the last digits.
 * SPEC F1-F6.
 */
import { EPS, mapF64, medianSorted, npMean, pairwiseSum, pairwiseSumStream, percentileSorted, sortedView } from "./numeric";

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
 * numpy sums each temporary ((x - mean)^2, ...) pairwise; its terms are fed to the same pairwise
 * sum as they are computed, a block at a time, instead of being stored.
 */
export function moments(x: ArrayLike<number>, mean: number): { m2: number; m3: number; m4: number; mad: number } {
  const n = x.length;
  let i = 0;
  const m2 = pairwiseSumStream(n, (block, count) => {
    for (let j = 0; j < count; j++) {
      const d = x[i++] - mean;
      block[j] = d * d;
    }
  }) / n;
  // numpy takes pow() for powers 3 and 4; products differ from it by at most an ulp per term
  // (as Math.pow may too) and are several times faster.
  i = 0;
  const m3 = pairwiseSumStream(n, (block, count) => {
    for (let j = 0; j < count; j++) {
      const d = x[i++] - mean;
      block[j] = d * d * d;
    }
  }) / n;
  i = 0;
  const m4 = pairwiseSumStream(n, (block, count) => {
    for (let j = 0; j < count; j++) {
      const d = x[i++] - mean;
      const d2 = d * d;
      block[j] = d2 * d2;
    }
  }) / n;
  // |mean - x| equals |x - mean| exactly (IEEE subtraction is antisymmetric).
  i = 0;
  const mad = pairwiseSumStream(n, (block, count) => {
    for (let j = 0; j < count; j++) block[j] = Math.abs(x[i++] - mean);
  }) / n;
  return { m2, m3, m4, mad };
}

/** Robust mean absolute deviation over the values within [P10, P90], in original order. [F4] */
export function robustMad(x: ArrayLike<number>, p10: number, p90: number): number {
  let k = 0;
  for (let i = 0; i < x.length; i++) if (x[i] >= p10 && x[i] <= p90) k++;
  // The kept values, in order, summed as numpy sums the subset array.
  let i = 0;
  const m = pairwiseSumStream(k, (block, count) => {
    for (let j = 0; j < count; i++) {
      const v = x[i];
      if (v >= p10 && v <= p90) block[j++] = v;
    }
  }) / k;
  i = 0;
  return pairwiseSumStream(k, (block, count) => {
    for (let j = 0; j < count; i++) {
      const v = x[i];
      if (v >= p10 && v <= p90) block[j++] = Math.abs(v - m);
    }
  }) / k;
}

/**
 * PyRadiomics first order.
 *
 * @param x ROI intensities in image units, in voxel (C) order (any numeric array: values are
 *   read as float64, exactly as from a float64 copy)
 * @param binCounts histogram over all discretisation bins (numpy.histogram with the same edges),
 *   used by Entropy and Uniformity, empty bins included [F3]
 * @param voxelVolumeMm3 product of the voxel spacings (TotalEnergy), mm^3
 * @param voxelArrayShift added to intensities in Energy, TotalEnergy and RMS [F2]
 */
export function firstOrderFeatures(
  x: ArrayLike<number>,
  binCounts: Float64Array,
  voxelVolumeMm3: number,
  voxelArrayShift: number,
): Record<FirstOrderFeatureName, number> {
  const sorted = sortedView(x);
  const n = x.length;
  const mean = npMean(x);
  const p10 = percentileSorted(sorted, 10);
  const p90 = percentileSorted(sorted, 90);
  let i = 0;
  const energy = pairwiseSumStream(n, (block, count) => {
    for (let j = 0; j < count; j++, i++) block[j] = (x[i] + voxelArrayShift) * (x[i] + voxelArrayShift);
  });
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
    Maximum: sorted.at(n - 1)!,
    Mean: mean,
    MeanAbsoluteDeviation: mad,
    Median: medianSorted(sorted),
    Minimum: sorted.at(0)!,
    Range: sorted.at(n - 1)! - sorted.at(0)!,
    RobustMeanAbsoluteDeviation: robustMad(x, p10, p90),
    RootMeanSquared: n === 0 ? 0 : Math.sqrt(energy / n),
    Skewness: m2 === 0 ? 0 : m3 / Math.pow(m2, 1.5),
    StandardDeviation: std,
    TotalEnergy: voxelVolumeMm3 * energy,
    Uniformity: uniformity,
    Variance: std * std,
  };
}
