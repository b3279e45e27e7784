/**
 * The interlesional feature subset, its reference cohort and z-scoring (SPEC.md I1-I3).
 */
import { AnalysisError } from "../errors";

/** Per-lesion input: PyRadiomics-default values (bin width 25 HU) for one lesion at one timepoint. */
export interface LesionFeatures {
  lesionId: string;
  /** Display label ("L3"); defaults to the id. */
  label?: string;
  /** Lesion volume, mL (shape MeshVolume / 1000). */
  volumeMl: number | null;
  /** original_shape_Sphericity, 0-1. */
  sphericity: number | null;
  /** original_firstorder_Mean, HU. */
  firstOrderMean: number | null;
  /** original_firstorder_Entropy, bits. */
  firstOrderEntropy: number | null;
  /** original_firstorder_Kurtosis, PyRadiomics convention (not excess: a normal distribution is 3). */
  kurtosis: number | null;
  /** original_glcm_JointEntropy, bits. */
  glcmJointEntropy: number | null;
  /** original_glcm_Contrast, grey levels squared. */
  glcmContrast: number | null;
  /** original_glszm_ZoneEntropy, bits. */
  glszmZoneEntropy: number | null;
  /** ITH score 0-100 (heterogeneity SPEC H10); null when too small. */
  ithScore: number | null;
}

export type FeatureKey = Exclude<keyof LesionFeatures, "lesionId" | "label">;

/** Mean and SD of each feature, after its transform (I2). */
export type ReferenceCohort = { name: string } & Record<FeatureKey, { mean: number; sd: number }>;

/** Feature order of z-vectors, heatmap columns and tie-breaks. */
export const FEATURE_KEYS: readonly FeatureKey[] = [
  "volumeMl",
  "sphericity",
  "firstOrderMean",
  "firstOrderEntropy",
  "kurtosis",
  "glcmJointEntropy",
  "glcmContrast",
  "glszmZoneEntropy",
  "ithScore",
];

/**
 * Stated synthetic reference (SPEC.md I2): expected PyRadiomics-default outputs for portal-venous
 * CT metastases of 10-50 mm, not measurements of a patient cohort. Replace with a site cohort.
 */
export const SYNTHETIC_CT_METASTASIS_REFERENCE: ReferenceCohort = {
  name: "Mosaic synthetic CT-metastasis reference v1",
  volumeMl: { mean: 0.8, sd: 0.55 }, // log10 mL
  sphericity: { mean: 0.75, sd: 0.1 },
  firstOrderMean: { mean: 60, sd: 30 },
  firstOrderEntropy: { mean: 2.0, sd: 0.5 },
  kurtosis: { mean: 3.5, sd: 1.5 },
  glcmJointEntropy: { mean: 3.6, sd: 0.8 },
  glcmContrast: { mean: 0.34, sd: 0.2 }, // log10(1 + contrast)
  glszmZoneEntropy: { mean: 5.0, sd: 0.8 },
  ithScore: { mean: 28, sd: 10 },
};

/**
 * z-scores are winsorised at ±5 SD (I2): a lesion that is extreme in one feature (a small lung
 * nodule's partial-volume contrast can be 100x the reference) is still "very different" there
 * without that one feature deciding every distance and the heterogeneity index.
 */
export const Z_LIMIT = 5;

export interface ZScoredLesion {
  lesionId: string;
  label: string;
  /** z-scores in FEATURE_KEYS order. */
  z: number[];
  /** Features that were missing and set to z = 0 (the reference mean), I3. */
  imputed: FeatureKey[];
}

/**
 * z = (transform(value) - mean) / sd against the reference cohort, limited to ±Z_LIMIT; volume
 * is log10(mL) and GLCM contrast log10(1 + contrast) first, because both span orders of magnitude (I2). Missing (null or NaN) values get z = 0
 * and are listed in `imputed` (I3).
 */
export function zScoreLesion(lesion: LesionFeatures, reference: ReferenceCohort): ZScoredLesion {
  const imputed: FeatureKey[] = [];
  const z = FEATURE_KEYS.map((key) => {
    const raw = lesion[key];
    if (raw === null || raw === undefined || Number.isNaN(raw)) {
      imputed.push(key);
      return 0;
    }
    if (!Number.isFinite(raw)) throw new AnalysisError("INVALID_INPUT", `${lesion.lesionId}: ${key} is ${raw}`);
    if (key === "volumeMl" && raw <= 0) {
      throw new AnalysisError("INVALID_INPUT", `${lesion.lesionId}: volumeMl must be positive, got ${raw}`);
    }
    if (key === "glcmContrast" && raw < 0) {
      throw new AnalysisError("INVALID_INPUT", `${lesion.lesionId}: glcmContrast cannot be negative, got ${raw}`);
    }
    const value = key === "volumeMl" ? Math.log10(raw) : key === "glcmContrast" ? Math.log10(1 + raw) : raw;
    const z = (value - reference[key].mean) / reference[key].sd;
    return Math.max(-Z_LIMIT, Math.min(Z_LIMIT, z));
  });
  return { lesionId: lesion.lesionId, label: lesion.label ?? lesion.lesionId, z, imputed };
}

/** Throws INVALID_SETTINGS unless every reference SD is finite and positive. */
export function checkReference(reference: ReferenceCohort): void {
  for (const key of FEATURE_KEYS) {
    const { mean, sd } = reference[key] ?? {};
    if (!Number.isFinite(mean) || !Number.isFinite(sd) || sd <= 0) {
      throw new AnalysisError("INVALID_SETTINGS", `reference ${key} needs a finite mean and a positive SD`);
    }
  }
}
