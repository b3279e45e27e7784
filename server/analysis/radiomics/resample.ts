/**
 * Resampling to a new voxel spacing on PyRadiomics' grid (imageoperations.resampleImage):
 * the grid keeps the mask's direction, is aligned so that voxel corners of the old and new grids
 * coincide at the origin corner, covers the ROI bounding box plus `padDistance` new voxels, and
 * is clipped to the image. Values follow SimpleITK's ResampleImageFilter: trilinear (x, then y,
 * then z, no extrapolation at the border) or nearest neighbour, 0 outside the image, and results
 * cast back to the image's pixel type (integers truncated toward zero and clamped). SPEC P7-P9.
 */
import { AnalysisError } from "../errors";
import type { Affine, VoxelData } from "../types";
import type { BoundingBox, Dims, SubGrid } from "./preprocess";
import type { RadiomicsSettings } from "./settings";

export interface ResampleGrid {
  dims: Dims;
  spacingMm: [number, number, number];
  /** Continuous index, in the original grid, of the new grid's voxel 0 (per axis). */
  originIndex: [number, number, number];
  /** Original voxels per new voxel step (new spacing / old spacing). */
  step: [number, number, number];
  affine: Affine;
}

/**
 * The resampled grid, or null when the requested spacing equals the image's (np.allclose), in
 * which case PyRadiomics interpolates nothing. [P7]
 */
export function resampleGrid(dims: Dims, spacingMm: [number, number, number], affine: Affine, box: BoundingBox, s: RadiomicsSettings): ResampleGrid | null {
  const requested = s.resampledPixelSpacing!;
  const spacing = [0, 1, 2].map((d) => {
    // 0 keeps the original spacing; so does an axis along which the ROI is one voxel thick.
    if (requested[d] === 0 || box.hi[d] === box.lo[d]) return spacingMm[d];
    return requested[d];
  }) as [number, number, number];
  if (spacing.every((v, d) => Math.abs(spacingMm[d] - v) <= 1e-8 + 1e-5 * Math.abs(v))) return null;
  if (s.interpolator === "sitkBSpline") {
    throw new AnalysisError("UNSUPPORTED_SETTING", "setting interpolator: sitkBSpline (PyRadiomics' default) is not implemented; set interpolator to sitkLinear or sitkNearestNeighbor to resample");
  }
  const newDims = [0, 0, 0] as Dims;
  const originIndex = [0, 0, 0] as [number, number, number];
  const step = [0, 0, 0] as [number, number, number];
  for (let d = 0; d < 3; d++) {
    const ratio = spacingMm[d] / spacing[d];
    let lower = Math.floor((box.lo[d] - 0.5) * ratio - s.padDistance);
    let upper = Math.ceil((box.hi[d] + 1 - 0.5) * ratio + s.padDistance);
    const maxUpper = Math.ceil(dims[d] * ratio) - 1;
    if (lower < 0) lower = 0;
    if (upper > maxUpper) upper = maxUpper;
    newDims[d] = upper - lower + 1;
    // Voxel centres sit half a voxel from the shared corner: 0.5 (new - old) / old, in old voxels.
    originIndex[d] = (0.5 * (spacing[d] - spacingMm[d])) / spacingMm[d] + lower / ratio;
    step[d] = spacing[d] / spacingMm[d];
  }
  const a = affine;
  const newAffine = [...a] as Affine;
  for (let r = 0; r < 3; r++) {
    for (let c = 0; c < 3; c++) newAffine[r * 4 + c] = a[r * 4 + c] * step[c];
    newAffine[r * 4 + 3] = a[r * 4] * originIndex[0] + a[r * 4 + 1] * originIndex[1] + a[r * 4 + 2] * originIndex[2] + a[r * 4 + 3];
  }
  return { dims: newDims, spacingMm: spacing, originIndex, step, affine: newAffine };
}

