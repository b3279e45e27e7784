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
import { binEdges, digitize } from "./discretise";
import { enabledNames } from "./feature-catalog";
import { ibsiAggregation, ibsiFeatures, pyradiomicsFeatures, type PreparedRoi } from "./feature-sets";
import { boundingBox, checkRoi, cropToBox, imageRow, labelSubGrid, normalizeImage, resegment, selectLabel, wholeGrid, type BoundingBox, type Dims, type SubGrid } from "./preprocess";
import { castLike, resampleGrid, resampleValues } from "./resample";
import { levelArray, paddedDims, roiGridFromPadded } from "./roi-grid";
import { resolveSettings, type RadiomicsSettings, type SettingsInput } from "./settings";

export interface ExtractOptions {
  /** IBSI conventions and IBSI feature codes instead of PyRadiomics names. */
  ibsi?: boolean;
}

export interface ExtractionResult {
  diagnostics: Diagnostics;
  features: Record<string, number>;
}

/**
 * The image and ROI at one preprocessing stage. The ROI mask covers only `sub`, the ROI's
 * bounding box within the image grid (the whole resampled grid after resampling), so no
 * image-sized mask is ever made; the image stays on its own grid, `sub.imageDims`.
 */
interface Stage {
  image: VoxelData;
  binary: Uint8Array;
  sub: SubGrid;
  spacingMm: [number, number, number];
  affine: Volume["affine"];
}

/** A box in sub-grid coordinates, in image-grid coordinates. */
function inImage(box: BoundingBox, sub: SubGrid): BoundingBox {
  return { lo: box.lo.map((v, d) => v + sub.origin[d]) as Dims, hi: box.hi.map((v, d) => v + sub.origin[d]) as Dims };
}

/** Resample image and ROI onto PyRadiomics' grid; the mask by nearest neighbour (PyRadiomics) or linear + 0.5 threshold (IBSI). [P7-P9, X2] */
function resampleStage(stage: Stage, s: RadiomicsSettings, ibsi: boolean, diag: (d: () => Diagnostics) => void): Stage {
  // The grid covers the ROI's bounding box (PyRadiomics `_checkROI`); the ROI is known non-empty here.
  const box = inImage(boundingBox(stage.binary, stage.sub.dims)!, stage.sub);
  const imageDims = stage.sub.imageDims;
  const grid = resampleGrid(imageDims, stage.spacingMm, stage.affine, box, s);
  if (!grid) return stage;
  const values = resampleValues(stage.image, imageDims, grid, s.interpolator === "sitkNearestNeighbor");
  const image = stage.image instanceof Float64Array ? values : castLike(values, stage.image);
  const maskValues = resampleValues(stage.binary, imageDims, grid, !ibsi, stage.sub);
  const binary = Uint8Array.from(maskValues, (v) => (ibsi ? (v >= 0.5 ? 1 : 0) : v));
  const next: Stage = { image, binary, sub: wholeGrid(grid.dims), spacingMm: grid.spacingMm, affine: grid.affine };
  diag(() => imageDiagnostics("interpolated", image, grid.dims, grid.spacingMm));
  diag(() => maskDiagnostics("interpolated", binary, grid.dims, grid.spacingMm, grid.affine, image));
  return next;
}

