/**
 * Lesions in a segmentation (SPEC.md I50-I54): one per label value, or one per 26-connected
 * component of a binary mask (DESIGN.md 2.1).
 */
import { AnalysisError } from "../errors";
import type { LabelMap, Vec3 } from "../types";

/** Only the voxels and grid of a label map are needed. */
export type MaskGrid = Pick<LabelMap, "data" | "dims">;

/** One lesion: its label, size, bounding box and its voxels cropped to that box. */
export interface Lesion {
  /** Label value, or component number (1, 2, ... by first voxel in x-fastest order) for a binary mask. */
  label: number;
  voxelCount: number;
  /** Inclusive voxel bounding box. */
  bboxMin: Vec3;
  bboxMax: Vec3;
  /** 1 where the voxel belongs to the lesion, over the box, x fastest: dims = bboxMax - bboxMin + 1. */
  crop: Uint8Array;
}

/** Foreground runs along x, one list per (y, z) row, in scan order. */
interface Runs {
  start: Int32Array;
  end: Int32Array; // inclusive
  row: Int32Array;
  rowFirst: Int32Array; // runs of row r are rowFirst[r] .. rowFirst[r + 1] - 1
  count: number;
}

/**
 * One pass over the voxels: validates values, tells binary from label masks and counts the x-runs
 * of non-zero voxels (so the run arrays can be allocated exactly).
 */
function scanMask(mask: MaskGrid): { binary: boolean; runCount: number } {
  const { data, dims } = mask;
  const nx = dims[0];
  if (data.length !== nx * dims[1] * dims[2]) {
    throw new AnalysisError("INVALID_INPUT", `mask has ${data.length} voxels but dims ${dims.join("x")}`);
  }
  let binary = true, runCount = 0;
  for (let rowStart = 0; rowStart < data.length; rowStart += nx) {
    let prev = 0;
    for (let p = rowStart, end = rowStart + nx; p < end; p++) {
      const v = data[p];
      if (v === 0) { prev = 0; continue; }
      if (!prev) runCount++;
      prev = 1;
      if (v !== 1) {
        binary = false;
        if (!Number.isInteger(v) || v < 0) {
          throw new AnalysisError("INVALID_INPUT", `mask voxel ${p} has value ${v}; labels must be non-negative integers`);
        }
      }
    }
  }
  if (runCount === 0) throw new AnalysisError("EMPTY_MASK", "the mask has no non-zero voxel");
  return { binary, runCount };
}

function buildRuns(data: MaskGrid["data"], nx: number, rows: number, count: number): Runs {
  const runs: Runs = { start: new Int32Array(count), end: new Int32Array(count), row: new Int32Array(count), rowFirst: new Int32Array(rows + 1), count };
  let n = 0;
  for (let r = 0, p = 0; r < rows; r++) {
    runs.rowFirst[r] = n;
    for (let x = 0; x < nx; x++, p++) {
      if (data[p] === 0) continue;
      const s = x;
      while (x + 1 < nx && data[p + 1] !== 0) { x++; p++; }
      runs.start[n] = s; runs.end[n] = x; runs.row[n] = r; n++;
    }
  }
  runs.rowFirst[rows] = n;
  return runs;
}

function find(parent: Int32Array, a: number): number {
  while (parent[a] !== a) {
    parent[a] = parent[parent[a]];
    a = parent[a];
  }
  return a;
}

/**
 * 26-connected components of runs: a run joins every run in the 9 neighbouring rows of the
 * previous y / z that overlaps it within one voxel in x. Returns each run's component number,
 * numbered 1.. in order of first run (= first voxel in x-fastest order) [I51].
 */
function componentsOfRuns(runs: Runs, ny: number, nz: number): { comp: Int32Array; n: number } {
  const parent = new Int32Array(runs.count);
  for (let n = 0; n < runs.count; n++) parent[n] = n;
  const neighbours: Array<[number, number]> = [[-1, 0], [-1, -1], [0, -1], [1, -1]];
  for (let n = 0; n < runs.count; n++) {
    const r = runs.row[n];
    const y = r % ny, z = (r - y) / ny;
    for (const [dy, dz] of neighbours) {
      const yy = y + dy, zz = z + dz;
      if (yy < 0 || yy >= ny || zz < 0 || zz >= nz) continue;
      const rr = yy + ny * zz;
      for (let m = runs.rowFirst[rr]; m < runs.rowFirst[rr + 1]; m++) {
        if (runs.start[m] > runs.end[n] + 1) break;
        if (runs.end[m] < runs.start[n] - 1) continue;
        const a = find(parent, n), b = find(parent, m);
        // Keep the smaller (earlier) run as root so component order follows the first voxel.
        if (a !== b) { if (a < b) parent[b] = a; else parent[a] = b; }
      }
    }
  }
  const comp = new Int32Array(runs.count);
  const number = new Int32Array(runs.count);
  let next = 0;
  for (let n = 0; n < runs.count; n++) {
    const root = find(parent, n);
    if (root === n) number[n] = ++next;
    comp[n] = number[root];
  }
  return { comp, n: next };
}

function emptyLesion(label: number): Lesion {
  return { label, voxelCount: 0, bboxMin: [Infinity, Infinity, Infinity], bboxMax: [-1, -1, -1], crop: new Uint8Array(0) };
}

