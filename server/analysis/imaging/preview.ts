/**
 * A reduced copy of a scan for a viewer's first paint (SPEC.md I85-I86): each f × f block of a
 * slice becomes one voxel, the slices stay. Pure; used by the volume route (server/imaging/).
 */
import { AnalysisError } from "../errors";
import type { Affine, Volume, VoxelData } from "../types";
import { spacingFromAffine } from "./affine";

/**
 * The mean of each `factor` × `factor` in-plane block (i, j), for every slice k; integer voxel
 * types are rounded to the nearest integer and keep their type [I85]. Columns and rows that do not
 * fill a whole block at the far edge are left out. The affine's first two columns are scaled by
 * `factor` and the origin moves to the centre of block (0, 0), so each reduced voxel sits at the
 * world centre of the voxels it averages [I86].
 */
export function previewVolume(vol: Volume, factor: number): Volume {
  const [nx, ny, nz] = vol.dims;
  if (!Number.isInteger(factor) || factor < 2) throw new AnalysisError("INVALID_INPUT", `previewVolume: factor ${factor} must be an integer >= 2`);
  if (nx < factor || ny < factor) throw new AnalysisError("INVALID_INPUT", `previewVolume: a ${nx}x${ny} slice is smaller than one ${factor}x${factor} block`);
  const mx = Math.floor(nx / factor);
  const my = Math.floor(ny / factor);
  const src = vol.data;
  const out = new (src.constructor as new (n: number) => VoxelData)(mx * my * nz);
  const round = !(src instanceof Float32Array || src instanceof Float64Array);
  const n = factor * factor;
  for (let k = 0; k < nz; k++) {
    for (let j = 0; j < my; j++) {
      for (let i = 0; i < mx; i++) {
        let sum = 0;
        for (let dj = 0; dj < factor; dj++) {
          const row = nx * (j * factor + dj + ny * k) + i * factor;
          for (let di = 0; di < factor; di++) sum += Number(src[row + di]);
        }
        out[i + mx * (j + my * k)] = round ? Math.round(sum / n) : sum / n;
      }
    }
  }
  const a = vol.affine;
  const shift = (factor - 1) / 2;
  const affine = [0, 1, 2].flatMap((r) => [a[4 * r]! * factor, a[4 * r + 1]! * factor, a[4 * r + 2]!, a[4 * r + 3]! + shift * (a[4 * r]! + a[4 * r + 1]!)]).concat([0, 0, 0, 1]) as Affine;
  return { data: out, dims: [mx, my, nz], spacingMm: spacingFromAffine(affine), affine };
}
