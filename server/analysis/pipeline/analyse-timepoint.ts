/**
 * Analysis of one timepoint: every lesion of the segmentation measured (volume, RECIST axes,
 * 3D diameter, intensity statistics), its radiomics extracted (PyRadiomics names), its
 * local-entropy map, habitats, ITH score and a suggested biopsy point computed; the maps are
 * assembled into full-grid volumes aligned with the image. Pure: bytes in, plain objects out.
 * SPEC.md P1-P6.
 */
import { AnalysisError } from "../errors";
import type { Vec3, Volume } from "../types";
import { readVolume } from "../imaging/read-volume";
import { placeOnImageGrid } from "../imaging/grid";
import { findLesions, type Lesion } from "../imaging/lesions";
import { recistAxes } from "../imaging/recist";
import { voxelToWorld } from "../imaging/affine";
import { extractFeatures } from "../radiomics/extract";
import type { SettingsInput } from "../radiomics/settings";
import { discretise } from "../radiomics/discretise";
import { localEntropyMap, computeHabitats, ithScore, DEFAULT_ENTROPY_RADIUS, type Habitat } from "../heterogeneity";
import { suggestBiopsyPoint, type BiopsyPoint } from "../biopsy";
import { boxDims, cropData, cropVolume, growBox, pasteNonZero, type Box } from "./crop";

export type Modality = "CT" | "MR" | "PET";

export interface TimepointAnalysisInput {
  image: { bytes: Uint8Array; fileName: string };
  segmentation: { bytes: Uint8Array; fileName: string };
  modality: Modality;
  /** Seed for habitat clustering (deterministic results). */
  seed: number;
  /** PyRadiomics settings for the feature extraction; defaults are PyRadiomics'. */
  radiomics?: SettingsInput;
  /** Bin width for the local-entropy map, in image units (DESIGN §2.2; default 25 HU). */
  entropyBinWidth?: number;
}

export interface LesionAnalysis {
  label: number;
  voxelCount: number;
  volumeMl: number;
  meshVolumeMl: number;
  max3dDiameterMm: number;
  longAxisMm: number;
  shortAxisMm: number;
  recist: { sliceIndex: number; longAxisMm: [Vec3, Vec3] | null; shortAxisMm: [Vec3, Vec3] | null };
  centroidMm: Vec3;
  intensity: { mean: number; sd: number; min: number; max: number };
  ith: { score: number | null; meanEntropyBits: number | null; tooSmall: boolean; reason: string | null };
  habitats: Omit<Habitat, "centroidVoxel">[] | null;
  biopsyPoint: BiopsyPoint | null;
  /** PyRadiomics-named features (shape, first order, GLCM, GLRLM, GLSZM, NGTDM, GLDM). */
  features: Record<string, number>;
  /** Why radiomics could not be computed (e.g. too few voxels), or null. */
  featureError: string | null;
}

export interface TimepointAnalysis {
  lesions: LesionAnalysis[];
  /** Local entropy (bits) on the image grid; 0 outside lesions. */
  entropyMap: Volume;
  /** Habitat label (1..k within each lesion) on the image grid; 0 outside lesions. */
  habitats: Volume;
}

