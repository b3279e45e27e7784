/**
 * Grey Level Run Length Matrix (PyRadiomics glrlm.py + cmatrices.c `calculate_glrlm`;
 * IBSI 2020 §3.7). Runs are counted along each of the 13 (3D) or 4 (2D) directions inside the
 * ROI bounding box; a direction in which no line holds more than one ROI voxel is emptied (the
 * ROI is flat along it) and empty directions are dropped. SPEC R1-R4.
 */
import { generateAngles, type Angle } from "./angles";
import { EPS, nanMean } from "./numeric";
import { angleOffset, levelIndex, padGrid, sizeZyx, type PaddedGrid, type RoiGrid } from "./roi-grid";
import { angleWeight, dropEmptyDirections, mergeWeighted, type WeightingNorm } from "./texture-common";

export const GLRLM_FEATURES = [
  "GrayLevelNonUniformity", "GrayLevelNonUniformityNormalized", "GrayLevelVariance", "HighGrayLevelRunEmphasis",
  "LongRunEmphasis", "LongRunHighGrayLevelEmphasis", "LongRunLowGrayLevelEmphasis", "LowGrayLevelRunEmphasis",
  "RunEntropy", "RunLengthNonUniformity", "RunLengthNonUniformityNormalized", "RunPercentage", "RunVariance",
  "ShortRunEmphasis", "ShortRunHighGrayLevelEmphasis", "ShortRunLowGrayLevelEmphasis",
] as const;
export type GlrlmFeatureName = (typeof GLRLM_FEATURES)[number];

export interface GlrlmOptions {
  weightingNorm: WeightingNorm | null;
  force2Ddimension: number;
}

/**
 * True when some line along the direction holds two or more ROI voxels (PyRadiomics
 * `multiElement`); otherwise every run has length 1 and the direction is dropped. An ROI voxel
 * followed directly by another settles it at once; the line scan runs only when none is.
 */
function lineHoldsTwoVoxels(grid: RoiGrid, padded: PaddedGrid, offset: number, angle: Angle): boolean {
  const { roi, levels, pad } = padded;
  for (let v = 0; v < roi.length; v++) if (levels[roi[v] + offset] > 0) return true;
  const [nx, ny, nz] = grid.dims;
  const [px, py] = padded.dims;
  const [dz, dy, dx] = angle;
  const inside = (x: number, y: number, z: number) => x >= 0 && x < nx && y >= 0 && y < ny && z >= 0 && z < nz;
  for (let z = 0; z < nz; z++) for (let y = 0; y < ny; y++) for (let x = 0; x < nx; x++) {
    if (inside(x - dx, y - dy, z - dz)) continue;
    let elements = 0;
    for (let cx = x, cy = y, cz = z; inside(cx, cy, cz); cx += dx, cy += dy, cz += dz) {
      if (levels[cx + pad + px * (cy + pad + py * (cz + pad))] > 0 && ++elements > 1) return true;
    }
  }
  return false;
}

/**
 * Run-length counts for one direction: rows are present grey levels, column r is run length
 * r + 1. Visiting ROI voxels in ascending index order (the direction's offset made positive, which
 * leaves its lines unchanged), each voxel's run length is its predecessor's plus one when the
 * level repeats, and a run is counted where the next voxel's level differs. [R1, R2]
 *
 * Run lengths live in a ring of `ring.length` (a power of two above every offset) slots indexed by
 * voxel index: a predecessor i - offset is read only when it is an ROI voxel, visited earlier in
 * this pass, and no voxel between it and i maps to its slot (that would need a gap of a full ring).
 */
function runsAlong(grid: RoiGrid, padded: PaddedGrid, angle: Angle, index: Int32Array, nRuns: number, ring: Int32Array): Float64Array {
  const counts = new Float64Array(grid.presentLevels.length * nRuns);
  const signed = angleOffset(angle, padded.dims);
  if (!lineHoldsTwoVoxels(grid, padded, signed, angle)) return counts;
  const offset = Math.abs(signed);
  const levels = padded.levels;
  const roi = padded.roi;
  const mask = ring.length - 1;
  for (let v = 0; v < roi.length; v++) {
    const i = roi[v];
    const l = levels[i];
    // Branch-free: on noisy images whether a run continues is unpredictable.
    const length = 1 + +(levels[i - offset] === l) * ring[(i - offset) & mask];
    ring[i & mask] = length;
    counts[index[l] * nRuns + length - 1] += +(levels[i + offset] !== l);
  }
  return counts;
}

