/**
 * Image/mask grid agreement (SPEC.md I40-I42).
 */
import { AnalysisError } from "../errors";
import type { LabelMap, Volume } from "../types";
import { spacingFromAffine, voxelToWorld, worldToVoxel } from "./affine";

/** Default tolerance: a fraction of the smallest voxel spacing (1e-3 -> 1 um for 1 mm voxels). */
export const GRID_TOLERANCE = 1e-3;

type Grid = Pick<Volume, "dims" | "affine"> & { data: { length: number } };

function fmt(v: number[]): string {
  return `(${v.map((x) => +x.toFixed(4)).join(", ")})`;
}

/**
 * Describes how two grids differ, or returns null when they agree: equal dims, and every voxel
 * centre at the same world position within `relTolerance` x the smallest spacing of `a` [I40].
 * The largest displacement of a linear map over a box is at a corner, so the 8 corner voxels
 * (and the affines' translation through voxel 0) bound it for the whole grid.
 */
export function gridMismatch(a: Grid, b: Grid, relTolerance = GRID_TOLERANCE): string | null {
  const [nx, ny, nz] = a.dims;
  if (a.dims[0] !== b.dims[0] || a.dims[1] !== b.dims[1] || a.dims[2] !== b.dims[2]) {
    return `dims differ: image ${a.dims.join("x")}, mask ${b.dims.join("x")}`;
  }
  const tolMm = relTolerance * Math.min(...spacingFromAffine(a.affine));
  let worst = { d: -1, ijk: [0, 0, 0] as [number, number, number] };
  for (const i of [0, nx - 1]) for (const j of [0, ny - 1]) for (const k of [0, nz - 1]) {
    const pa = voxelToWorld(a.affine, [i, j, k]);
    const pb = voxelToWorld(b.affine, [i, j, k]);
    const d = Math.hypot(pa[0] - pb[0], pa[1] - pb[1], pa[2] - pb[2]);
    if (d > worst.d) worst = { d, ijk: [i, j, k] };
  }
  if (worst.d > tolMm) {
    const pa = voxelToWorld(a.affine, worst.ijk);
    const pb = voxelToWorld(b.affine, worst.ijk);
    return (
      `affines differ: voxel ${fmt(worst.ijk)} is at ${fmt(pa)} mm in the image and ${fmt(pb)} mm in the mask, ` +
      `${+worst.d.toPrecision(4)} mm apart (tolerance ${+tolMm.toPrecision(3)} mm); ` +
      `spacing ${fmt(spacingFromAffine(a.affine))} vs ${fmt(spacingFromAffine(b.affine))} mm, ` +
      `origin ${fmt([a.affine[3], a.affine[7], a.affine[11]])} vs ${fmt([b.affine[3], b.affine[7], b.affine[11]])} mm`
    );
  }
  return null;
}

/**
 * Throws MASK_IMAGE_MISMATCH unless the mask lies on the image's grid (see {@link gridMismatch})
 * [I40]; INVALID_INPUT when a voxel array does not match its own dims [I41].
 * @param relTolerance allowed voxel-centre displacement as a fraction of the smallest image spacing.
 */
export function assertSameGrid(image: Volume, mask: Volume | LabelMap, relTolerance = GRID_TOLERANCE): void {
  for (const [what, g] of [["image", image], ["mask", mask]] as const) {
    const n = g.dims[0] * g.dims[1] * g.dims[2];
    if (g.data.length !== n) {
      throw new AnalysisError("INVALID_INPUT", `${what} has ${g.data.length} voxels but dims ${g.dims.join("x")} need ${n}`);
    }
  }
  const why = gridMismatch(image, mask, relTolerance);
  if (why) throw new AnalysisError("MASK_IMAGE_MISMATCH", `mask is not on the image grid: ${why}`);
}

/**
 * Places a label map saved on a sub-grid of the image (3D Slicer crops .seg.nrrd to the segments'
 * extent) onto the image grid: same voxel axes and spacing, origin shifted by whole voxels [I42].
 * Label voxels that fall outside the image are an error, not silently dropped.
 * @returns a label map with the image's dims and affine and the mask's array type.
 */
export function placeOnImageGrid(image: Volume, mask: LabelMap, relTolerance = GRID_TOLERANCE): LabelMap {
  const toImage = (p: [number, number, number]) => worldToVoxel(image.affine, p);
  const tolVoxels = relTolerance;
  // The mask's voxel axes must map to the image's unit voxel steps.
  for (let c = 0; c < 3; c++) {
    const o = toImage([mask.affine[3], mask.affine[7], mask.affine[11]]);
    const step = toImage([mask.affine[3] + mask.affine[c], mask.affine[7] + mask.affine[4 + c], mask.affine[11] + mask.affine[8 + c]]);
    const d = [step[0] - o[0], step[1] - o[1], step[2] - o[2]];
    d[c] -= 1;
    if (Math.hypot(d[0], d[1], d[2]) > tolVoxels) {
      throw new AnalysisError("MASK_IMAGE_MISMATCH", `mask axis ${c} is not the image's axis ${c} with the same spacing; resampling is not supported`);
    }
  }
  const shift = toImage([mask.affine[3], mask.affine[7], mask.affine[11]]);
  const off = shift.map(Math.round) as [number, number, number];
  if (shift.some((s, n) => Math.abs(s - off[n]) > tolVoxels)) {
    throw new AnalysisError("MASK_IMAGE_MISMATCH", `mask origin is ${fmt(shift)} image voxels from the image origin, not a whole-voxel shift`);
  }
  const [nx, ny, nz] = image.dims;
  const [mx, my, mz] = mask.dims;
  const Ctor = mask.data.constructor as new (n: number) => LabelMap["data"];
  const out = new Ctor(nx * ny * nz);
  for (let k = 0; k < mz; k++) for (let j = 0; j < my; j++) for (let i = 0; i < mx; i++) {
    const v = mask.data[i + mx * (j + my * k)];
    if (v === 0) continue;
    const x = i + off[0], y = j + off[1], z = k + off[2];
    if (x < 0 || y < 0 || z < 0 || x >= nx || y >= ny || z >= nz) {
      throw new AnalysisError("MASK_IMAGE_MISMATCH", `mask voxel (${i}, ${j}, ${k}) with label ${v} lies outside the image, at image voxel (${x}, ${y}, ${z})`);
    }
    out[x + nx * (y + ny * z)] = v;
  }
  return { data: out, dims: [nx, ny, nz], spacingMm: image.spacingMm, affine: image.affine };
}
