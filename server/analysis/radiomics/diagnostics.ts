/**
 * Extraction diagnostics in the spirit of PyRadiomics' generalinfo.py (`diagnostics_*` keys):
 * configuration, and per stage (original, interpolated, resegmented) the image and mask
 * geometry, ROI bounding box, voxel count, connected-component count and centre of mass.
 * SPEC X5.
 */
import type { Affine } from "../types";
import { minMax, pairwiseSum } from "./numeric";
import { boundingBox, countOnes, cropToBox, type Dims } from "./preprocess";
import type { RadiomicsSettings } from "./settings";

export type Diagnostics = Record<string, string | number | number[]>;

/** Version of this implementation and of the conventions it reproduces. */
export const RADIOMICS_VERSION = "mosaic-radiomics 1.0 (PyRadiomics 3.x conventions, IBSI 2020)";

const PREFIX = "diagnostics_";

export function configurationDiagnostics(s: RadiomicsSettings, ibsi: boolean): Diagnostics {
  return {
    [`${PREFIX}Versions_Mosaic`]: RADIOMICS_VERSION,
    [`${PREFIX}Configuration_Settings`]: JSON.stringify(s),
    [`${PREFIX}Configuration_EnabledImageTypes`]: JSON.stringify({ Original: {} }),
    [`${PREFIX}Configuration_NamingMode`]: ibsi ? "ibsi" : "pyradiomics",
  };
}

function minMaxMean(values: ArrayLike<number>): [number, number, number] {
  // Integer pixels convert to float64 exactly, so summing them in place matches numpy's mean of the float copy.
  return [...minMax(values), pairwiseSum(values) / values.length];
}

/** Image spacing, size and intensity range/mean over the whole image (PyRadiomics `addImageElements`). */
export function imageDiagnostics(stage: string, data: ArrayLike<number>, dims: Dims, spacingMm: number[]): Diagnostics {
  const [min, max, mean] = minMaxMean(data);
  const d: Diagnostics = {};
  if (stage === "original") d[`${PREFIX}Image-original_Dimensionality`] = "3D";
  d[`${PREFIX}Image-${stage}_Spacing`] = [...spacingMm];
  d[`${PREFIX}Image-${stage}_Size`] = [...dims];
  d[`${PREFIX}Image-${stage}_Mean`] = mean;
  d[`${PREFIX}Image-${stage}_Minimum`] = min;
  d[`${PREFIX}Image-${stage}_Maximum`] = max;
  return d;
}

/** Number of 26-connected components of the ROI (SimpleITK ConnectedComponent, fully connected). */
export function countComponents(binary: Uint8Array, dims: Dims): number {
  const [nx, ny, nz] = dims;
  // A one-voxel empty border makes every neighbour offset valid without bounds checks.
  const px = nx + 2, py = ny + 2;
  const padded = new Uint8Array(px * py * (nz + 2));
  for (let z = 0; z < nz; z++) for (let y = 0; y < ny; y++) {
    padded.set(binary.subarray(nx * (y + ny * z), nx * (y + 1 + ny * z)), 1 + px * (y + 1 + py * (z + 1)));
  }
  const offsets: number[] = [];
  for (let dz = -1; dz <= 1; dz++) for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
    if (dx || dy || dz) offsets.push(dx + px * (dy + py * dz));
  }
  // Every ROI voxel is pushed once, so the ROI size bounds the stack.
  const stack = new Int32Array(countOnes(binary) + 1);
  let components = 0;
  for (let seed = 0; seed < padded.length; seed++) {
    if (padded[seed] !== 1) continue;
    components++;
    let top = 0;
    stack[top++] = seed;
    padded[seed] = 2;
    while (top > 0) {
      const v = stack[--top];
      for (let a = 0; a < 26; a++) {
        const j = v + offsets[a];
        // Branch-free push (one spare stack slot): mark 1 -> 2 and keep j only when it was 1.
        const take = +(padded[j] === 1);
        padded[j] += take;
        stack[top] = j;
        top += take;
      }
    }
  }
  return components;
}

/**
 * Mask diagnostics (PyRadiomics `addMaskElements`): bounding box as [x, y, z, sizeX, sizeY, sizeZ],
 * voxel and component counts, centre of mass as voxel index and in world mm (the volume's frame,
 * RAS); with `image`, the ROI intensity mean and range.
 */
export function maskDiagnostics(
  stage: string,
  binary: Uint8Array,
  dims: Dims,
  spacingMm: number[],
  affine: Affine,
  image?: ArrayLike<number>,
): Diagnostics {
  const d: Diagnostics = {};
  const p = `${PREFIX}Mask-${stage}_`;
  d[`${p}Spacing`] = [...spacingMm];
  d[`${p}Size`] = [...dims];
  const box = boundingBox(binary, dims);
  if (!box) return d;
  d[`${p}BoundingBox`] = [...box.lo, box.hi[0] - box.lo[0] + 1, box.hi[1] - box.lo[1] + 1, box.hi[2] - box.lo[2] + 1];
  const n = countOnes(binary);
  d[`${p}VoxelNum`] = n;
  const cropped = cropToBox(binary, dims, box, (k) => new Uint8Array(k));
  d[`${p}VolumeNum`] = countComponents(cropped.data as Uint8Array, cropped.dims);
  const sums = [0, 0, 0];
  const roiValues: number[] = [];
  let i = 0;
  for (let z = 0; z < dims[2]; z++) for (let y = 0; y < dims[1]; y++) for (let x = 0; x < dims[0]; x++, i++) {
    if (!binary[i]) continue;
    sums[0] += x;
    sums[1] += y;
    sums[2] += z;
    if (image) roiValues.push(image[i]);
  }
  const c = sums.map((s) => s / n);
  d[`${p}CenterOfMassIndex`] = c;
  d[`${p}CenterOfMass`] = [0, 1, 2].map((r) => affine[r * 4] * c[0] + affine[r * 4 + 1] * c[1] + affine[r * 4 + 2] * c[2] + affine[r * 4 + 3]);
  if (image) {
    const [min, max, mean] = minMaxMean(roiValues);
    d[`${p}Mean`] = mean;
    d[`${p}Minimum`] = min;
    d[`${p}Maximum`] = max;
  }
  return d;
}
