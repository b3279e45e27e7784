/**
 * Phenotype names: what sets a cluster's centroid apart from the patient's other lesions (SPEC.md I6).
 */
import type { FeatureKey } from "./features";
import { FEATURE_KEYS } from "./features";

interface Axis {
  axis: string;
  features: FeatureKey[];
  high: string;
  low: string;
}

/** Descriptor axes in tie-break order; the four entropy-type features share one axis (I6). */
export const PHENOTYPE_AXES: readonly Axis[] = [
  { axis: "size", features: ["volumeMl"], high: "large", low: "small" },
  {
    axis: "heterogeneity",
    features: ["firstOrderEntropy", "glcmJointEntropy", "glszmZoneEntropy", "ithScore"],
    high: "heterogeneous",
    low: "homogeneous",
  },
  { axis: "shape", features: ["sphericity"], high: "round", low: "irregular" },
  { axis: "attenuation", features: ["firstOrderMean"], high: "hyperdense", low: "hypodense" },
  { axis: "texture contrast", features: ["glcmContrast"], high: "high-contrast", low: "smooth" },
  { axis: "histogram tails", features: ["kurtosis"], high: "heavy-tailed", low: "light-tailed" },
];

/** A descriptor needs the centroid at least this far (reference SDs) from the patient's mean. */
export const DESCRIPTOR_MIN_DEVIATION = 0.5;
/** Descriptors in a name before any are added to tell clusters apart. */
export const NAME_DESCRIPTORS = 2;
export const NO_DESCRIPTOR_NAME = "intermediate";

export interface PhenotypeDescriptor {
  axis: string;
  word: string;
  /** Mean over the axis's features of (centroid z - patient mean z), reference SDs. */
  deviation: number;
}

export interface PhenotypeName {
  name: string;
  /** Every descriptor past the threshold, most distinctive first. */
  descriptors: PhenotypeDescriptor[];
}

/**
 * Names each cluster (I6).
 * @param centroids per cluster, the mean z-vector of its lesions (FEATURE_KEYS order).
 * @param patientMean the mean z-vector over all of the patient's lesions.
 */
export function namePhenotypes(centroids: number[][], patientMean: number[]): PhenotypeName[] {
  const ranked = centroids.map((centroid) => rankDescriptors(centroid, patientMean));
  const lengths = ranked.map(() => NAME_DESCRIPTORS);
  const build = (i: number) => {
    const words = ranked[i].slice(0, lengths[i]).map((d) => d.word);
    return words.length > 0 ? words.join(", ") : NO_DESCRIPTOR_NAME;
  };
  let names = ranked.map((_, i) => build(i));
  // Clusters sharing a name get their next descriptor until the names differ or none is left.
  for (;;) {
    const clashing = duplicatesOf(names).filter((i) => lengths[i] < ranked[i].length);
    if (clashing.length === 0) break;
    for (const i of clashing) lengths[i]++;
    names = ranked.map((_, i) => build(i));
  }
  for (const i of duplicatesOf(names)) names[i] = `${names[i]} (cluster ${i + 1})`;
  return ranked.map((descriptors, i) => ({ name: names[i], descriptors }));
}

function rankDescriptors(centroid: number[], patientMean: number[]): PhenotypeDescriptor[] {
  const out: Array<PhenotypeDescriptor & { order: number }> = [];
  PHENOTYPE_AXES.forEach((a, order) => {
    const deviations = a.features.map((f) => {
      const j = FEATURE_KEYS.indexOf(f);
      return centroid[j] - patientMean[j];
    });
    const deviation = deviations.reduce((s, d) => s + d, 0) / deviations.length;
    if (Math.abs(deviation) >= DESCRIPTOR_MIN_DEVIATION) {
      out.push({ axis: a.axis, word: deviation > 0 ? a.high : a.low, deviation, order });
    }
  });
  out.sort((p, q) => Math.abs(q.deviation) - Math.abs(p.deviation) || p.order - q.order);
  return out.map(({ axis, word, deviation }) => ({ axis, word, deviation }));
}

/** Indices whose name occurs more than once. */
function duplicatesOf(names: string[]): number[] {
  const count = new Map<string, number>();
  for (const name of names) count.set(name, (count.get(name) ?? 0) + 1);
  return names.flatMap((name, i) => ((count.get(name) ?? 0) > 1 ? [i] : []));
}
