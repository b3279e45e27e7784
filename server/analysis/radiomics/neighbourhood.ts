/**
 * One pass over every ROI voxel's neighbourhood (all ROI voxels within Chebyshev distance
 * `distances`, 26 by default, 8 in-plane with force2D) that yields both the NGTDM sums
 * (cmatrices.c `calculate_ngtdm`) and the GLDM dependence counts (`calculate_gldm`), since the
 * two families share the neighbourhood. SPEC N5, M1.
 */
import { generateAngles } from "./angles";
import { angleOffset, levelIndex, padGrid, sizeZyx, type RoiGrid } from "./roi-grid";

export interface NeighbourhoodScan {
  /** Voxels per grey level (index = level). */
  count: Float64Array;
  /** Sum over voxels of |level - mean of its ROI neighbours| per grey level (0 without neighbours). */
  sumDiff: Float64Array;
  /** Voxels per (present level, number of dependent neighbours): row-major, `width` columns. */
  dependence: Float64Array;
  width: number;
}

/**
 * @param alpha a neighbour is dependent when |i - j| <= alpha (PyRadiomics `gldm_a`)
 */
export function scanNeighbourhoods(grid: RoiGrid, distances: readonly number[], force2Ddimension: number, alpha: number): NeighbourhoodScan {
  const padded = padGrid(grid, Math.max(...distances));
  const offsets = Int32Array.from(generateAngles(sizeZyx(grid.dims), distances, true, force2Ddimension), (a) => angleOffset(a, padded.dims));
  const levels = padded.levels;
  const roi = padded.roi;
  const nOffsets = offsets.length;
  const count = new Float64Array(grid.maxLevel + 1);
  const sumDiff = new Float64Array(grid.maxLevel + 1);
  const width = nOffsets + 1;
  const dependence = new Float64Array(grid.presentLevels.length * width);
  const index = levelIndex(grid);
  for (let v = 0; v < roi.length; v++) {
    const i = roi[v];
    const gl = levels[i];
    let n = 0;
    let sum = 0;
    let dependent = 0;
    for (let a = 0; a < nOffsets; a++) {
      const l = levels[i + offsets[a]];
      // Branch-free: on noisy images these comparisons are unpredictable. Levels are small
      // integers, so the sum is exact in any order, as in PyRadiomics' C loop.
      const inRoi = +(l > 0);
      n += inRoi;
      sum += l;
      dependent += inRoi & +(Math.abs(gl - l) <= alpha);
    }
    count[gl]++;
    // PyRadiomics: diff = image[i] - sum / count, absolute value; 0 when no neighbour is in the ROI.
    sumDiff[gl] += n === 0 ? 0 : Math.abs(gl - sum / n);
    dependence[index[gl] * width + dependent]++;
  }
  return { count, sumDiff, dependence, width };
}
