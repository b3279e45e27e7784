/**
 * IBSI intensity-based statistics (IBSI 2020 §3.3, on raw intensities) and intensity-histogram
 * features (§3.4, on discretised intensities), as the IBSI mode reports them: excess kurtosis,
 * no voxel-array shift, entropy over non-empty bins without epsilon. Percentiles follow numpy's
 * linear method like the PyRadiomics mode. SPEC I1-I4.
 */
import { moments, robustMad } from "./first-order";
import { medianSorted, npMean, pairwiseSumMap, percentileSorted, sortedView } from "./numeric";

/** Statistics both IBSI families share. [I1] */
export interface IbsiStatistics {
  mean: number; variance: number; skewness: number; kurtosis: number; median: number; minimum: number;
  p10: number; p90: number; maximum: number; iqr: number; range: number; mad: number; rmad: number;
  medad: number; cov: number; qcod: number;
}

/** @param x values (read as float64) */
export function ibsiStatistics(x: ArrayLike<number>): IbsiStatistics {
  const sorted = sortedView(x);
  const n = sorted.length;
  const mean = npMean(x);
  const { m2, m3, m4, mad } = moments(x, mean);
  const p10 = percentileSorted(sorted, 10);
  const p90 = percentileSorted(sorted, 90);
  const p25 = percentileSorted(sorted, 25);
  const p75 = percentileSorted(sorted, 75);
  const median = medianSorted(sorted);
  const rmad = robustMad(x, p10, p90);
  const medad = pairwiseSumMap(x, (v) => Math.abs(v - median)) / n;
  return {
    mean,
    variance: m2,
    // A flat region has no defined shape; IBSI's reference implementation (MIRP) reports 0.
    skewness: m2 === 0 ? 0 : m3 / Math.pow(m2, 1.5),
    kurtosis: m2 === 0 ? 0 : m4 / (m2 * m2) - 3,
    median,
    minimum: sorted.at(0)!,
    p10,
    p90,
    maximum: sorted.at(n - 1)!,
    iqr: p75 - p25,
    range: sorted.at(n - 1)! - sorted.at(0)!,
    mad,
    rmad,
    medad,
    cov: Math.sqrt(m2) / mean,
    qcod: (p75 - p25) / (p75 + p25),
  };
}

/** IBSI intensity-based statistics (codes Q4LE ... 5ZWQ): the shared statistics plus energy and RMS. [I2] */
export function ibsiIntensityStatistics(x: ArrayLike<number>) {
  const energy = pairwiseSumMap(x, (v) => v * v);
  return { ...ibsiStatistics(x), energy, rms: Math.sqrt(energy / x.length) };
}

/**
 * IBSI intensity-histogram features on discretised levels 1..maxLevel (empty bins included in
 * the histogram): mode (ties resolved towards the mean, as MIRP), entropy, uniformity and the
 * histogram gradient (numpy.gradient: central differences, one-sided at the ends). [I3, I4]
 */
export function ibsiHistogramFeatures(levels: ArrayLike<number>, maxLevel: number) {
  // Levels are small integers: read as float64 they are the float64 copy IBSI's statistics take.
  const stats = ibsiStatistics(levels);
  const counts = new Float64Array(maxLevel);
  for (let v = 0; v < levels.length; v++) counts[levels[v] - 1]++;
  const n = levels.length;
  let mode = 1;
  let best = -1;
  for (let g = 1; g <= maxLevel; g++) {
    const c = counts[g - 1];
    if (c > best || (c === best && Math.abs(g - stats.mean) < Math.abs(mode - stats.mean))) {
      best = c;
      mode = g;
    }
  }
  let entropy = 0;
  let uniformity = 0;
  for (const c of counts) {
    const p = c / n;
    if (p > 0) entropy -= p * Math.log2(p);
    uniformity += p * p;
  }
  const grad = new Float64Array(maxLevel);
  if (maxLevel > 1) {
    grad[0] = counts[1] - counts[0];
    grad[maxLevel - 1] = counts[maxLevel - 1] - counts[maxLevel - 2];
    for (let g = 1; g < maxLevel - 1; g++) grad[g] = (counts[g + 1] - counts[g - 1]) / 2;
  }
  let maxGrad = 0, minGrad = 0;
  for (let g = 1; g < maxLevel; g++) {
    if (grad[g] > grad[maxGrad]) maxGrad = g;
    if (grad[g] < grad[minGrad]) minGrad = g;
  }
  return {
    ...stats,
    mode,
    entropy,
    uniformity,
    maxGradient: grad[maxGrad],
    maxGradientLevel: maxGrad + 1,
    minGradient: grad[minGrad],
    minGradientLevel: minGrad + 1,
  };
}
