/**
 * Grid checks and the lesion bounding box shared by the heterogeneity and biopsy code.
 * Voxel order follows `types.ts`: index = x + nx * (y + ny * z).
 */
import { AnalysisError } from "../errors";
import { maskBounds } from "../imaging/marching-cubes";
import type { Vec3 } from "../types";

export type Dims = readonly [number, number, number];

/** Inclusive voxel bounds of the lesion. */
export interface BoundingBox {
  min: Vec3;
  max: Vec3;
}

/**
 * Throws `MASK_IMAGE_MISMATCH` unless every array has nx * ny * nz elements, and
 * `INVALID_INPUT` for non-integer or non-positive dims.
 */
export function checkGrid(dims: Dims, arrays: Record<string, ArrayLike<number>>): number {
  const [nx, ny, nz] = dims;
  if (![nx, ny, nz].every((d) => Number.isInteger(d) && d > 0)) {
    throw new AnalysisError("INVALID_INPUT", `dims must be positive integers, got [${dims.join(", ")}]`);
  }
  const n = nx * ny * nz;
  for (const [name, arr] of Object.entries(arrays)) {
    if (arr.length !== n) {
      throw new AnalysisError("MASK_IMAGE_MISMATCH", `${name} has ${arr.length} voxels, the grid ${nx}x${ny}x${nz} has ${n}`);
    }
  }
  return n;
}

/** Throws `INVALID_INPUT` unless the three spacings are finite and positive (mm). */
export function checkSpacing(spacingMm: Dims): void {
  if (spacingMm.length !== 3 || !spacingMm.every((s) => Number.isFinite(s) && s > 0)) {
    throw new AnalysisError("INVALID_INPUT", `spacingMm must be three positive numbers, got [${spacingMm.join(", ")}]`);
  }
}

/**
 * Bounding box of the voxels where `mask` is non-zero.
 * Throws `EMPTY_MASK` when there are none: every caller needs at least one lesion voxel.
 */
export function lesionBoundingBox(mask: ArrayLike<number>, dims: Dims): BoundingBox {
  const box = maskBounds(mask, [dims[0], dims[1], dims[2]]);
  if (!box) throw new AnalysisError("EMPTY_MASK", "the lesion mask has no voxels");
  return box;
}
