/**
 * Extraction settings, named and defaulted as PyRadiomics 3.x names and defaults them
 * (featureextractor.py `_getDefaultSettings`, the feature classes' kwargs). Every setting is
 * either honoured or rejected with UNSUPPORTED_SETTING naming it; none is silently ignored.
 * SPEC S1-S6.
 */
import { AnalysisError } from "../errors";
import { validateFeatureClass } from "./feature-catalog";
import type { WeightingNorm } from "./texture-common";

export type FeatureClassName = "shape" | "firstorder" | "glcm" | "gldm" | "glrlm" | "glszm" | "ngtdm";

/** Interpolators we implement, with SimpleITK's enum numbers (PyRadiomics accepts either form). */
export const INTERPOLATORS = { sitkNearestNeighbor: 1, sitkLinear: 2 } as const;
export type Interpolator = keyof typeof INTERPOLATORS | "sitkBSpline";

export interface RadiomicsSettings {
  /** Mask value of the ROI. */
  label: number;
  /** Fixed bin width in intensity units (ignored when binCount is set). */
  binWidth: number;
  /** Fixed bin count, or null for fixed bin width. */
  binCount: number | null;
  /** Re-segmentation thresholds: [min] keeps values >= min, [min, max] the closed range. */
  resegmentRange: number[] | null;
  resegmentMode: "absolute" | "relative" | "sigma";
  /** Also use the re-segmented mask for shape. */
  resegmentShape: boolean;
  /** Texture in-plane only (2.5D: matrices over all slices). */
  force2D: boolean;
  /** numpy axis that is "out of plane": 0 = z (axial slices), 1 = y, 2 = x. */
  force2Ddimension: 0 | 1 | 2;
  /** Resampled voxel spacing [x, y, z] mm; 0 keeps the original spacing on that axis. */
  resampledPixelSpacing: [number, number, number] | null;
  /** PyRadiomics' default is sitkBSpline, which we do not implement: resampling then needs sitkLinear or sitkNearestNeighbor. */
  interpolator: Interpolator;
  /** Voxels of margin kept around the ROI when resampling (affects no feature). */
  padDistance: number;
  /** Crop before resampling (affects no feature). */
  preCrop: boolean;
  /** Added to intensities in firstorder Energy, TotalEnergy and RootMeanSquared (PyRadiomics mode only). */
  voxelArrayShift: number;
  /** z-score the whole image before anything else (SimpleITK Normalize). */
  normalize: boolean;
  normalizeScale: number;
  /** Clip normalised intensities to +-removeOutliers standard deviations. */
  removeOutliers: number | null;
  symmetricalGLCM: boolean;
  /** Chebyshev distances for GLCM, NGTDM and GLDM neighbourhoods, in voxels. */
  distances: number[];
  /** GLDM dependence threshold alpha (grey levels). */
  gldm_a: number;
  /** Merge GLCM/GLRLM directions with distance weights instead of averaging them. */
  weightingNorm: WeightingNorm | null;
  minimumROIDimensions: 1 | 2 | 3;
  /** Minimum ROI size in voxels (the ROI must have more than this), or null. */
  minimumROISize: number | null;
  /** Report diagnostics. */
  additionalInfo: boolean;
  /** Enabled families: null means every non-deprecated feature of the family. */
  featureClass: Partial<Record<FeatureClassName, string[] | null>>;
}

export const DEFAULT_SETTINGS: Readonly<RadiomicsSettings> = Object.freeze({
  label: 1,
  binWidth: 25,
  binCount: null,
  resegmentRange: null,
  resegmentMode: "absolute",
  resegmentShape: false,
  force2D: false,
  force2Ddimension: 0,
  resampledPixelSpacing: null,
  interpolator: "sitkBSpline",
  padDistance: 5,
  preCrop: false,
  voxelArrayShift: 0,
  normalize: false,
  normalizeScale: 1,
  removeOutliers: null,
  symmetricalGLCM: true,
  distances: [1],
  gldm_a: 0,
  weightingNorm: null,
  minimumROIDimensions: 2,
  minimumROISize: null,
  additionalInfo: true,
  featureClass: { shape: null, firstorder: null, glcm: null, gldm: null, glrlm: null, glszm: null, ngtdm: null },
} as RadiomicsSettings);

/**
 * PyRadiomics settings we accept only at their no-op value (anything else is UNSUPPORTED_SETTING).
 * Filter-only settings (sigma, wavelet, ...) belong to image types we do not compute.
 */
const NO_OP_SETTINGS: Record<string, unknown> = { correctMask: false, label_channel: 0, geometryTolerance: null };
const FILTER_SETTINGS = [
  "sigma", "start_level", "level", "wavelet", "gradientUseSpacing", "lbp2DRadius", "lbp2DSamples", "lbp2DMethod",
  "lbp3DLevels", "lbp3DIcosphereRadius", "lbp3DIcosphereSubdivision",
];

const invalid = (name: string, why: string) => new AnalysisError("INVALID_SETTINGS", `setting ${name}: ${why}`);

function num(name: string, v: unknown, opts: { int?: boolean; min?: number; minExclusive?: number } = {}): number {
  if (typeof v !== "number" || !Number.isFinite(v)) throw invalid(name, `expected a number, got ${JSON.stringify(v)}`);
  if (opts.int && !Number.isInteger(v)) throw invalid(name, `expected an integer, got ${v}`);
  if (opts.min !== undefined && v < opts.min) throw invalid(name, `must be >= ${opts.min}, got ${v}`);
  if (opts.minExclusive !== undefined && v <= opts.minExclusive) throw invalid(name, `must be > ${opts.minExclusive}, got ${v}`);
  return v;
}

