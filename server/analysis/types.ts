/**
 * Plain data shared by the analysis core. No framework types here.
 *
 * Voxel order: x fastest, then y, then z: index = x + dims[0] * (y + dims[1] * z).
 * World frame: RAS+ millimetres (NIfTI convention); NRRD LPS is converted on read.
 */
export type VoxelData =
  | Float32Array
  | Float64Array
  | Int8Array
  | Uint8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array;

/** A 4x4 voxel-to-world affine, row-major: world = A * [i, j, k, 1]. */
export type Affine = [
  number, number, number, number,
  number, number, number, number,
  number, number, number, number,
  number, number, number, number,
];

export interface Volume {
  data: VoxelData;
  dims: [number, number, number];
  spacingMm: [number, number, number];
  affine: Affine;
}

/** A label map on the same grid as its image; 0 is background. */
export interface LabelMap {
  data: Uint8Array | Uint16Array | Int16Array | Int32Array | Uint32Array | Int8Array | Float32Array | Float64Array;
  dims: [number, number, number];
  spacingMm: [number, number, number];
  affine: Affine;
}

export type Vec3 = [number, number, number];