function addRun(l: Lesion, x0: number, x1: number, y: number, z: number): void {
  l.voxelCount += x1 - x0 + 1;
  if (x0 < l.bboxMin[0]) l.bboxMin[0] = x0;
  if (y < l.bboxMin[1]) l.bboxMin[1] = y;
  if (z < l.bboxMin[2]) l.bboxMin[2] = z;
  if (x1 > l.bboxMax[0]) l.bboxMax[0] = x1;
  if (y > l.bboxMax[1]) l.bboxMax[1] = y;
  if (z > l.bboxMax[2]) l.bboxMax[2] = z;
}

function allocateCrop(l: Lesion): [number, number] {
  const cx = l.bboxMax[0] - l.bboxMin[0] + 1, cy = l.bboxMax[1] - l.bboxMin[1] + 1;
  l.crop = new Uint8Array(cx * cy * (l.bboxMax[2] - l.bboxMin[2] + 1));
  return [cx, cy];
}

/**
 * Finds the lesions of a segmentation [I50]: a mask whose only non-zero value is 1 is split into
 * 26-connected components [I51]; otherwise each distinct non-zero value is one lesion, connected
 * or not, in increasing label order [I52]. Memory is O(runs), not O(voxels), so a 512x512x300
 * mask is fine [I54].
 * @throws AnalysisError EMPTY_MASK when no voxel is non-zero; INVALID_INPUT for negative or
 *   fractional values.
 */
export function findLesions(mask: MaskGrid): Lesion[] {
  const [nx, ny, nz] = mask.dims;
  const { binary, runCount } = scanMask(mask);
  if (!binary) return labelLesions(mask);
  const runs = buildRuns(mask.data, nx, ny * nz, runCount);
  const { comp: runLabel, n: components } = componentsOfRuns(runs, ny, nz);
  const byLabel = new Map<number, Lesion>();
  for (let c = 1; c <= components; c++) byLabel.set(c, emptyLesion(c));
  for (let n = 0; n < runs.count; n++) {
    const r = runs.row[n], y = r % ny;
    addRun(byLabel.get(runLabel[n])!, runs.start[n], runs.end[n], y, (r - y) / ny);
  }
  const dims = new Map<number, [number, number]>();
  for (const l of byLabel.values()) dims.set(l.label, allocateCrop(l));
  for (let n = 0; n < runs.count; n++) {
    const l = byLabel.get(runLabel[n])!;
    const [cx, cy] = dims.get(l.label)!;
    const r = runs.row[n], y = r % ny, z = (r - y) / ny;
    const base = (y - l.bboxMin[1]) * cx + (z - l.bboxMin[2]) * cx * cy - l.bboxMin[0];
    l.crop.fill(1, base + runs.start[n], base + runs.end[n] + 1);
  }
  return [...byLabel.values()];
}

function labelLesions(mask: MaskGrid): Lesion[] {
  const [nx, ny, nz] = mask.dims;
  const d = mask.data;
  const byLabel = new Map<number, Lesion>();
  for (let z = 0, p = 0; z < nz; z++) for (let y = 0; y < ny; y++) for (let x = 0; x < nx; x++, p++) {
    const v = d[p];
    if (v === 0) continue;
    let l = byLabel.get(v);
    if (!l) byLabel.set(v, (l = emptyLesion(v)));
    addRun(l, x, x, y, z);
  }
  const lesions = [...byLabel.values()].sort((a, b) => a.label - b.label);
  for (const l of lesions) {
    const [cx, cy] = allocateCrop(l);
    const [x0, y0, z0] = l.bboxMin, [x1, y1, z1] = l.bboxMax;
    for (let z = z0; z <= z1; z++) for (let y = y0; y <= y1; y++) {
      const row = nx * (y + ny * z);
      const out = (y - y0) * cx + (z - z0) * cx * cy - x0;
      for (let x = x0; x <= x1; x++) if (d[row + x] === l.label) l.crop[out + x] = 1;
    }
  }
  return lesions;
}

/** Expands a lesion's crop to a binary mask on the full grid (1 inside the lesion). */
export function lesionFullMask(lesion: Lesion, dims: Vec3): Uint8Array {
  const [nx, ny] = dims;
  const out = new Uint8Array(dims[0] * dims[1] * dims[2]);
  const [x0, y0, z0] = lesion.bboxMin;
  const cx = lesion.bboxMax[0] - x0 + 1, cy = lesion.bboxMax[1] - y0 + 1, cz = lesion.bboxMax[2] - z0 + 1;
  for (let z = 0; z < cz; z++) for (let y = 0; y < cy; y++) {
    const src = (y + cy * z) * cx;
    out.set(lesion.crop.subarray(src, src + cx), x0 + nx * (y + y0 + ny * (z + z0)));
  }
  return out;
}

/**
 * The binary mask (1 = lesion) of the lesion `label` on the full grid, with the numbering of
 * {@link findLesions} [I53].
 * @throws AnalysisError INVALID_INPUT when there is no lesion with that label.
 */
export function lesionMask(mask: MaskGrid, label: number): Uint8Array {
  const lesion = findLesions(mask).find((l) => l.label === label);
  if (!lesion) throw new AnalysisError("INVALID_INPUT", `no lesion with label ${label} in the mask`);
  return lesionFullMask(lesion, mask.dims);
}
