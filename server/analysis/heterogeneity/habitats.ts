/**
 * Habitats (SPEC.md H5-H9): lesion voxels clustered on z-scored intensity and local entropy with
 * k-means++, k chosen by silhouette.
 */
import { AnalysisError } from "../errors";
import { createRng } from "../random";
import type { Vec3 } from "../types";
import { kMeans2d, type KMeansResult } from "./k-means";
import { checkGrid, checkSpacing, type Dims } from "./lesion-grid";
import { meanSilhouette } from "./silhouette";

export interface HabitatOptions {
  /** Seed of the k-means++ and subsampling generator; store it with the result. */
  seed: number;
  /** Smallest k tried (default 2). */
  kMin?: number;
  /** Largest k tried (default 4). */
  kMax?: number;
}

export interface Habitat {
  /** 1..k, ordered by mean intensity ascending (H8). */
  label: number;
  voxelCount: number;
  /** Share of the lesion's voxels, 0-1. */
  volumeFraction: number;
  volumeMl: number;
  /** Mean of the input intensities (HU for CT, SUV for PET, the MR map's unit). */
  meanIntensity: number;
  /** Mean local entropy, bits. */
  meanEntropy: number;
  /** Mean voxel coordinates [x, y, z] (fractional voxel indices, not mm). */
  centroidVoxel: Vec3;
}

export interface HabitatResult {
  /** Habitat label per voxel on the full grid; 0 outside the lesion. */
  labels: Uint8Array;
  k: number;
  habitats: Habitat[];
  /** Mean silhouette per k tried; null where k clusters could not be formed. */
  silhouetteByK: Array<{ k: number; silhouette: number | null }>;
  /** Voxels the silhouette was computed on (H7). */
  silhouetteSampleSize: number;
  seed: number;
  /** Set when no k in range could be formed and the lesion is one habitat (H9). */
  note?: string;
}

/** Silhouette is O(n^2); above this many voxels it is computed on a seeded random subsample (H7). */
export const SILHOUETTE_SAMPLE_SIZE = 2000;
/** k-means++ restarts per k; the run with the lowest inertia is kept (H6). */
export const KMEANS_RESTARTS = 3;

/**
 * Clusters lesion voxels into habitats (SPEC.md H5-H9).
 *
 * @param intensities image values on the full grid (HU, SUV, ADC ...).
 * @param entropy local entropy map from `localEntropyMap` (bits), same grid.
 * @param mask lesion mask; non-zero = lesion.
 * @param spacingMm voxel size (mm), for `volumeMl`.
 * @see Arthur & Vassilvitskii, SODA 2007 (k-means++); Rousseeuw 1987 (silhouette); habitat
 *   imaging: Gatenby RA et al., Radiology 2013;269:8-15.
 */
export function computeHabitats(
  intensities: Float64Array | Float32Array,
  entropy: Float32Array,
  mask: Uint8Array,
  dims: Dims,
  spacingMm: Dims,
  opts: HabitatOptions,
): HabitatResult {
  const kMin = opts.kMin ?? 2;
  const kMax = opts.kMax ?? 4;
  if (!Number.isInteger(kMin) || !Number.isInteger(kMax) || kMin < 2 || kMax < kMin || kMax > 255) {
    throw new AnalysisError("INVALID_SETTINGS", `need integers 2 <= kMin <= kMax <= 255, got ${kMin}..${kMax}`);
  }
  if (!Number.isFinite(opts.seed)) throw new AnalysisError("INVALID_SETTINGS", `seed must be a finite number, got ${opts.seed}`);
  checkGrid(dims, { intensities, entropy, mask });
  checkSpacing(spacingMm);

  const voxels: number[] = [];
  for (let i = 0; i < mask.length; i++) if (mask[i] !== 0) voxels.push(i);
  const n = voxels.length;
  if (n === 0) throw new AnalysisError("EMPTY_MASK", "the lesion mask has no voxels");

  const xs = zScores(voxels, intensities);
  const ys = zScores(voxels, entropy);

  const rng = createRng(opts.seed);
  const sample = sampleIndices(n, SILHOUETTE_SAMPLE_SIZE, rng);
  const samplePoints = new Float64Array(2 * sample.length);
  sample.forEach((s, j) => {
    samplePoints[2 * j] = xs[s];
    samplePoints[2 * j + 1] = ys[s];
  });

  const silhouetteByK: HabitatResult["silhouetteByK"] = [];
  let best: { k: number; run: KMeansResult; silhouette: number } | null = null;
  for (let k = kMin; k <= kMax; k++) {
    const run = k < n ? bestOfRestarts(xs, ys, k, rng) : null;
    const sil = run ? meanSilhouette(samplePoints, 2, sample.map((s) => run.labels[s]), k) : Number.NaN;
    silhouetteByK.push({ k, silhouette: Number.isNaN(sil) ? null : sil });
    // Strictly greater: on a tie the smaller k (the simpler description) wins.
    if (run && !Number.isNaN(sil) && (!best || sil > best.silhouette)) best = { k, run, silhouette: sil };
  }

  const clusterOf = best ? best.run.labels : new Int32Array(n);
  const k = best ? best.k : 1;
  const { habitats, relabel } = describeHabitats(clusterOf, k, voxels, intensities, entropy, dims, spacingMm);
  const labels = new Uint8Array(mask.length);
  for (let j = 0; j < n; j++) labels[voxels[j]] = relabel[clusterOf[j]];
  return {
    labels,
    k: habitats.length,
    habitats,
    silhouetteByK,
    silhouetteSampleSize: sample.length,
    seed: opts.seed,
    ...(best ? {} : { note: `no k from ${kMin} to ${kMax} could be formed (too few distinct intensity/entropy values or voxels): one habitat` }),
  };
}