/** Features of one run-length matrix (rows: grey levels `gl`, columns: lengths 1..nRuns). */
function directionFeatures(P: Float64Array, gl: Float64Array, nRuns: number): Record<GlrlmFeatureName, number> {
  const n = gl.length;
  const pr = new Float64Array(nRuns);
  const pg = new Float64Array(n);
  let total = 0, srlgle = 0, srhgle = 0, lrlgle = 0, lrhgle = 0, entropy = 0;
  for (let i = 0; i < n; i++) {
    const i2 = gl[i] * gl[i];
    for (let r = 0; r < nRuns; r++) {
      const v = P[i * nRuns + r];
      if (v === 0) continue;
      const j = r + 1;
      const j2 = j * j;
      pr[r] += v;
      pg[i] += v;
      total += v;
      srlgle += v / (i2 * j2);
      srhgle += (v * i2) / j2;
      lrlgle += (v * j2) / i2;
      lrhgle += v * (j2 * i2);
    }
  }
  const nr = total === 0 ? NaN : total;
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < nRuns; r++) {
      const p = P[i * nRuns + r] / nr;
      if (p !== 0) entropy += p * Math.log2(p + EPS);
    }
  }
  let sre = 0, lre = 0, rln = 0, np = 0, uj = 0;
  for (let r = 0; r < nRuns; r++) {
    const j = r + 1;
    sre += pr[r] / (j * j);
    lre += pr[r] * (j * j);
    rln += pr[r] * pr[r];
    np += pr[r] * j;
    uj += (pr[r] / nr) * j;
  }
  let rv = 0;
  for (let r = 0; r < nRuns; r++) {
    const d = r + 1 - uj;
    rv += (pr[r] / nr) * (d * d);
  }
  let gln = 0, lglre = 0, hglre = 0, ui = 0;
  for (let i = 0; i < n; i++) {
    gln += pg[i] * pg[i];
    lglre += pg[i] / (gl[i] * gl[i]);
    hglre += pg[i] * (gl[i] * gl[i]);
    ui += (pg[i] / nr) * gl[i];
  }
  let glv = 0;
  for (let i = 0; i < n; i++) {
    const d = gl[i] - ui;
    glv += (pg[i] / nr) * (d * d);
  }
  return {
    GrayLevelNonUniformity: gln / nr,
    GrayLevelNonUniformityNormalized: gln / (nr * nr),
    GrayLevelVariance: glv,
    HighGrayLevelRunEmphasis: hglre / nr,
    LongRunEmphasis: lre / nr,
    LongRunHighGrayLevelEmphasis: lrhgle / nr,
    LongRunLowGrayLevelEmphasis: lrlgle / nr,
    LowGrayLevelRunEmphasis: lglre / nr,
    RunEntropy: -entropy,
    RunLengthNonUniformity: rln / nr,
    RunLengthNonUniformityNormalized: rln / (nr * nr),
    RunPercentage: nr / np,
    RunVariance: rv,
    ShortRunEmphasis: sre / nr,
    ShortRunHighGrayLevelEmphasis: srhgle / nr,
    ShortRunLowGrayLevelEmphasis: srlgle / nr,
  };
}

/**
 * The 16 PyRadiomics GLRLM features, averaged over directions with np.nanmean, or computed on
 * the weighted merge of all directions when `weightingNorm` is set. [R1-R4]
 */
export function glrlmFeatures(grid: RoiGrid, opts: GlrlmOptions): Record<GlrlmFeatureName, number> {
  const { matrices, nRuns } = glrlmMatrices(grid, opts);
  const gl = Float64Array.from(grid.presentLevels);
  const perDirection = matrices.map((m) => directionFeatures(m, gl, nRuns));
  const out = {} as Record<GlrlmFeatureName, number>;
  for (const name of GLRLM_FEATURES) out[name] = nanMean(perDirection.map((f) => f[name]));
  return out;
}

/**
 * Run-length count matrices (present levels x run lengths 1..nRuns), one per retained direction
 * or one merged under `weightingNorm`. [R1-R3, T2, T3]
 */
export function glrlmMatrices(grid: RoiGrid, opts: GlrlmOptions): { matrices: Float64Array[]; nRuns: number } {
  const angles = generateAngles(sizeZyx(grid.dims), [1], false, opts.force2Ddimension);
  // PyRadiomics sizes the run axis by the largest bounding-box dimension.
  const nRuns = Math.max(...grid.dims);
  const index = levelIndex(grid);
  const padded = padGrid(grid, 1);
  // Ring of run lengths, larger than the largest offset (direction (1, 1, 1)).
  const [px, py] = padded.dims;
  let ringSize = 1;
  while (ringSize <= px * py + px + 1) ringSize *= 2;
  const ring = new Int32Array(ringSize);
  let matrices: Float64Array[] = angles.map((a) => runsAlong(grid, padded, a, index, nRuns, ring));
  if (opts.weightingNorm !== null) {
    const s = grid.spacingMm;
    const weights = angles.map((a) => angleWeight(a, [s[2], s[1], s[0]], opts.weightingNorm!, "glrlm"));
    matrices = [mergeWeighted(matrices, weights)];
  }
  return { matrices: dropEmptyDirections(matrices), nRuns };
}