/** Shape features under the mode's names; PyRadiomics' deprecated ones from its formulas when requested. [P6] */
function shape(stage: Stage, shapeMask: Uint8Array, box: BoundingBox, s: RadiomicsSettings, ibsi: boolean): Record<string, number> {
  const dims = stage.sub.dims;
  // The mask usually is its box already (the ROI is worked on within the label's box).
  const whole = box.lo.every((v) => v === 0) && box.hi.every((v, d) => v === dims[d] - 1);
  const mask = whole ? { data: shapeMask, dims } : cropToBox(shapeMask, dims, box, (n) => new Uint8Array(n));
  // The image's own array type holds the same values as a float64 copy, in less memory.
  const intensities = ibsi ? cropToBox(stage.image, stage.sub.imageDims, inImage(box, stage.sub), (n) => arrayLike(stage.image, n)).data : undefined;
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
  // The ROI is worked on within its bounding box: no mask the size of the image.
  const sub = labelSubGrid(mask, s.label);
  const binary = selectLabel(mask, s.label, sub);
  const diagnostics: Diagnostics = {};
  // Diagnostics cost a few passes over the image; skip them when additionalInfo is off.
  const diag = (d: () => Diagnostics) => {
    if (s.additionalInfo) Object.assign(diagnostics, d());
  };
  diag(() => configurationDiagnostics(s, ibsi));
  diag(() => imageDiagnostics("original", image.data, image.dims, image.spacingMm));
  diag(() => maskDiagnostics("original", binary, sub.dims, mask.spacingMm, mask.affine, undefined, sub));

  let stage: Stage = { image: image.data, binary, sub, spacingMm: image.spacingMm, affine: image.affine };
  if (s.normalize) stage = { ...stage, image: normalizeImage(stage.image, s) };
  if (s.resampledPixelSpacing) stage = resampleStage(stage, s, ibsi, diag);

  let box = checkRoi(stage.binary, stage.sub.dims, s);
  let roiMask = stage.binary;
  if (s.resegmentRange) {
    roiMask = resegment(stage.image, stage.binary, s, stage.sub);
    box = checkRoi(roiMask, stage.sub.dims, s);
    const resegmented = roiMask;
    diag(() => maskDiagnostics("resegmented", resegmented, stage.sub.dims, stage.spacingMm, stage.affine, stage.image, stage.sub));
  }

  const features: Record<string, number> = {};
  if ("shape" in s.featureClass) {
    const shapeMask = s.resegmentShape ? roiMask : stage.binary;
    // PyRadiomics crops the shape mask to the (re-segmented) ROI box; IBSI keeps the whole morphological mask.
    const shapeBox = ibsi && !s.resegmentShape ? checkRoi(shapeMask, stage.sub.dims, s) : box;
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

/** A zeroed array of the same type as `like`. */
function arrayLike(like: VoxelData, n: number): VoxelData {
  return new (like.constructor as new (n: number) => VoxelData)(n);
}

/**
 * Crop the ROI to its bounding box once, for every family: its intensities in C order (in the
 * image's own array type), and its discretised levels written straight into the bordered box the
 * texture families share, 16-bit when the bins allow. [D1-D4, P5, X1]
 */
function prepareRoi(stage: Stage, roiMask: Uint8Array, box: BoundingBox, s: RadiomicsSettings): PreparedRoi {
  const [mx, my] = stage.sub.dims;
  const dims: Dims = [box.hi[0] - box.lo[0] + 1, box.hi[1] - box.lo[1] + 1, box.hi[2] - box.lo[2] + 1];
  // One border wide enough for every family's reach (GLCM and the neighbourhoods use `distances`).
  const pad = Math.max(1, ...s.distances);
  const [px, py, pz] = paddedDims(dims, pad);
  let n = 0;
  for (let z = box.lo[2]; z <= box.hi[2]; z++) for (let y = box.lo[1]; y <= box.hi[1]; y++) {
    const row = mx * (y + my * z);
    for (let x = box.lo[0]; x <= box.hi[0]; x++) n += roiMask[row + x];
  }
  const image = stage.image;
  const intensities = arrayLike(image, n);
  const roi = new Int32Array(n);
  let k = 0;
  for (let z = box.lo[2]; z <= box.hi[2]; z++) for (let y = box.lo[1]; y <= box.hi[1]; y++) {
    const row = mx * (y + my * z);
    const imageRowStart = imageRow(stage.sub, y, z);
    // Padded index of (x, y, z) is `to + x`.
    const to = pad - box.lo[0] + px * (y - box.lo[1] + pad + py * (z - box.lo[2] + pad));
    for (let x = box.lo[0]; x <= box.hi[0]; x++) {
      if (!roiMask[row + x]) continue;
      intensities[k] = image[imageRowStart + x];
      roi[k++] = to + x;
    }
  }
  // discretise() without its per-voxel bin array: the bins go straight into the box.
  const edges = binEdges(intensities, { binWidth: s.binWidth, binCount: s.binCount });
  const levels = levelArray(edges.length - 1, px * py * pz);
  const binCounts = new Float64Array(edges.length - 1);
  for (let v = 0; v < n; v++) {
    const bin = digitize(intensities[v], edges);
    levels[roi[v]] = bin;
    binCounts[bin - 1]++;
  }
  const [sx, sy, sz] = stage.spacingMm;
  return {
    intensities,
    binCounts,
    grid: roiGridFromPadded(levels, roi, dims, pad, stage.spacingMm),
    voxelVolumeMm3: sx * sy * sz,
  };
}
