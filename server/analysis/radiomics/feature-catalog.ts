/**
 * Feature names per family: PyRadiomics' (3.x, alphabetical as it enumerates them) with the
 * deprecated ones it computes only on request, and the IBSI codes of the IBSI mode
 * (reference_values.csv, corrected codes). SPEC K1-K3.
 */
import { AnalysisError } from "../errors";
import { FIRST_ORDER_DEPRECATED, FIRST_ORDER_FEATURES } from "./first-order";
import { GLCM_FEATURES } from "./glcm-features";
import { GLDM_FEATURES } from "./gldm";
import { GLRLM_FEATURES } from "./glrlm";
import { GLSZM_FEATURES } from "./glszm";
import { NGTDM_FEATURES } from "./ngtdm";
import type { FeatureClassName } from "./settings";

export const SHAPE_FEATURES = [
  "Elongation", "Flatness", "LeastAxisLength", "MajorAxisLength", "Maximum2DDiameterColumn", "Maximum2DDiameterRow",
  "Maximum2DDiameterSlice", "Maximum3DDiameter", "MeshVolume", "MinorAxisLength", "Sphericity", "SurfaceArea",
  "SurfaceVolumeRatio", "VoxelVolume",
] as const;

/** Family output order of a PyRadiomics extraction: shape first, then the classes alphabetically. */
export const FEATURE_CLASSES: readonly FeatureClassName[] = ["shape", "firstorder", "glcm", "gldm", "glrlm", "glszm", "ngtdm"];

/** Enabled by default in PyRadiomics. [K1] */
export const DEFAULT_FEATURES: Record<FeatureClassName, readonly string[]> = {
  shape: SHAPE_FEATURES,
  firstorder: FIRST_ORDER_FEATURES,
  glcm: GLCM_FEATURES,
  gldm: GLDM_FEATURES,
  glrlm: GLRLM_FEATURES,
  glszm: GLSZM_FEATURES,
  ngtdm: NGTDM_FEATURES,
};

/**
 * Deprecated names PyRadiomics still accepts in a parameter file. Those marked `true` are
 * computed (StandardDeviation; the shape ones when the shape module provides them); the others
 * only log a DeprecationWarning in PyRadiomics, so they produce no value here either. [K2]
 */
export const DEPRECATED_FEATURES: Record<FeatureClassName, Record<string, boolean>> = {
  shape: { Compactness1: true, Compactness2: true, SphericalDisproportion: true },
  firstorder: Object.fromEntries(FIRST_ORDER_DEPRECATED.map((n) => [n, true])),
  glcm: { Dissimilarity: false, Homogeneity1: false, Homogeneity2: false, SumVariance: false },
  gldm: { GrayLevelNonUniformityNormalized: false, DependencePercentage: false },
  glrlm: {},
  glszm: {},
  ngtdm: {},
};

/** Validate a `featureClass` map (PyRadiomics raises LookupError on unknown names). [S5] */
export function validateFeatureClass(value: unknown): Partial<Record<FeatureClassName, string[] | null>> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new AnalysisError("INVALID_SETTINGS", "featureClass must map family names to null or a list of feature names");
  }
  const out: Partial<Record<FeatureClassName, string[] | null>> = {};
  for (const [family, names] of Object.entries(value)) {
    if (family === "shape2D") throw new AnalysisError("UNSUPPORTED_SETTING", "featureClass shape2D is not supported");
    if (!(FEATURE_CLASSES as readonly string[]).includes(family)) {
      throw new AnalysisError("INVALID_SETTINGS", `featureClass ${family} is not a feature class (${FEATURE_CLASSES.join(", ")})`);
    }
    const cls = family as FeatureClassName;
    if (names === null || (Array.isArray(names) && names.length === 0)) {
      out[cls] = null;
      continue;
    }
    if (!Array.isArray(names) || names.some((n) => typeof n !== "string")) {
      throw new AnalysisError("INVALID_SETTINGS", `featureClass ${family} must be null or a list of feature names`);
    }
    for (const n of names as string[]) {
      if (!DEFAULT_FEATURES[cls].includes(n) && !(n in DEPRECATED_FEATURES[cls])) {
        throw new AnalysisError("INVALID_SETTINGS", `featureClass ${family}: unknown feature ${n}`);
      }
    }
    out[cls] = [...(names as string[])];
  }
  return out;
}

/** The PyRadiomics names to report for an enabled family, in PyRadiomics' order. [K1, K2] */
export function enabledNames(cls: FeatureClassName, selection: string[] | null): string[] {
  if (selection === null) return [...DEFAULT_FEATURES[cls]];
  const wanted = new Set(selection);
  const known = [...DEFAULT_FEATURES[cls], ...Object.keys(DEPRECATED_FEATURES[cls]).filter((n) => DEPRECATED_FEATURES[cls][n])];
  return known.filter((n) => wanted.has(n)).sort();
}

