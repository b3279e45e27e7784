/**
 * The lesion map's colour scales, one per meaning: phenotypes (categorical), habitats (ordinal,
 * habitat 1 has the lowest mean intensity), local entropy (sequential, fixed 0 to log2(125) bits
 * so colours compare across lesions and timepoints). Panels that show the same meaning should use
 * these.
 */

/** Categorical, distinguishable on a dark CT background; the n-th phenotype (or lesion) takes the n-th. */
export const PHENOTYPE_COLOURS = ["#4fb3e8", "#f2a33a", "#b57be6", "#5fc08f", "#ec6f8d", "#d8d45a", "#7a8cf0", "#e07b4f"] as const;

export function phenotypeColour(index: number): string {
  return PHENOTYPE_COLOURS[((index % PHENOTYPE_COLOURS.length) + PHENOTYPE_COLOURS.length) % PHENOTYPE_COLOURS.length]!;
}

/** The lesions' phenotypes as the interlesional analysis stores them (`lesionId` is the tracking id). */
export interface PhenotypeAssignment {
  lesions: { lesionId: string; clusterId: number | null; phenotype: string | null }[];
}

/** Colour per tracking id: phenotype cluster k (1-based) takes the k-th colour; unclustered lesions none. */
export function phenotypeColours(assignment: PhenotypeAssignment | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const l of assignment?.lesions ?? []) if (l.clusterId != null) out[l.lesionId] = phenotypeColour(l.clusterId - 1);
  return out;
}

/** Habitats 1..4, ordered by mean intensity ascending (heterogeneity SPEC H8). */
export const HABITAT_COLOURS = ["#3f7fd1", "#2fb5a3", "#d9c34a", "#f0773f"] as const;

/** NiiVue colormap of the entropy overlay and its fixed range, bits (log2 of the 5x5x5 window's 125 voxels). */
export const ENTROPY_COLORMAP = "warm";
export const ENTROPY_RANGE_BITS = { min: 0.5, max: Math.log2(125) } as const;
/** The same ramp as CSS, for the legend (NiiVue's "warm": orange to yellow). */
export const ENTROPY_GRADIENT_CSS = "linear-gradient(90deg, rgb(255 127 0 / 0.35), rgb(255 196 0 / 0.7), rgb(255 254 0))";

export function hexToRgb(hex: string): [number, number, number] {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return [200, 200, 200];
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}