/** The z-scores of `source` at `voxels` (population SD). */
function zScores(voxels: number[], source: ArrayLike<number>): Float64Array {
  const n = voxels.length;
  let mean = 0;
  for (const v of voxels) mean += source[v];
  mean /= n;
  let variance = 0;
  for (const v of voxels) variance += (source[v] - mean) ** 2;
  const sd = Math.sqrt(variance / n);
  // A constant feature carries no information: it is 0 for every voxel rather than NaN.
  const z = new Float64Array(n);
  for (let j = 0; j < n; j++) z[j] = sd > 0 ? (source[voxels[j]] - mean) / sd : 0;
  return z;
}

/** All of 0..n-1, or a seeded uniform sample of `max` of them (partial Fisher-Yates), ascending. */
function sampleIndices(n: number, max: number, rng: () => number): number[] {
  const all = Array.from({ length: n }, (_, i) => i);
  if (n <= max) return all;
  for (let i = 0; i < max; i++) {
    const j = i + Math.floor(rng() * (n - i));
    [all[i], all[j]] = [all[j], all[i]];
  }
  return all.slice(0, max).sort((a, b) => a - b);
}

function bestOfRestarts(xs: Float64Array, ys: Float64Array, k: number, rng: () => number): KMeansResult | null {
  let best: KMeansResult | null = null;
  for (let r = 0; r < KMEANS_RESTARTS; r++) {
    const run = kMeans2d(xs, ys, k, rng);
    if (!run) return null;
    if (!best || run.inertia < best.inertia) best = run;
  }
  return best;
}

/** Per-cluster statistics, and the relabelling to 1..k by mean intensity ascending (H8). */
function describeHabitats(
  clusterOf: Int32Array,
  k: number,
  voxels: number[],
  intensities: ArrayLike<number>,
  entropy: ArrayLike<number>,
  dims: Dims,
  spacingMm: Dims,
): { habitats: Habitat[]; relabel: Uint8Array } {
  const [nx, ny] = dims;
  const acc = Array.from({ length: k }, () => ({ count: 0, intensity: 0, entropy: 0, x: 0, y: 0, z: 0 }));
  voxels.forEach((v, j) => {
    const a = acc[clusterOf[j]];
    a.count++;
    a.intensity += intensities[v];
    a.entropy += entropy[v];
    a.x += v % nx;
    a.y += Math.floor(v / nx) % ny;
    a.z += Math.floor(v / (nx * ny));
  });
  const voxelMl = (spacingMm[0] * spacingMm[1] * spacingMm[2]) / 1000;
  // A cluster can only be empty if Lloyd stopped at its iteration guard right after re-seeding;
  // it is dropped rather than reported with NaN means.
  const stats = acc.flatMap((a, cluster) => a.count === 0 ? [] : [{
    cluster,
    voxelCount: a.count,
    volumeFraction: a.count / voxels.length,
    volumeMl: a.count * voxelMl,
    meanIntensity: a.intensity / a.count,
    meanEntropy: a.entropy / a.count,
    centroidVoxel: [a.x / a.count, a.y / a.count, a.z / a.count] as Vec3,
  }]);
  stats.sort((p, q) => p.meanIntensity - q.meanIntensity || p.meanEntropy - q.meanEntropy || p.cluster - q.cluster);
  const relabel = new Uint8Array(k);
  const habitats = stats.map(({ cluster, ...rest }, i) => {
    relabel[cluster] = i + 1;
    return { label: i + 1, ...rest };
  });
  return { habitats, relabel };
}
