/**
 * Image and mask preparation before feature extraction, in PyRadiomics' order
 * (featureextractor.py `execute`/`loadImage`, imageoperations.py): label selection, whole-image
 * normalisation, ROI checks, re-segmentation, cropping to the ROI bounding box. SPEC P1-P6.
 */
import { AnalysisError } from "../errors";
import type { LabelMap, Volume } from "../types";
import { npMean, pairwiseSumMap } from "./numeric";
import type { RadiomicsSettings } from "./settings";

export type Dims = [number, number, number];

/** Inclusive voxel bounding box, [x, y, z]. */
export interface BoundingBox {
  lo: Dims;
  hi: Dims;
}

function isFloatData(data: ArrayLike<number>): boolean {
  return data instanceof Float32Array || data instanceof Float64Array;
}

/**
 * Where a working grid sits in the image grid: `dims` voxels from `origin` (inclusive, [x, y, z]).
 * The ROI is handled on the label's bounding box rather than on the whole image, so memory
 * follows the ROI, not the scan; reported coordinates are put back in the image grid.
 */
export interface SubGrid {
  origin: Dims;
  dims: Dims;
  /** The grid the sub-grid is cut from (the image's). */
  imageDims: Dims;
}

/** The whole grid as a sub-grid of itself. */
export function wholeGrid(dims: Dims): SubGrid {
  return { origin: [0, 0, 0], dims, imageDims: dims };
}

/** Index in the image grid of voxel (x, y, z) of the sub-grid's row start, for x = 0. */
export function imageRow(sub: SubGrid, y: number, z: number): number {
  const [nx, ny] = sub.imageDims;
  return sub.origin[0] + nx * (y + sub.origin[1] + ny * (z + sub.origin[2]));
}

function isLabel(data: ArrayLike<number>, i: number, label: number, truncate: boolean): boolean {
  return (truncate ? Math.trunc(data[i]) : data[i]) === label;
}

/** EMPTY_MASK naming the labels present (up to 64 of them). */
function missingLabel(data: ArrayLike<number>, label: number, truncate: boolean): AnalysisError {
  const present = new Set<number>();
  for (let i = 0; i < data.length && present.size < 64; i++) {
    const v = truncate ? Math.trunc(data[i]) : data[i];
    if (v !== 0) present.add(v);
  }
  const labels = [...present].sort((a, b) => a - b);
  return new AnalysisError(
    "EMPTY_MASK",
    labels.length === 0 ? "mask is empty (no labels segmented)" : `label ${label} is not present in the mask; labels present: ${labels.join(", ")}`,
  );
}

/**
 * The bounding box of `mask == label` (float masks truncated, as {@link selectLabel}), as a
 * sub-grid of the mask's grid. A missing label is EMPTY_MASK naming the labels present. [P1]
 */
export function labelSubGrid(mask: Volume | LabelMap, label: number): SubGrid {
  const data = mask.data;
  const truncate = isFloatData(data);
  const [nx, ny, nz] = mask.dims;
  const lo: Dims = [nx, ny, nz];
  const hi: Dims = [-1, -1, -1];
  let i = 0;
  for (let z = 0; z < nz; z++) for (let y = 0; y < ny; y++) {
    let first = -1;
    let last = -1;
    for (let x = 0; x < nx; x++, i++) {
      if (!isLabel(data, i, label, truncate)) continue;
      if (first < 0) first = x;
      last = x;
    }
    if (first < 0) continue;
    if (first < lo[0]) lo[0] = first;
    if (last > hi[0]) hi[0] = last;
    if (y < lo[1]) lo[1] = y;
    if (y > hi[1]) hi[1] = y;
    if (z < lo[2]) lo[2] = z;
    hi[2] = z;
  }
  if (hi[0] < 0) throw missingLabel(data, label, truncate);
  return { origin: lo, dims: [hi[0] - lo[0] + 1, hi[1] - lo[1] + 1, hi[2] - lo[2] + 1], imageDims: mask.dims };
}

/**
 * Voxels whose mask value equals `label` (1) or not (0), over the whole grid or over `sub`.
 * Float masks are truncated as PyRadiomics' cast to UInt32 does. A missing label is EMPTY_MASK
 * naming the labels present. [P1]
 */
export function selectLabel(mask: Volume | LabelMap, label: number, sub: SubGrid = wholeGrid(mask.dims)): Uint8Array {
  const data = mask.data;
  const [sx, sy, sz] = sub.dims;
  const out = new Uint8Array(sx * sy * sz);
  const truncate = isFloatData(data);
  let count = 0;
  for (let z = 0, k = 0; z < sz; z++) for (let y = 0; y < sy; y++) {
    const row = imageRow(sub, y, z);
    for (let x = 0; x < sx; x++, k++) {
      if (isLabel(data, row + x, label, truncate)) {
        out[k] = 1;
        count++;
      }
    }
  }
  if (count === 0) throw missingLabel(data, label, truncate);
  return out;
}

/** Bounding box of the non-zero voxels, or null when there are none. */
export function boundingBox(binary: Uint8Array, dims: Dims): BoundingBox | null {
  const [nx, ny, nz] = dims;
  const lo: Dims = [nx, ny, nz];
  const hi: Dims = [-1, -1, -1];
  let i = 0;
  for (let z = 0; z < nz; z++) for (let y = 0; y < ny; y++) for (let x = 0; x < nx; x++, i++) {
    if (!binary[i]) continue;
    if (x < lo[0]) lo[0] = x;
    if (x > hi[0]) hi[0] = x;
    if (y < lo[1]) lo[1] = y;
    if (y > hi[1]) hi[1] = y;
    if (z < lo[2]) lo[2] = z;
    if (z > hi[2]) hi[2] = z;
  }
  return hi[0] < 0 ? null : { lo, hi };
}

