/**
 * Lesion centroids from a label volume, in world mm: the fallback when the analyses have not
 * stored a lesion's centroid for a timepoint. One pass over the voxels (x fastest, then y, z).
 */
import type { Vec3Mm } from "./types";

/** A voxel-to-world affine as four rows (NIfTI sform/qform as NiiVue's `hdr.affine` holds it). */
export type AffineRows = number[][];

export function voxelToWorld(affine: AffineRows, [i, j, k]: Vec3Mm): Vec3Mm {
  const row = (r: number) => affine[r]![0]! * i + affine[r]![1]! * j + affine[r]![2]! * k + affine[r]![3]!;
  return [row(0), row(1), row(2)];
}

/**
 * The centroid (mean voxel position, mapped through the affine) of each non-zero label.
 * Labels are rounded to integers, as a label map's values are.
 */
export function labelCentroidsMm(data: ArrayLike<number>, dims: readonly [number, number, number], affine: AffineRows): Map<number, Vec3Mm> {
  const [nx, ny, nz] = dims;
  if (data.length < nx * ny * nz) throw new Error(`label volume has ${data.length} voxels, dims ${dims.join("x")} need ${nx * ny * nz}`);
  const sums = new Map<number, [number, number, number, number]>();
  let p = 0;
  for (let k = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++, p++) {
        const v = data[p]!;
        if (v === 0 || !Number.isFinite(v)) continue;
        const label = Math.round(v);
        const s = sums.get(label);
        if (s) {
          s[0] += i;
          s[1] += j;
          s[2] += k;
          s[3]++;
        } else sums.set(label, [i, j, k, 1]);
      }
    }
  }
  const out = new Map<number, Vec3Mm>();
  for (const [label, [si, sj, sk, n]] of sums) out.set(label, voxelToWorld(affine, [si / n, sj / n, sk / n]));
  return out;
}