function intensityStats(values: Float64Array): LesionAnalysis["intensity"] {
  let sum = 0, min = Infinity, max = -Infinity;
  for (const v of values) {
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const mean = sum / values.length;
  let ss = 0;
  for (const v of values) ss += (v - mean) ** 2;
  return { mean, sd: Math.sqrt(ss / values.length), min, max };
}

/** Analyses one lesion on a crop around it (the window radius plus a margin for the border depth). */
function analyseLesion(image: Volume, lesion: Lesion, input: TimepointAnalysisInput, out: TimepointAnalysis): LesionAnalysis {
  const margin = DEFAULT_ENTROPY_RADIUS + 2;
  const box: Box = growBox({ min: lesion.bboxMin, max: lesion.bboxMax }, margin, image.dims);
  const crop = cropVolume(image, box);
  const dims = boxDims(box);
  const mask = new Uint8Array(dims[0] * dims[1] * dims[2]);
  const [lx, ly] = [lesion.bboxMax[0] - lesion.bboxMin[0] + 1, lesion.bboxMax[1] - lesion.bboxMin[1] + 1];
  const off: Vec3 = [lesion.bboxMin[0] - box.min[0], lesion.bboxMin[1] - box.min[1], lesion.bboxMin[2] - box.min[2]];
  const values: number[] = [];
  let cx = 0, cy = 0, cz = 0;
  for (let i = 0; i < lesion.crop.length; i++) {
    if (!lesion.crop[i]) continue;
    const x = (i % lx) + off[0];
    const y = (Math.floor(i / lx) % ly) + off[1];
    const z = Math.floor(i / (lx * ly)) + off[2];
    const j = x + dims[0] * (y + dims[1] * z);
    mask[j] = 1;
    values.push(crop.data[j]!);
    cx += x; cy += y; cz += z;
  }
  const n = values.length;
  const intensities = Float64Array.from(crop.data);
  const lesionValues = Float64Array.from(values);
  const voxelMl = (image.spacingMm[0] * image.spacingMm[1] * image.spacingMm[2]) / 1000;
  const axes = recistAxes(mask, dims, crop.spacingMm, crop.affine);

  let features: Record<string, number> = {};
  let featureError: string | null = null;
  try {
    features = extractFeatures(crop, { data: mask, dims, spacingMm: crop.spacingMm, affine: crop.affine }, { ...input.radiomics, label: 1, additionalInfo: false }).features;
  } catch (e) {
    if (!(e instanceof AnalysisError)) throw e;
    featureError = e.message;
  }

  const { bins } = discretise(lesionValues, { binWidth: input.entropyBinWidth ?? 25 });
  const binGrid = new Int32Array(mask.length);
  for (let i = 0, k = 0; i < mask.length; i++) if (mask[i]) binGrid[i] = bins[k++]!;
  const entropy = localEntropyMap(binGrid, mask, dims);
  const ith = ithScore(entropy, mask);

  let habitats: LesionAnalysis["habitats"] = null;
  let biopsyPoint: BiopsyPoint | null = null;
  if (!ith.tooSmall) {
    const h = computeHabitats(intensities, entropy, mask, dims, crop.spacingMm, { seed: input.seed + lesion.label });
    habitats = h.habitats.map(({ centroidVoxel: _c, ...rest }) => rest);
    pasteNonZero(out.habitats.data, image.dims, box, h.labels);
    biopsyPoint = suggestBiopsyPoint(h, mask, dims, crop.spacingMm, crop.affine, input.modality);
  }
  pasteNonZero(out.entropyMap.data, image.dims, box, entropy);

  const shapeMl = features.original_shape_MeshVolume;
  return {
    label: lesion.label,
    voxelCount: n,
    volumeMl: n * voxelMl,
    meshVolumeMl: shapeMl !== undefined ? shapeMl / 1000 : n * voxelMl,
    max3dDiameterMm: features.original_shape_Maximum3DDiameter ?? axes.longAxisMm,
    longAxisMm: axes.longAxisMm,
    shortAxisMm: axes.shortAxisMm,
    recist: { sliceIndex: axes.sliceIndex + box.min[2], longAxisMm: axes.longAxis.world ?? null, shortAxisMm: axes.shortAxis.world ?? null },
    centroidMm: voxelToWorld(crop.affine, [cx / n, cy / n, cz / n]),
    intensity: intensityStats(lesionValues),
    ith: ith.tooSmall
      ? { score: null, meanEntropyBits: null, tooSmall: true, reason: ith.reason }
      : { score: ith.score, meanEntropyBits: ith.meanEntropyBits, tooSmall: false, reason: null },
    habitats,
    biopsyPoint,
    features,
    featureError,
  };
}

/**
 * Analyses every lesion of a timepoint.
 * @throws AnalysisError for unreadable files (CORRUPT_FILE, UNSUPPORTED_FORMAT), a segmentation
 *   that does not fit its image (MASK_IMAGE_MISMATCH) or one without lesions (EMPTY_MASK)
 */
export function analyseTimepoint(input: TimepointAnalysisInput, onProgress: (done: number, total: number) => void = () => {}): TimepointAnalysis {
  const image = readVolume(input.image.bytes, input.image.fileName);
  const seg = placeOnImageGrid(image, readVolume(input.segmentation.bytes, input.segmentation.fileName));
  const lesions = findLesions(seg);
  const voxels = image.dims[0] * image.dims[1] * image.dims[2];
  const out: TimepointAnalysis = {
    lesions: [],
    entropyMap: { data: new Float32Array(voxels), dims: image.dims, spacingMm: image.spacingMm, affine: image.affine },
    habitats: { data: new Uint8Array(voxels), dims: image.dims, spacingMm: image.spacingMm, affine: image.affine },
  };
  onProgress(0, lesions.length);
  for (const lesion of lesions) {
    out.lesions.push(analyseLesion(image, lesion, input, out));
    onProgress(out.lesions.length, lesions.length);
  }
  return out;
}

export { cropData };