/** Per output index along one axis: lower source index, upper source index and weight of the upper one. */
function axisSamples(n: number, size: number, origin: number, step: number, nearest: boolean) {
  const lo = new Int32Array(n);
  const hi = new Int32Array(n);
  const w = new Float64Array(n);
  const inside = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const c = origin + k * step;
    if (!(c >= -0.5 && c < size - 0.5)) continue;
    inside[k] = 1;
    if (nearest) {
      lo[k] = hi[k] = Math.floor(c + 0.5);
      continue;
    }
    const base = Math.max(Math.floor(c), 0);
    const distance = c - base;
    lo[k] = base;
    // ITK interpolates towards the next voxel only if the distance is positive and it exists.
    if (distance > 0 && base + 1 <= size - 1) {
      hi[k] = base + 1;
      w[k] = distance;
    } else {
      hi[k] = base;
    }
  }
  return { lo, hi, w, inside };
}

/**
 * Resample `data` (x fastest) onto `grid`. Returns float64 values before any pixel-type cast.
 * Trilinear interpolation computes a + (b - a) t along x, then y, then z, as ITK's
 * LinearInterpolateImageFunction. [P8]
 *
 * @param dims the grid `grid` was made for (sample positions and borders are taken in it)
 * @param sub when given, `data` covers only this part of `dims` and is 0 everywhere else (a mask
 *   cropped to its box): the same samples, read from the crop
 */
export function resampleValues(data: ArrayLike<number>, dims: Dims, grid: ResampleGrid, nearest: boolean, sub?: SubGrid): Float64Array {
  const [nx, ny] = sub ? sub.dims : dims;
  const [ox, oy, oz] = sub ? sub.origin : [0, 0, 0];
  const [, , nz] = sub ? sub.dims : dims;
  const ax = axisSamples(grid.dims[0], dims[0], grid.originIndex[0], grid.step[0], nearest);
  const ay = axisSamples(grid.dims[1], dims[1], grid.originIndex[1], grid.step[1], nearest);
  const az = axisSamples(grid.dims[2], dims[2], grid.originIndex[2], grid.step[2], nearest);
  const out = new Float64Array(grid.dims[0] * grid.dims[1] * grid.dims[2]);
  let i = 0;
  for (let z = 0; z < grid.dims[2]; z++) {
    for (let y = 0; y < grid.dims[1]; y++) {
      for (let x = 0; x < grid.dims[0]; x++, i++) {
        if (!(ax.inside[x] && ay.inside[y] && az.inside[z])) continue;
        const at = (xi: number, yi: number, zi: number) => {
          const x = xi - ox, y = yi - oy, z = zi - oz;
          return x >= 0 && x < nx && y >= 0 && y < ny && z >= 0 && z < nz ? data[x + nx * (y + ny * z)] : 0;
        };
        const [x0, x1, wx] = [ax.lo[x], ax.hi[x], ax.w[x]];
        const [y0, y1, wy] = [ay.lo[y], ay.hi[y], ay.w[y]];
        const [z0, z1, wz] = [az.lo[z], az.hi[z], az.w[z]];
        if (nearest) {
          out[i] = at(x0, y0, z0);
          continue;
        }
        const lerp = (a: number, b: number, t: number) => a + (b - a) * t;
        const c00 = lerp(at(x0, y0, z0), at(x1, y0, z0), wx);
        const c10 = lerp(at(x0, y1, z0), at(x1, y1, z0), wx);
        const c01 = lerp(at(x0, y0, z1), at(x1, y0, z1), wx);
        const c11 = lerp(at(x0, y1, z1), at(x1, y1, z1), wx);
        out[i] = lerp(lerp(c00, c10, wy), lerp(c01, c11, wy), wz);
      }
    }
  }
  return out;
}

/** Cast to the source pixel type as ITK does: clamp to the type's range, truncate integers. [P9] */
export function castLike(values: Float64Array, like: VoxelData): VoxelData {
  const Ctor = like.constructor as new (n: number) => VoxelData;
  const out = new Ctor(values.length);
  if (like instanceof Float32Array || like instanceof Float64Array) {
    out.set(values);
    return out;
  }
  const bits = like.BYTES_PER_ELEMENT * 8;
  const signed = like instanceof Int8Array || like instanceof Int16Array || like instanceof Int32Array;
  const min = signed ? -(2 ** (bits - 1)) : 0;
  const max = signed ? 2 ** (bits - 1) - 1 : 2 ** bits - 1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = v < min ? min : v > max ? max : Math.trunc(v);
  }
  return out;
}
