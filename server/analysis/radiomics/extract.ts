/**
 * Feature extraction for one ROI, following PyRadiomics' RadiomicsFeatureExtractor.execute:
 * label selection → normalisation → resampling → ROI checks → re-segmentation → shape on the
 * (un-re-segmented) mask → intensity and texture families on the ROI cropped to its bounding box.
 * Names follow PyRadiomics, or IBSI codes and conventions with `ibsi: true`. SPEC X1-X6.
 */
import { shapeFeatures } from "../imaging/morphology";
import { assertSameGrid } from "../imaging/grid";
import type { LabelMap, Volume, VoxelData } from "../types";
import { configurationDiagnostics, imageDiagnostics, maskDiagnostics, type Diagnostics } from "./diagnostics";
import { discretise } from "./discretise";
import { enabledNames } from "./feature-catalog";
import { ibsiAggregation, ibsiFeatures, pyradiomicsFeatures, type PreparedRoi } from "./feature-sets";
import { boundingBox, checkRoi, countOnes, cropToBox, normalizeImage, resegment, selectLabel, type BoundingBox, type Dims } from "./preprocess";
import { castLike, resampleGrid, resampleValues } from "./resample";
import { makeRoiGrid } from "./roi-grid";
import { resolveSettings, type RadiomicsSettings, type SettingsInput } from "./settings";

export interface ExtractOptions {
  /** IBSI conventions and IBSI feature codes instead of PyRadiomics names. */
  ibsi?: boolean;
}

export interface ExtractionResult {
  diagnostics: Diagnostics;
  features: Record<string, number>;
}

interface Stage {
  image: VoxelData | Float64Array;
  binary: Uint8Array;
  dims: Dims;
  spacingMm: [number, number, number];
  affine: Volume["affine"];
}

/** Resample image and ROI onto PyRadiomics' grid; the mask by nearest neighbour (PyRadiomics) or linear + 0.5 threshold (IBSI). [P7-P9, X2] */
function resampleStage(stage: Stage, s: RadiomicsSettings, ibsi: boolean, diag: (d: () => Diagnostics) => void): Stage {
  // The grid covers the ROI's bounding box (PyRadiomics `_checkROI`); the ROI is known non-empty here.
  const box = boundingBox(stage.binary, stage.dims)!;
  const grid = resampleGrid(stage.dims, stage.spacingMm, stage.affine, box, s);
  if (!grid) return stage;
  const values = resampleValues(stage.image, stage.dims, grid, s.interpolator === "sitkNearestNeighbor");
  const image = stage.image instanceof Float64Array ? values : castLike(values, stage.image);
  const maskValues = resampleValues(stage.binary, stage.dims, grid, !ibsi);
  const binary = Uint8Array.from(maskValues, (v) => (ibsi ? (v >= 0.5 ? 1 : 0) : v));
  const next: Stage = { image, binary, dims: grid.dims, spacingMm: grid.spacingMm, affine: grid.affine };
  diag(() => imageDiagnostics("interpolated", image, grid.dims, grid.spacingMm));
  diag(() => maskDiagnostics("interpolated", binary, grid.dims, grid.spacingMm, grid.affine, image));
  return next;
}

/** Shape features under the mode's names; PyRadiomics' deprecated ones from its formulas when requested. [P6] */
function shape(stage: Stage, shapeMask: Uint8Array, box: BoundingBox, s: RadiomicsSettings, ibsi: boolean): Record<string, number> {
  const mask = cropToBox(shapeMask, stage.dims, box, (n) => new Uint8Array(n));
  const intensities = ibsi ? cropToBox(stage.image, stage.dims, box, (n) => new Float64Array(n)).data : undefined;
  const result = shapeFeatures(mask.data, mask.dims, stage.spacingMm, { mode: ibsi ? "ibsi" : "pyradiomics", intensities });
  if (ibsi) return { ...result.ibsi };
  const py = result.pyradiomics;
  const V = py.MeshVolume;
  const A = py.SurfaceArea;
  const deprecated: Record<string, number> = {
    Compactness1: V / (A ** 1.5 * Math.sqrt(Math.PI)),
    Compactness2: (36 * Math.PI * V ** 2) / A ** 3,
    SphericalDisproportion: A / (36 * Math.PI * V ** 2) ** (1 / 3),
  };
  const out: Record<string, number> = {};
  for (const name of enabledNames("shape", s.featureClass.shape ?? null)) {
    const value = name in py ? py[name] : deprecated[name];
    if (value !== undefined) out[`original_shape_${name}`] = value;
  }
  return out;
}

