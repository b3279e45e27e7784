/**
 * The discretised ROI cropped to its bounding box, the input of every texture family.
 * Voxel order is the core's (x fastest), which is numpy's C order over [z][y][x], so loops over
 * it visit voxels in the same order as PyRadiomics' C code (this matters for float sums).
 */
import type { Angle } from "./angles";

export interface RoiGrid {
  /** Bounding-box size in voxels, [nx, ny, nz]. */
  dims: [number, number, number];
  /** Discretised grey level per voxel, 1..maxLevel inside the ROI, 0 outside. */
  levels: Int32Array;
  /** Highest level present (PyRadiomics `Ng`). */
  maxLevel: number;
  /** Levels present in the ROI, ascending (PyRadiomics `grayLevels`). */
  presentLevels: Int32Array;
  /** Number of ROI voxels (PyRadiomics `Np`). */
  nVoxels: number;
  /** Voxel spacing in mm, [x, y, z] (used by distance weighting). */
  spacingMm: [number, number, number];
}

/** The grid with a zero border so neighbour lookups need no bounds checks. */
export interface PaddedGrid {
  dims: [number, number, number];
  levels: Int32Array;
  /** Linear indices (in the padded grid) of the ROI voxels, in C order. */
  roi: Int32Array;
}

/** Build a RoiGrid from a cropped level volume. */
export function makeRoiGrid(
  levels: Int32Array,
  dims: [number, number, number],
  spacingMm: [number, number, number],
): RoiGrid {
  let maxLevel = 0;
  let nVoxels = 0;
  for (let i = 0; i < levels.length; i++) {
    const l = levels[i];
    if (l > 0) {
      nVoxels++;
      if (l > maxLevel) maxLevel = l;
    }
  }
  const seen = new Uint8Array(maxLevel + 1);
  for (let i = 0; i < levels.length; i++) seen[levels[i]] = 1;
  const present: number[] = [];
  for (let l = 1; l <= maxLevel; l++) if (seen[l]) present.push(l);
  return { dims, levels, maxLevel, presentLevels: Int32Array.from(present), nVoxels, spacingMm };
}

/** Bounding-box size in numpy axis order (z, y, x), as PyRadiomics passes it to its angle generator. */
export function sizeZyx(dims: [number, number, number]): [number, number, number] {
  return [dims[2], dims[1], dims[0]];
}

const paddedCache = new WeakMap<RoiGrid, Map<number, PaddedGrid>>();

/**
 * The grid with `pad` empty voxels on every side. Families share it (it is read-only), so one
 * extraction builds it once per padding width.
 */
export function padGrid(grid: RoiGrid, pad: number): PaddedGrid {
  let byPad = paddedCache.get(grid);
  if (!byPad) paddedCache.set(grid, (byPad = new Map()));
  let padded = byPad.get(pad);
  if (!padded) byPad.set(pad, (padded = buildPadded(grid, pad)));
  return padded;
}

function buildPadded(grid: RoiGrid, pad: number): PaddedGrid {
  const [nx, ny, nz] = grid.dims;
  const px = nx + 2 * pad;
  const py = ny + 2 * pad;
  const pz = nz + 2 * pad;
  const levels = new Int32Array(px * py * pz);
  const roi = new Int32Array(grid.nVoxels);
  let k = 0;
  for (let z = 0; z < nz; z++) {
    for (let y = 0; y < ny; y++) {
      const src = nx * (y + ny * z);
      const dst = pad + px * (y + pad + py * (z + pad));
      for (let x = 0; x < nx; x++) {
        const l = grid.levels[src + x];
        levels[dst + x] = l;
        if (l > 0) roi[k++] = dst + x;
      }
    }
  }
  return { dims: [px, py, pz], levels, roi };
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