function bool(name: string, v: unknown): boolean {
  if (typeof v !== "boolean") throw invalid(name, `expected true or false, got ${JSON.stringify(v)}`);
  return v;
}

function numList(name: string, v: unknown, check: (x: unknown) => number): number[] {
  if (!Array.isArray(v)) throw invalid(name, `expected a list, got ${JSON.stringify(v)}`);
  return v.map(check);
}

function interpolator(v: unknown): Interpolator {
  if (v === "sitkBSpline" || v === 3) return "sitkBSpline";
  for (const [name, code] of Object.entries(INTERPOLATORS)) if (v === name || v === code) return name as Interpolator;
  throw new AnalysisError("UNSUPPORTED_SETTING", `setting interpolator: ${JSON.stringify(v)} is not supported (use sitkLinear or sitkNearestNeighbor)`);
}

/** Validate and apply one setting onto `s`. [S2, S3] */
function applySetting(s: RadiomicsSettings, name: string, v: unknown): void {
  if (name in NO_OP_SETTINGS) {
    if (v !== NO_OP_SETTINGS[name] && v !== null) throw new AnalysisError("UNSUPPORTED_SETTING", `setting ${name}: only ${JSON.stringify(NO_OP_SETTINGS[name])} is supported (image and mask must share a grid)`);
    return;
  }
  if (FILTER_SETTINGS.includes(name)) throw new AnalysisError("UNSUPPORTED_SETTING", `setting ${name}: only the Original image type is supported, filter settings are not`);
  switch (name) {
    case "label": s.label = num(name, v, { int: true, minExclusive: 0 }); return;
    case "binWidth": s.binWidth = num(name, v, { minExclusive: 0 }); return;
    case "binCount": s.binCount = v === null ? null : num(name, v, { int: true, minExclusive: 0 }); return;
    case "resegmentRange": {
      if (v === null) { s.resegmentRange = null; return; }
      const r = numList(name, v, (x) => num(name, x));
      if (r.length < 1 || r.length > 2) throw invalid(name, `needs 1 or 2 values, got ${r.length}`);
      s.resegmentRange = r;
      return;
    }
    case "resegmentMode":
      if (v !== "absolute" && v !== "relative" && v !== "sigma") throw invalid(name, `expected absolute, relative or sigma, got ${JSON.stringify(v)}`);
      s.resegmentMode = v;
      return;
    case "resegmentShape": s.resegmentShape = bool(name, v); return;
    case "force2D": s.force2D = bool(name, v); return;
    case "force2Ddimension": {
      const d = num(name, v, { int: true, min: 0 });
      if (d > 2) throw invalid(name, `must be 0, 1 or 2, got ${d}`);
      s.force2Ddimension = d as 0 | 1 | 2;
      return;
    }
    case "resampledPixelSpacing": {
      if (v === null) { s.resampledPixelSpacing = null; return; }
      const r = numList(name, v, (x) => num(name, x, { min: 0 }));
      if (r.length !== 3) throw invalid(name, `needs 3 values [x, y, z], got ${r.length}`);
      s.resampledPixelSpacing = r as [number, number, number];
      return;
    }
    case "interpolator": s.interpolator = interpolator(v); return;
    case "padDistance": s.padDistance = num(name, v, { int: true, min: 0 }); return;
    case "preCrop": s.preCrop = bool(name, v); return;
    case "voxelArrayShift": s.voxelArrayShift = num(name, v); return;
    case "normalize": s.normalize = bool(name, v); return;
    case "normalizeScale": s.normalizeScale = num(name, v, { minExclusive: 0 }); return;
    case "removeOutliers": s.removeOutliers = v === null ? null : num(name, v, { minExclusive: 0 }); return;
    case "symmetricalGLCM": s.symmetricalGLCM = bool(name, v); return;
    case "distances": {
      const d = numList(name, v, (x) => num(name, x, { int: true, minExclusive: 0 }));
      if (d.length === 0) throw invalid(name, "needs at least one distance");
      s.distances = d;
      return;
    }
    case "gldm_a": s.gldm_a = num(name, v, { min: 0 }); return;
    case "weightingNorm":
      if (v !== null && v !== "no_weighting" && v !== "infinity" && v !== "euclidean" && v !== "manhattan") {
        throw new AnalysisError("UNSUPPORTED_SETTING", `setting weightingNorm: ${JSON.stringify(v)} is not supported (no_weighting, infinity, euclidean, manhattan)`);
      }
      s.weightingNorm = v;
      return;
    case "minimumROIDimensions": {
      const d = num(name, v, { int: true, min: 1 });
      if (d > 3) throw invalid(name, `must be 1, 2 or 3, got ${d}`);
      s.minimumROIDimensions = d as 1 | 2 | 3;
      return;
    }
    case "minimumROISize": s.minimumROISize = v === null ? null : num(name, v, { int: true, minExclusive: 0 }); return;
    case "additionalInfo": s.additionalInfo = bool(name, v); return;
    case "featureClass": s.featureClass = validateFeatureClass(v); return;
    default:
      throw new AnalysisError("UNSUPPORTED_SETTING", `setting ${name} is not supported`);
  }
}

/** Settings as callers pass them: any subset, PyRadiomics names; unknown names are rejected. */
export type SettingsInput = Partial<RadiomicsSettings> & Record<string, unknown>;

/**
 * Defaults overlaid with `input`, every value validated (INVALID_SETTINGS for bad values,
 * UNSUPPORTED_SETTING for settings we do not implement). [S1-S3]
 */
export function resolveSettings(input: SettingsInput = {}): RadiomicsSettings {
  const s: RadiomicsSettings = structuredClone(DEFAULT_SETTINGS) as RadiomicsSettings;
  for (const [name, value] of Object.entries(input)) {
    if (value === undefined) continue;
    applySetting(s, name, value);
  }
  return s;
}
