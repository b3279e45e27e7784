/**
 * Extraction diagnostics in the spirit of PyRadiomics' generalinfo.py (`diagnostics_*` keys):
 * configuration, and per stage (original, interpolated, resegmented) the image and mask
 * geometry, ROI bounding box, voxel count, connected-component count and centre of mass.
 * SPEC X5.
 */
import type { Affine } from "../types";
import { minMax, pairwiseSum } from "./numeric";
import { boundingBox, countOnes, imageRow, wholeGrid, type BoundingBox, type Dims, type SubGrid } from "./preprocess";
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

/**
 * Number of 26-connected components of the ROI (SimpleITK ConnectedComponent, fully connected),
 * within `box` (default: the whole grid; it must hold every ROI voxel). Union-find over the x-runs
 * of ROI voxels: a run joins the runs of the four earlier neighbouring rows ((y-1, z), and y-1..y+1
 * at z-1) that it overlaps or touches diagonally, so memory follows the number of runs (about the
 * box's cross-section for a compact ROI), not the number of voxels.
 */
export function countComponents(binary: Uint8Array, dims: Dims, box: BoundingBox | null = boundingBox(binary, dims)): number {
  if (!box) return 0;
  const [nx, ny] = dims;
  const [x0, y0, z0] = box.lo;
  const [x1, y1, z1] = box.hi;
  const rowsY = y1 - y0 + 1;
  const rows = rowsY * (z1 - z0 + 1);
  // Runs of row r are rowFirst[r] .. rowFirst[r + 1] - 1.
  const rowFirst = new Int32Array(rows + 1);
  let count = 0;
  for (let z = z0, r = 0; z <= z1; z++) for (let y = y0; y <= y1; y++, r++) {
    rowFirst[r] = count;
    const row = nx * (y + ny * z);
    for (let x = x0, prev = 0; x <= x1; x++) {
      const v = binary[row + x];
      if (v && !prev) count++;
      prev = v;
    }
  }
  rowFirst[rows] = count;
  const start = new Int32Array(count);
  const end = new Int32Array(count);
  for (let z = z0, n = 0; z <= z1; z++) for (let y = y0; y <= y1; y++) {
    const row = nx * (y + ny * z);
    for (let x = x0; x <= x1; x++) {
      if (!binary[row + x]) continue;
      start[n] = x;
      while (x < x1 && binary[row + x + 1]) x++;
      end[n++] = x;
    }
  }
  const parent = new Int32Array(count);
  for (let n = 0; n < count; n++) parent[n] = n;
  const find = (a: number) => {
    while (parent[a] !== a) a = parent[a] = parent[parent[a]];
    return a;
  };
  let components = count;
  for (let r = 0; r < rows; r++) {
    const y = r % rowsY;
    const z = (r - y) / rowsY;
    for (const [dy, dz] of EARLIER_ROWS) {
      if (y + dy < 0 || y + dy >= rowsY || z + dz < 0) continue;
      const other = r + dy + rowsY * dz;
      // Both rows' runs are in x order: skip the other row's runs that end before this run starts.
      let first = rowFirst[other];
      const last = rowFirst[other + 1];
      for (let n = rowFirst[r]; n < rowFirst[r + 1]; n++) {
        while (first < last && end[first] < start[n] - 1) first++;
        for (let m = first; m < last && start[m] <= end[n] + 1; m++) {
          const a = find(n);
          const b = find(m);
          if (a !== b) {
            parent[a] = b;
            components--;
          }
        }
      }
    }
  }
  return components;
}

/** (dy, dz) of the rows before a row in scan order among its eight 26-neighbouring rows. */
const EARLIER_ROWS: readonly [number, number][] = [[-1, 0], [-1, -1], [0, -1], [1, -1]];

/**
 * Mask diagnostics (PyRadiomics `addMaskElements`): bounding box as [x, y, z, sizeX, sizeY, sizeZ],
 * voxel and component counts, centre of mass as voxel index and in world mm (the volume's frame,
 * RAS); with `image`, the ROI intensity mean and range.
 *
 * @param binary the ROI over `sub` (default: the whole grid `dims`); coordinates, the size and
 *   `image` refer to the grid `sub` is cut from
 */
export function maskDiagnostics(
  stage: string,
  binary: Uint8Array,
  dims: Dims,
  spacingMm: number[],
  affine: Affine,
  image?: ArrayLike<number>,
  sub: SubGrid = wholeGrid(dims),
): Diagnostics {
  const d: Diagnostics = {};
  const p = `${PREFIX}Mask-${stage}_`;
  d[`${p}Spacing`] = [...spacingMm];
  d[`${p}Size`] = [...sub.imageDims];
  const box = boundingBox(binary, sub.dims);
  if (!box) return d;
  const [ox, oy, oz] = sub.origin;
  d[`${p}BoundingBox`] = [box.lo[0] + ox, box.lo[1] + oy, box.lo[2] + oz, box.hi[0] - box.lo[0] + 1, box.hi[1] - box.lo[1] + 1, box.hi[2] - box.lo[2] + 1];
  const n = countOnes(binary);
  d[`${p}VoxelNum`] = n;
  d[`${p}VolumeNum`] = countComponents(binary, sub.dims, box);
  const sums = [0, 0, 0];
  const roiValues = new Float64Array(image ? n : 0);
  let i = 0;
  let k = 0;
  for (let z = 0; z < sub.dims[2]; z++) for (let y = 0; y < sub.dims[1]; y++) {
    const row = imageRow(sub, y, z);
    for (let x = 0; x < sub.dims[0]; x++, i++) {
      if (!binary[i]) continue;
      // Image-grid coordinates, added in the same voxel order as over the whole grid.
      sums[0] += x + ox;
      sums[1] += y + oy;
      sums[2] += z + oz;
      if (image) roiValues[k++] = image[row + x];
    }
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