/** IBSI codes (reference_values.csv) of the IBSI-mode families, in the order they are reported. [K3] */
export const IBSI_CODES = {
  stat: {
    mean: "Q4LE", variance: "ECT3", skewness: "KE2A", kurtosis: "IPH6", median: "Y12H", minimum: "1GSF", p10: "QG58",
    p90: "8DWT", maximum: "84IY", iqr: "SALO", range: "2OJQ", mad: "4FUA", rmad: "1128", medad: "N72L", cov: "7TET",
    qcod: "9S40", energy: "N8CA", rms: "5ZWQ",
  },
  ih: {
    mean: "X6K6", variance: "CH89", skewness: "88K1", kurtosis: "C3I7", median: "WIFQ", minimum: "1PR8", p10: "GPMT",
    p90: "OZ0C", maximum: "3NCY", mode: "AMMC", iqr: "WR0O", range: "5Z3W", mad: "D2ZX", rmad: "WRZB", medad: "4RNL",
    cov: "CWYJ", qcod: "SLWD", entropy: "TLU2", uniformity: "BJ5W", maxGradient: "12CE", maxGradientLevel: "8E6O",
    minGradient: "VQB3", minGradientLevel: "RHQZ",
  },
  glcm: {
    MaximumProbability: "GYBY", JointAverage: "60VM", SumSquares: "UR99", JointEntropy: "TU9B", DifferenceAverage: "TF7R",
    DifferenceVariance: "D3YU", DifferenceEntropy: "NTRS", SumAverage: "ZGXS", SumVariance: "OEEB", SumEntropy: "P6QZ",
    JointEnergy: "8ZQL", Contrast: "ACUI", Dissimilarity: "8S9J", Id: "IB1Z", Idn: "NDRX", Idm: "WF0Z", Idmn: "1QCO",
    InverseVariance: "E8JP", Correlation: "NI2N", Autocorrelation: "QWB0", ClusterTendency: "DG8W", ClusterShade: "7NFM",
    ClusterProminence: "AE86", Imc1: "R8DG", Imc2: "JN9H",
  },
  glrlm: {
    ShortRunEmphasis: "22OV", LongRunEmphasis: "W4KF", LowGrayLevelRunEmphasis: "V3SW", HighGrayLevelRunEmphasis: "G3QZ",
    ShortRunLowGrayLevelEmphasis: "HTZT", ShortRunHighGrayLevelEmphasis: "GD3A", LongRunLowGrayLevelEmphasis: "IVPO",
    LongRunHighGrayLevelEmphasis: "3KUM", GrayLevelNonUniformity: "R5YN", GrayLevelNonUniformityNormalized: "OVBL",
    RunLengthNonUniformity: "W92Y", RunLengthNonUniformityNormalized: "IC23", RunPercentage: "9ZK5",
    GrayLevelVariance: "8CE5", RunVariance: "SXLW", RunEntropy: "HJ9O",
  },
  glszm: {
    SmallAreaEmphasis: "5QRC", LargeAreaEmphasis: "48P8", LowGrayLevelZoneEmphasis: "XMSY", HighGrayLevelZoneEmphasis: "5GN9",
    SmallAreaLowGrayLevelEmphasis: "5RAI", SmallAreaHighGrayLevelEmphasis: "HW1V", LargeAreaLowGrayLevelEmphasis: "YH51",
    LargeAreaHighGrayLevelEmphasis: "J17V", GrayLevelNonUniformity: "JNSA", GrayLevelNonUniformityNormalized: "Y1RO",
    SizeZoneNonUniformity: "4JP3", SizeZoneNonUniformityNormalized: "VB3A", ZonePercentage: "P30P",
    GrayLevelVariance: "BYLV", ZoneVariance: "3NSA", ZoneEntropy: "GU8N",
  },
  ngtdm: { Coarseness: "QCDE", Contrast: "65HE", Busyness: "NQ30", Complexity: "HDEZ", Strength: "1X9X" },
  gldm: {
    SmallDependenceEmphasis: "SODN", LargeDependenceEmphasis: "IMOQ", LowGrayLevelEmphasis: "TL9H",
    HighGrayLevelEmphasis: "OAE7", SmallDependenceLowGrayLevelEmphasis: "EQ3F",
    SmallDependenceHighGrayLevelEmphasis: "JA6D", LargeDependenceLowGrayLevelEmphasis: "NBZI",
    LargeDependenceHighGrayLevelEmphasis: "9QMG", GrayLevelNonUniformity: "FP8K",
    GrayLevelNonUniformityNormalized: "5SPA", DependenceNonUniformity: "Z87G",
    DependenceNonUniformityNormalized: "OKJI", DependencePercentage: "6XV8", GrayLevelVariance: "1PFV",
    DependenceVariance: "DNX2", DependenceEntropy: "FCBV", DependenceEnergy: "CAS9",
  },
} as const;
