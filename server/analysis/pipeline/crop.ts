/** Crops a volume to a voxel box (inclusive) with its affine moved to the box's origin. */
import type { Affine, VoxelData, Volume, Vec3 } from "../types";

export interface Box {
  min: Vec3;
  max: Vec3;
}

/** The box grown by `margin` voxels and clipped to the grid. */
export function growBox(box: Box, margin: number, dims: Vec3): Box {
  return {
    min: [0, 1, 2].map((a) => Math.max(0, box.min[a]! - margin)) as Vec3,
    max: [0, 1, 2].map((a) => Math.min(dims[a]! - 1, box.max[a]! + margin)) as Vec3,
  };
}

export function boxDims(box: Box): Vec3 {
  return [box.max[0] - box.min[0] + 1, box.max[1] - box.min[1] + 1, box.max[2] - box.min[2] + 1];
}

export function cropData<T extends VoxelData>(data: T, dims: Vec3, box: Box): T {
  const [cx, cy, cz] = boxDims(box);
  const out = new (data.constructor as new (n: number) => T)(cx * cy * cz);
  for (let z = 0; z < cz; z++) {
    for (let y = 0; y < cy; y++) {
      const src = box.min[0] + dims[0] * (box.min[1] + y + dims[1] * (box.min[2] + z));
      out.set(data.subarray(src, src + cx) as never, cx * (y + cy * z));
    }
  }
  return out;
}

/** Writes a crop's non-zero values back into a full-grid array. */
export function pasteNonZero(target: VoxelData, dims: Vec3, box: Box, crop: ArrayLike<number>): void {
  const [cx, cy, cz] = boxDims(box);
  for (let z = 0; z < cz; z++) {
    for (let y = 0; y < cy; y++) {
      const dst = box.min[0] + dims[0] * (box.min[1] + y + dims[1] * (box.min[2] + z));
      const src = cx * (y + cy * z);
      for (let x = 0; x < cx; x++) {
        const v = crop[src + x]!;
        if (v !== 0) target[dst + x] = v;
      }
    }
  }
}

/** The affine of a crop starting at voxel `min`: same axes, origin at that voxel. */
export function cropAffine(a: Affine, min: Vec3): Affine {
  const out = [...a] as Affine;
  for (let r = 0; r < 3; r++) out[r * 4 + 3] = a[r * 4]! * min[0] + a[r * 4 + 1]! * min[1] + a[r * 4 + 2]! * min[2] + a[r * 4 + 3]!;
  return out;
}

export function cropVolume(v: Volume, box: Box): Volume {
  return { data: cropData(v.data, v.dims, box), dims: boxDims(box), spacingMm: v.spacingMm, affine: cropAffine(v.affine, box.min) };
}
