/**
 * Interlesional heterogeneity (DESIGN §2.3, SPEC.md I1-I9): z-scored lesion feature vectors,
 * Ward clustering into phenotypes, and the mean pairwise distance index.
 */
import { AnalysisError } from "../errors";
import { meanSilhouette } from "../heterogeneity/silhouette";
import {
  checkReference,
  FEATURE_KEYS,
  SYNTHETIC_CT_METASTASIS_REFERENCE,
  zScoreLesion,
  type FeatureKey,
  type LesionFeatures,
  type ReferenceCohort,
  type ZScoredLesion,
} from "./features";
import { namePhenotypes, type PhenotypeDescriptor } from "./phenotypes";
import { cutDendrogram, wardDendrogram, type Dendrogram } from "./ward";

export interface InterlesionalOptions {
  /** Reference cohort for z-scores (default: the stated synthetic CT reference, I2). */
  reference?: ReferenceCohort;
  /** Largest k tried (default 6; never more than lesions - 1). */
  kMax?: number;
}

export interface PhenotypeCluster {
  /** 1..k, left to right in the dendrogram. */
  id: number;
  phenotype: string;
  descriptors: PhenotypeDescriptor[];
  lesionIds: string[];
  /** Mean z-vector of the cluster (FEATURE_KEYS order). */
  centroidZ: number[];
}

export interface InterlesionalLesion extends ZScoredLesion {
  clusterId: number | null;
  phenotype: string | null;
}

export interface InterlesionalResult {
  referenceName: string;
  features: readonly FeatureKey[];
  /** Lesions in id order. */
  lesions: InterlesionalLesion[];
  /** Lesion x feature z matrix, rows in dendrogram leaf order (id order without a dendrogram). */
  heatmap: Array<{ lesionId: string; label: string; z: number[] }>;
  dendrogram: Dendrogram | null;
  clustering: {
    k: number;
    silhouetteByK: Array<{ k: number; silhouette: number }>;
    clusters: PhenotypeCluster[];
  } | null;
  /** Why there is no clustering; null when there is. */
  clusteringReason: string | null;
  /** Mean and maximum pairwise Euclidean distance of z-vectors (I7); null under 2 lesions. */
  heterogeneityIndex: { meanDistance: number; maxDistance: number; maxPair: [string, string] } | null;
  heterogeneityReason: string | null;
}

export const DEFAULT_K_MAX = 6;

/**
 * Interlesional heterogeneity of one patient's lesions (SPEC.md I1-I9).
 * Deterministic: lesions are processed in lesion-id order, so input order never matters and ties
 * fall to the earlier id.
 *
 * @see Ward JH, J Am Stat Assoc 1963;58:236-244; Rousseeuw PJ, J Comput Appl Math 1987;20:53-65;
 *   Geady C et al., "Measured intrapatient radiomic variability" (MIRV), medRxiv 2025,
 *   doi:10.1101/2025.04.11.25325700.
 */
