/**
 * The discretised ROI cropped to its bounding box, the input of every texture family.
 * Voxel order is the core's (x fastest), which is numpy's C order over [z][y][x], so loops over
 * it visit voxels in the same order as PyRadiomics' C code (this matters for float sums).
 *
 * The box is stored once, with an empty border so neighbour lookups need no bounds checks, and
 * every family reads that one copy: its grey levels are 16-bit whenever the highest level allows
 * (it nearly always does), and the ROI voxels are listed once, as indices into it.
 */
import type { Angle } from "./angles";

/** Grey levels per voxel: 16-bit unless a level exceeds 65535 (a very fine discretisation). */
export type LevelArray = Uint16Array | Int32Array;

/** The grid with a zero border of `pad` voxels on every side. */
export interface PaddedGrid {
  dims: [number, number, number];
  /** Discretised grey level per voxel, 1..maxLevel inside the ROI, 0 outside and on the border. */
  levels: LevelArray;
  /** Linear indices (in the padded grid) of the ROI voxels, in C order. */
  roi: Int32Array;
  /** Border width in voxels (at least 1). */
  pad: number;
}

export interface RoiGrid {
  /** Bounding-box size in voxels, [nx, ny, nz]. */
  dims: [number, number, number];
  /** Highest level present (PyRadiomics `Ng`). */
  maxLevel: number;
  /** Levels present in the ROI, ascending (PyRadiomics `grayLevels`). */
  presentLevels: Int32Array;
  /** Number of ROI voxels (PyRadiomics `Np`). */
  nVoxels: number;
  /** Voxel spacing in mm, [x, y, z] (used by distance weighting). */
  spacingMm: [number, number, number];
  /** The box with its border: the one copy of the levels every family reads (read-only). */
  padded: PaddedGrid;
}

/** A level array for levels up to `maxLevel`. */
export function levelArray(maxLevel: number, length: number): LevelArray {
  return maxLevel <= 0xffff ? new Uint16Array(length) : new Int32Array(length);
}

/** Padded dims of a box. */
export function paddedDims(dims: [number, number, number], pad: number): [number, number, number] {
  return [dims[0] + 2 * pad, dims[1] + 2 * pad, dims[2] + 2 * pad];
}

/**
 * Complete a grid from its padded levels and ROI voxel list: Ng, the levels present and Np.
 * `roi` must list exactly the non-zero voxels of `levels`, in ascending order.
 */
export function roiGridFromPadded(
  levels: LevelArray,
  roi: Int32Array,
  dims: [number, number, number],
  pad: number,
  spacingMm: [number, number, number],
): RoiGrid {
  let maxLevel = 0;
  for (let v = 0; v < roi.length; v++) if (levels[roi[v]] > maxLevel) maxLevel = levels[roi[v]];
  const seen = new Uint8Array(maxLevel + 1);
  for (let v = 0; v < roi.length; v++) seen[levels[roi[v]]] = 1;
  let nPresent = 0;
  for (let l = 1; l <= maxLevel; l++) nPresent += seen[l];
  const presentLevels = new Int32Array(nPresent);
  for (let l = 1, k = 0; l <= maxLevel; l++) if (seen[l]) presentLevels[k++] = l;
  return { dims, maxLevel, presentLevels, nVoxels: roi.length, spacingMm, padded: { dims: paddedDims(dims, pad), levels, roi, pad } };
}

/** Build a RoiGrid from a cropped level volume (levels 1.., 0 outside the ROI), padded by `pad` (default 1). */
export function makeRoiGrid(
  levels: ArrayLike<number>,
  dims: [number, number, number],
  spacingMm: [number, number, number],
  pad = 1,
): RoiGrid {
  const [nx, ny, nz] = dims;
  const [px, py, pz] = paddedDims(dims, pad);
  let maxLevel = 0;
  let nVoxels = 0;
  for (let i = 0; i < levels.length; i++) {
    const l = levels[i];
    if (l > 0) {
      nVoxels++;
      if (l > maxLevel) maxLevel = l;
    }
  }
  const padded = levelArray(maxLevel, px * py * pz);
  const roi = new Int32Array(nVoxels);
  let k = 0;
  for (let z = 0; z < nz; z++) {
    for (let y = 0; y < ny; y++) {
      const src = nx * (y + ny * z);
      const dst = pad + px * (y + pad + py * (z + pad));
      for (let x = 0; x < nx; x++) {
        const l = levels[src + x];
        if (l > 0) {
          padded[dst + x] = l;
          roi[k++] = dst + x;
        }
      }
    }
  }
  return roiGridFromPadded(padded, roi, dims, pad, spacingMm);
}

/** Bounding-box size in numpy axis order (z, y, x), as PyRadiomics passes it to its angle generator. */
export function sizeZyx(dims: [number, number, number]): [number, number, number] {
  return [dims[2], dims[1], dims[0]];
}

const widerCache = new WeakMap<RoiGrid, Map<number, PaddedGrid>>();

/**
 * The grid with at least `pad` empty voxels on every side. Offsets are taken in the padded
 * grid's dims, so any border at least as wide as a family's reach serves it: usually the grid's
 * own copy is returned; a wider one (distances beyond the grid's border) is built once and cached.
 */
export function padGrid(grid: RoiGrid, pad: number): PaddedGrid {
  if (grid.padded.pad >= pad) return grid.padded;
  let byPad = widerCache.get(grid);
  if (!byPad) widerCache.set(grid, (byPad = new Map()));
  let padded = byPad.get(pad);
  if (!padded) byPad.set(pad, (padded = repad(grid, pad)));
  return padded;
}

function repad(grid: RoiGrid, pad: number): PaddedGrid {
  const source = grid.padded;
  const [sx, sy] = source.dims;
  const dims = paddedDims(grid.dims, pad);
  const [px, py] = dims;
  const shift = pad - source.pad;
  const levels = levelArray(grid.maxLevel, dims[0] * dims[1] * dims[2]);
  const roi = new Int32Array(source.roi.length);
  for (let v = 0; v < roi.length; v++) {
    const i = source.roi[v];
    const x = i % sx;
    const y = Math.floor(i / sx) % sy;
    const z = Math.floor(i / (sx * sy));
    const j = x + shift + px * (y + shift + py * (z + shift));
    levels[j] = source.levels[i];
    roi[v] = j;
  }
  return { dims, levels, roi, pad };
}

/** Linear index offset of a direction (numpy order [dz, dy, dx]) in a grid of the given dims. */
export function angleOffset(angle: Angle, dims: [number, number, number]): number {
  return angle[2] + dims[0] * (angle[1] + dims[1] * angle[0]);
}

/** Map from a level (1..maxLevel) to its index among the present levels, -1 when absent. */
export function levelIndex(grid: RoiGrid): Int32Array {
  const index = new Int32Array(grid.maxLevel + 1).fill(-1);
  grid.presentLevels.forEach((l, i) => {
    index[l] = i;
  });
  return index;
}

/** Grey level of each ROI voxel, in C order (PyRadiomics' discretised ROI as a vector). */
export function roiLevels(grid: RoiGrid): LevelArray {
  const { levels, roi } = grid.padded;
  const out = levelArray(grid.maxLevel, roi.length);
  for (let v = 0; v < roi.length; v++) out[v] = levels[roi[v]];
  return out;
}
