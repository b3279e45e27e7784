/**
 * Runs the enabled intensity and texture families on a prepared ROI and names the results in
 * either convention: PyRadiomics keys `original_<class>_<Feature>`, or IBSI codes with IBSI
 * definitions (intensity statistics + intensity histogram instead of firstorder, excess
 * kurtosis, no voxel shift, NGLDM extras). SPEC K1-K4, X3.
 */
import { enabledNames, IBSI_CODES } from "./feature-catalog";
import { firstOrderFeatures } from "./first-order";
import { glcmFeatures } from "./glcm";
import { gldmFeatures } from "./gldm";
import { glrlmFeatures } from "./glrlm";
import { glszmFeatures } from "./glszm";
import { ibsiHistogramFeatures, ibsiIntensityStatistics } from "./ibsi-intensity";
import { scanNeighbourhoods, type NeighbourhoodScan } from "./neighbourhood";
import { ngtdmFeatures } from "./ngtdm";
import { roiLevels, type RoiGrid } from "./roi-grid";
import type { FeatureClassName, RadiomicsSettings } from "./settings";

export interface PreparedRoi {
  /**
   * ROI intensities in voxel (C) order, image units, in the image's own array type: every
   * value reads as the same float64 a float64 copy would hold, at a fraction of its size.
   */
  intensities: ArrayLike<number>;
  /** Counts per discretisation bin (all bins, empty ones included). */
  binCounts: Float64Array;
  /** The discretised ROI (its levels, in C order, are the discretised intensities). */
  grid: RoiGrid;
  /** Product of the voxel spacings, mm^3 (TotalEnergy). */
  voxelVolumeMm3: number;
}

type Values = Record<string, number>;

function textureOptions(s: RadiomicsSettings) {
  const force2Ddimension = s.force2D ? s.force2Ddimension : -1;
  return { force2Ddimension, glcm: { distances: s.distances, symmetrical: s.symmetricalGLCM, weightingNorm: s.weightingNorm, force2Ddimension } };
}

const scans = new WeakMap<PreparedRoi, NeighbourhoodScan>();

/** NGTDM and GLDM share one neighbourhood pass per ROI. */
function scanOf(roi: PreparedRoi, s: RadiomicsSettings, force2Ddimension: number): NeighbourhoodScan {
  let scan = scans.get(roi);
  if (!scan) scans.set(roi, (scan = scanNeighbourhoods(roi.grid, s.distances, force2Ddimension, s.gldm_a)));
  return scan;
}

/** Raw values of one family under PyRadiomics names (IBSI-only extras under extra names). */
function familyValues(cls: Exclude<FeatureClassName, "shape">, roi: PreparedRoi, s: RadiomicsSettings): Values {
  const t = textureOptions(s);
  switch (cls) {
    case "firstorder":
      return firstOrderFeatures(roi.intensities, roi.binCounts, roi.voxelVolumeMm3, s.voxelArrayShift);
    case "glcm":
      return glcmFeatures(roi.grid, t.glcm);
    case "glrlm":
      return glrlmFeatures(roi.grid, { weightingNorm: s.weightingNorm, force2Ddimension: t.force2Ddimension });
    case "glszm":
      return glszmFeatures(roi.grid, t.force2Ddimension);
    case "ngtdm":
      return ngtdmFeatures(roi.grid, s.distances, t.force2Ddimension, scanOf(roi, s, t.force2Ddimension));
    case "gldm": {
      const { features, extras } = gldmFeatures(roi.grid, s.distances, s.gldm_a, t.force2Ddimension, scanOf(roi, s, t.force2Ddimension));
      return {
        ...features,
        GrayLevelNonUniformityNormalized: extras.grayLevelNonUniformityNormalized,
        DependencePercentage: extras.dependenceCountPercentage,
        DependenceEnergy: extras.dependenceCountEnergy,
      };
    }
  }
}

const TEXTURE_CLASSES = ["glcm", "gldm", "glrlm", "glszm", "ngtdm"] as const;

/** PyRadiomics-mode features of the enabled non-shape classes, in PyRadiomics' order. [K1, K2] */
export function pyradiomicsFeatures(roi: PreparedRoi, s: RadiomicsSettings): Values {
  const out: Values = {};
  for (const cls of ["firstorder", ...TEXTURE_CLASSES] as const) {
    if (!(cls in s.featureClass)) continue;
    const values = familyValues(cls, roi, s);
    for (const name of enabledNames(cls, s.featureClass[cls] ?? null)) {
      if (name in values) out[`original_${cls}_${name}`] = values[name];
    }
  }
  return out;
}

/** IBSI-mode features (IBSI codes) of the enabled non-shape classes. [K3, K4] */
export function ibsiFeatures(roi: PreparedRoi, s: RadiomicsSettings): Values {
  const out: Values = {};
  if ("firstorder" in s.featureClass) {
    const stat = ibsiIntensityStatistics(roi.intensities);
    for (const [key, code] of Object.entries(IBSI_CODES.stat)) out[code] = stat[key as keyof typeof stat];
    const ih = ibsiHistogramFeatures(roiLevels(roi.grid), roi.grid.maxLevel);
    for (const [key, code] of Object.entries(IBSI_CODES.ih)) out[code] = ih[key as keyof typeof ih];
  }
  for (const cls of TEXTURE_CLASSES) {
    if (!(cls in s.featureClass)) continue;
    const values = familyValues(cls, roi, s);
    // IBSI names for PyRadiomics features it defines twice or PyRadiomics dropped as redundant.
    const alias: Record<string, string> = cls === "glcm" ? { Dissimilarity: "DifferenceAverage", SumVariance: "ClusterTendency" } : {};
    for (const [name, code] of Object.entries(IBSI_CODES[cls])) out[code] = values[alias[name] ?? name];
  }
  return out;
}

/** IBSI texture aggregation each family's values correspond to under these settings. [X3] */
export function ibsiAggregation(s: RadiomicsSettings): Record<string, string> {
  const dim = s.force2D ? "2.5D" : "3D";
  const directional = s.weightingNorm === null ? `${dim}, ${s.force2D ? "direction-merged" : "averaged"}` : `${dim}, merged (weightingNorm ${s.weightingNorm})`;
  return { glcm: directional, glrlm: directional, glszm: dim, ngtdm: dim, gldm: dim };
}