export function countOnes(binary: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < binary.length; i++) n += binary[i];
  return n;
}

/**
 * imageoperations.checkMask: the ROI must span at least `minimumROIDimensions` dimensions (never a
 * single voxel) and hold more than `minimumROISize` voxels. Returns the bounding box. [P3]
 */
export function checkRoi(binary: Uint8Array, dims: Dims, s: RadiomicsSettings): BoundingBox {
  const box = boundingBox(binary, dims);
  if (!box) throw new AnalysisError("EMPTY_MASK", `label ${s.label} has no voxels`);
  const spanned = [0, 1, 2].filter((d) => box.hi[d] - box.lo[d] + 1 > 1).length;
  if (spanned === 0) throw new AnalysisError("TOO_SMALL", "the ROI is a single voxel; features need at least two");
  if (spanned < s.minimumROIDimensions) {
    throw new AnalysisError("TOO_SMALL", `the ROI spans ${spanned} dimension(s), minimumROIDimensions is ${s.minimumROIDimensions}`);
  }
  if (s.minimumROISize !== null) {
    const n = countOnes(binary);
    if (n <= s.minimumROISize) throw new AnalysisError("TOO_SMALL", `the ROI has ${n} voxels, minimumROISize is ${s.minimumROISize}`);
  }
  return box;
}

/**
 * SimpleITK Normalize over the whole image: (x - mean) / sigma with ITK's sample sigma
 * (N - 1, from compensated sums), then clipping at +-removeOutliers, then times normalizeScale. [P2]
 */
export function normalizeImage(data: ArrayLike<number>, s: RadiomicsSettings): Float64Array {
  let sum = 0, sumC = 0, sq = 0, sqC = 0;
  // Kahan-compensated, as ITK's StatisticsImageFilter accumulates.
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    const y1 = v - sumC;
    const t1 = sum + y1;
    sumC = t1 - sum - y1;
    sum = t1;
    const y2 = v * v - sqC;
    const t2 = sq + y2;
    sqC = t2 - sq - y2;
    sq = t2;
  }
  const n = data.length;
  const mean = sum / n;
  const sigma = Math.sqrt((sq - (sum * sum) / n) / (n - 1));
  const scale = 1 / sigma;
  const out = new Float64Array(n);
  const limit = s.removeOutliers;
  for (let i = 0; i < n; i++) {
    let v = (data[i] + -mean) * scale;
    if (limit !== null) v = v > limit ? limit : v < -limit ? -limit : v;
    out[i] = v * s.normalizeScale;
  }
  return out;
}

/**
 * imageoperations.resegmentMask: keep ROI voxels within the thresholds (closed range; one
 * threshold keeps values >= it). Modes: absolute values, fractions of the ROI maximum, or
 * mean + k SD (population SD). Fewer than 2 voxels left is TOO_SMALL. [P4]
 *
 * @param image intensities on the image grid
 * @param binary ROI over `sub` (default: the whole image grid)
 */
export function resegment(image: ArrayLike<number>, binary: Uint8Array, s: RadiomicsSettings, sub: SubGrid = wholeGrid([binary.length, 1, 1])): Uint8Array {
  const range = [...(s.resegmentRange ?? [])].sort((a, b) => a - b);
  const [sx, sy, sz] = sub.dims;
  // Image value of each sub-grid voxel, visited in C order.
  const scan = (visit: (k: number, value: number) => void) => {
    for (let z = 0, k = 0; z < sz; z++) for (let y = 0; y < sy; y++) {
      const row = imageRow(sub, y, z);
      for (let x = 0; x < sx; x++, k++) if (binary[k]) visit(k, image[row + x]);
    }
  };
  let thresholds = range;
  if (s.resegmentMode === "relative") {
    let max = -Infinity;
    scan((_, v) => {
      if (v > max) max = v;
    });
    thresholds = range.map((t) => max * t);
  } else if (s.resegmentMode === "sigma") {
    const values = new Float64Array(countOnes(binary));
    let n = 0;
    scan((_, v) => {
      values[n++] = v;
    });
    const mean = npMean(values);
    const sd = Math.sqrt(pairwiseSumMap(values, (v) => (v - mean) * (v - mean)) / values.length);
    thresholds = range.map((t) => mean + sd * t);
  }
  const out = new Uint8Array(binary.length);
  let kept = 0;
  scan((k, v) => {
    if (v >= thresholds[0] && (thresholds.length < 2 || v <= thresholds[1])) {
      out[k] = 1;
      kept++;
    }
  });
  if (kept <= 1) {
    throw new AnalysisError("TOO_SMALL", `re-segmentation to ${JSON.stringify(s.resegmentRange)} (${s.resegmentMode}) left ${kept} voxel(s) of label ${s.label}`);
  }
  return out;
}

/** Copy the box out of a volume laid out x fastest. */
export function cropToBox<T extends ArrayLike<number>>(
  data: T,
  dims: Dims,
  box: BoundingBox,
  make: (n: number) => { [i: number]: number } & ArrayLike<number>,
): { data: ReturnType<typeof make>; dims: Dims } {
  const size: Dims = [box.hi[0] - box.lo[0] + 1, box.hi[1] - box.lo[1] + 1, box.hi[2] - box.lo[2] + 1];
  const out = make(size[0] * size[1] * size[2]);
  let k = 0;
  for (let z = box.lo[2]; z <= box.hi[2]; z++) for (let y = box.lo[1]; y <= box.hi[1]; y++) {
    const row = dims[0] * (y + dims[1] * z);
    for (let x = box.lo[0]; x <= box.hi[0]; x++) out[k++] = data[row + x];
  }
  return { data: out, dims: size };
}