export function analyseInterlesional(input: LesionFeatures[], opts: InterlesionalOptions = {}): InterlesionalResult {
  const reference = opts.reference ?? SYNTHETIC_CT_METASTASIS_REFERENCE;
  checkReference(reference);
  const kMax = opts.kMax ?? DEFAULT_K_MAX;
  if (!Number.isInteger(kMax) || kMax < 2) throw new AnalysisError("INVALID_SETTINGS", `kMax must be an integer >= 2, got ${kMax}`);

  const sorted = [...input].sort((a, b) => (a.lesionId < b.lesionId ? -1 : a.lesionId > b.lesionId ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].lesionId === sorted[i - 1].lesionId) {
      throw new AnalysisError("INVALID_INPUT", `lesion id ${sorted[i].lesionId} appears twice`);
    }
  }
  const scored = sorted.map((l) => zScoreLesion(l, reference));
  const n = scored.length;
  const base = {
    referenceName: reference.name,
    features: FEATURE_KEYS,
    lesions: scored.map((l) => ({ ...l, clusterId: null, phenotype: null })),
    heatmap: scored.map(({ lesionId, label, z }) => ({ lesionId, label, z })),
    dendrogram: null,
    clustering: null,
  };
  if (n < 2) {
    const why = n === 0 ? "no lesions" : "one lesion";
    return {
      ...base,
      clusteringReason: `${why}: phenotype clusters need at least 3 lesions`,
      heterogeneityIndex: null,
      heterogeneityReason: `${why}: interlesional heterogeneity is defined from 2 lesions`,
    };
  }

  const distances = pairwiseDistances(scored.map((l) => l.z));
  const heterogeneityIndex = distanceIndex(distances, scored.map((l) => l.lesionId));
  const dendrogram = wardDendrogram(distances, scored.map((l) => l.lesionId));
  const byId = new Map(scored.map((l) => [l.lesionId, l]));
  const heatmap = dendrogram.leafOrder.map((id) => {
    const { lesionId, label, z } = byId.get(id)!;
    return { lesionId, label, z };
  });
  if (n < 3) {
    return {
      ...base,
      heatmap,
      dendrogram,
      clusteringReason: "2 lesions: choosing k by silhouette needs at least 3 lesions",
      heterogeneityIndex,
      heterogeneityReason: null,
    };
  }

  const points = Float64Array.from(scored.flatMap((l) => l.z));
  const d = FEATURE_KEYS.length;
  const silhouetteByK: Array<{ k: number; silhouette: number }> = [];
  let best: { k: number; clusterOf: Int32Array; silhouette: number } | null = null;
  for (let k = 2; k <= Math.min(kMax, n - 1); k++) {
    const clusterOf = cutDendrogram(dendrogram, k);
    const silhouette = meanSilhouette(points, d, clusterOf.map((c) => c - 1), k);
    silhouetteByK.push({ k, silhouette });
    // Strictly greater: ties go to the smaller k.
    if (!best || silhouette > best.silhouette) best = { k, clusterOf, silhouette };
  }
  const { k, clusterOf } = best!;

  const patientMean = meanVector(scored.map((l) => l.z));
  const members = Array.from({ length: k }, (_, c) => scored.filter((_, i) => clusterOf[i] === c + 1));
  const centroids = members.map((m) => meanVector(m.map((l) => l.z)));
  const names = namePhenotypes(centroids, patientMean);
  const clusters: PhenotypeCluster[] = members.map((m, c) => ({
    id: c + 1,
    phenotype: names[c].name,
    descriptors: names[c].descriptors,
    lesionIds: m.map((l) => l.lesionId),
    centroidZ: centroids[c],
  }));
  return {
    ...base,
    lesions: scored.map((l, i) => ({ ...l, clusterId: clusterOf[i], phenotype: names[clusterOf[i] - 1].name })),
    heatmap,
    dendrogram,
    clustering: { k, silhouetteByK, clusters },
    clusteringReason: null,
    heterogeneityIndex,
    heterogeneityReason: null,
  };
}

function pairwiseDistances(vectors: number[][]): number[][] {
  const n = vectors.length;
  const out = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let s = 0;
      for (let t = 0; t < vectors[i].length; t++) s += (vectors[i][t] - vectors[j][t]) ** 2;
      out[i][j] = out[j][i] = Math.sqrt(s);
    }
  }
  return out;
}

/** Mean and maximum over the n(n-1)/2 pairs (I7); the first pair in id order wins a tie for max. */
function distanceIndex(distances: number[][], ids: string[]): NonNullable<InterlesionalResult["heterogeneityIndex"]> {
  let sum = 0;
  let max = -1;
  let maxPair: [string, string] = [ids[0], ids[1]];
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      sum += distances[i][j];
      if (distances[i][j] > max) {
        max = distances[i][j];
        maxPair = [ids[i], ids[j]];
      }
    }
  }
  return { meanDistance: sum / ((ids.length * (ids.length - 1)) / 2), maxDistance: max, maxPair };
}

function meanVector(vectors: number[][]): number[] {
  return FEATURE_KEYS.map((_, t) => vectors.reduce((s, v) => s + v[t], 0) / vectors.length);
}