/**
 * Radiomics features of the ROI `mask == settings.label` (default 1).
 *
 * @param image intensities (e.g. HU), on the same grid as `mask`
 * @param mask label map; other labels are background
 * @param settings PyRadiomics-style settings (see settings.ts); defaults are PyRadiomics'
 * @returns diagnostics (`diagnostics_*`) and features: `original_<class>_<Feature>`, or IBSI codes
 * @throws AnalysisError MASK_IMAGE_MISMATCH, EMPTY_MASK (naming the labels present), TOO_SMALL,
 *   INVALID_SETTINGS, UNSUPPORTED_SETTING
 */
export function extractFeatures(
  image: Volume,
  mask: Volume | LabelMap,
  settings: RadiomicsSettings | SettingsInput = {},
  opts: ExtractOptions = {},
): ExtractionResult {
  const s = resolveSettings(settings as SettingsInput);
  const ibsi = opts.ibsi === true;
  assertSameGrid(image, mask);
  const binary = selectLabel(mask, s.label);
  const diagnostics: Diagnostics = {};
  // Diagnostics cost a few passes over the image; skip them when additionalInfo is off.
  const diag = (d: () => Diagnostics) => {
    if (s.additionalInfo) Object.assign(diagnostics, d());
  };
  diag(() => configurationDiagnostics(s, ibsi));
  diag(() => imageDiagnostics("original", image.data, image.dims, image.spacingMm));
  diag(() => maskDiagnostics("original", binary, image.dims, mask.spacingMm, mask.affine));

  let stage: Stage = { image: image.data, binary, dims: image.dims, spacingMm: image.spacingMm, affine: image.affine };
  if (s.normalize) stage = { ...stage, image: normalizeImage(stage.image, s) };
  if (s.resampledPixelSpacing) stage = resampleStage(stage, s, ibsi, diag);

  let box = checkRoi(stage.binary, stage.dims, s);
  let roiMask = stage.binary;
  if (s.resegmentRange) {
    roiMask = resegment(stage.image, stage.binary, s);
    box = checkRoi(roiMask, stage.dims, s);
    const resegmented = roiMask;
    diag(() => maskDiagnostics("resegmented", resegmented, stage.dims, stage.spacingMm, stage.affine, stage.image));
  }

  const features: Record<string, number> = {};
  if ("shape" in s.featureClass) {
    const shapeMask = s.resegmentShape ? roiMask : stage.binary;
    // PyRadiomics crops the shape mask to the (re-segmented) ROI box; IBSI keeps the whole morphological mask.
    const shapeBox = ibsi && !s.resegmentShape ? checkRoi(shapeMask, stage.dims, s) : box;
    Object.assign(features, shape(stage, shapeMask, shapeBox, s, ibsi));
  }

  const roi = prepareRoi(stage, roiMask, box, s);
  Object.assign(features, ibsi ? ibsiFeatures(roi, s) : pyradiomicsFeatures(roi, s));
  diag(() => ({
    diagnostics_Discretisation_Ng: roi.grid.maxLevel,
    ...(ibsi ? { diagnostics_IBSI_TextureAggregation: JSON.stringify(ibsiAggregation(s)) } : {}),
  }));
  return { diagnostics, features };
}

/** Collect the ROI's intensities in C order within its box and discretise them. [D1-D4, X1] */
function prepareRoi(stage: Stage, roiMask: Uint8Array, box: BoundingBox, s: RadiomicsSettings): PreparedRoi {
  const [nx, ny] = stage.dims;
  const dims: Dims = [box.hi[0] - box.lo[0] + 1, box.hi[1] - box.lo[1] + 1, box.hi[2] - box.lo[2] + 1];
  const source = new Int32Array(countOnes(roiMask));
  const inBox = new Int32Array(source.length);
  let k = 0;
  let b = 0;
  for (let z = box.lo[2]; z <= box.hi[2]; z++) for (let y = box.lo[1]; y <= box.hi[1]; y++) {
    const row = nx * (y + ny * z);
    for (let x = box.lo[0]; x <= box.hi[0]; x++, b++) {
      if (!roiMask[row + x]) continue;
      source[k] = row + x;
      inBox[k++] = b;
    }
  }
  const intensities = new Float64Array(source.length);
  const image = stage.image;
  for (let v = 0; v < source.length; v++) intensities[v] = image[source[v]];
  const disc = discretise(intensities, { binWidth: s.binWidth, binCount: s.binCount });
  const levels = new Int32Array(dims[0] * dims[1] * dims[2]);
  for (let v = 0; v < inBox.length; v++) levels[inBox[v]] = disc.bins[v];
  const binCounts = new Float64Array(disc.nBins);
  for (let v = 0; v < disc.bins.length; v++) binCounts[disc.bins[v] - 1]++;
  const [sx, sy, sz] = stage.spacingMm;
  return {
    intensities,
    bins: disc.bins,
    binCounts,
    grid: makeRoiGrid(levels, dims, stage.spacingMm),
    voxelVolumeMm3: sx * sy * sz,
  };
}
