/**
 * Grey Level Size Zone Matrix (PyRadiomics glszm.py + cmatrices.c `calculate_glszm`;
 * IBSI 2020 §3.8): zones are connected sets of equal grey level, 26-connected in 3D and
 * 8-connected in-plane with force2D (2.5D: one matrix over all slices). SPEC Z1-Z3.
 */
import { generateAngles } from "./angles";
import { EPS, sumOf } from "./numeric";
import { angleOffset, levelIndex, padGrid, sizeZyx, type RoiGrid } from "./roi-grid";

export const GLSZM_FEATURES = [
  "GrayLevelNonUniformity", "GrayLevelNonUniformityNormalized", "GrayLevelVariance", "HighGrayLevelZoneEmphasis",
  "LargeAreaEmphasis", "LargeAreaHighGrayLevelEmphasis", "LargeAreaLowGrayLevelEmphasis", "LowGrayLevelZoneEmphasis",
  "SizeZoneNonUniformity", "SizeZoneNonUniformityNormalized", "SmallAreaEmphasis", "SmallAreaHighGrayLevelEmphasis",
  "SmallAreaLowGrayLevelEmphasis", "ZoneEntropy", "ZonePercentage", "ZoneVariance",
] as const;
export type GlszmFeatureName = (typeof GLSZM_FEATURES)[number];

/** The labelled zones: grey level and size in voxels of each, in order of their first voxel. */
export interface Zones {
  level: Int32Array;
  size: Int32Array;
}

/** Label the zones by flood fill over the 26 (or 8 in-plane) neighbours. [Z1] */
export function labelZones(grid: RoiGrid, force2Ddimension: number): Zones {
  const padded = padGrid(grid, 1);
  const offsets = Int32Array.from(generateAngles(sizeZyx(grid.dims), [1], true, force2Ddimension), (a) => angleOffset(a, padded.dims));
  const levels = padded.levels;
  // One bit per voxel: set once the voxel has been pushed.
  const seen = new Uint8Array((levels.length + 7) >> 3);
  // The fill's stack holds pushed, unvisited voxels of one zone; it grows (rarely beyond a few
  // hundred on noisy images) instead of being sized for the largest possible zone, the whole ROI.
  let stack = new Int32Array(256);
  let zoneLevel = new Int32Array(1024);
  let zoneSize = new Int32Array(1024);
  let nZones = 0;
  const roi = padded.roi;
  const nOffsets = offsets.length;
  for (let s = 0; s < roi.length; s++) {
    const seed = roi[s];
    if (seen[seed >> 3] & (1 << (seed & 7))) continue;
    const gl = levels[seed];
    let top = 0;
    stack[top++] = seed;
    seen[seed >> 3] |= 1 << (seed & 7);
    let size = 0;
    while (top > 0) {
      const k = stack[--top];
      size++;
      // Room for every neighbour plus the spare slot the branch-free push writes to.
      if (top + nOffsets + 1 > stack.length) {
        const grown = new Int32Array(2 * stack.length);
        grown.set(stack.subarray(0, top));
        stack = grown;
      }
      for (let a = 0; a < nOffsets; a++) {
        const j = k + offsets[a];
        // Branch-free push: equal levels are unpredictable on noisy images.
        const take = +(levels[j] === gl) & (~seen[j >> 3] >> (j & 7)) & 1;
        seen[j >> 3] |= take << (j & 7);
        stack[top] = j;
        top += take;
      }
    }
    if (nZones === zoneLevel.length) {
      const level = new Int32Array(2 * nZones);
      level.set(zoneLevel);
      zoneLevel = level;
      const sizes = new Int32Array(2 * nZones);
      sizes.set(zoneSize);
      zoneSize = sizes;
    }
    zoneLevel[nZones] = gl;
    zoneSize[nZones++] = size;
  }
  return { level: zoneLevel.subarray(0, nZones), size: zoneSize.subarray(0, nZones) };
}

/**
 * Zone-matrix features shared by GLSZM (second axis: zone size) and GLDZM (zone distance):
 * rows are the present grey levels `gl`, columns the distinct second-axis values `jv`, both
 * ascending, as PyRadiomics keeps them after deleting empty rows and columns. [Z2]
 *
 * @param nVoxels number of ROI voxels (for the zone percentage)
 */
export function zoneMatrixFeatures(P: Float64Array, gl: Float64Array, jv: Float64Array, nVoxels: number) {
  const n = gl.length;
  const m = jv.length;
  const ps = new Float64Array(m);
  const pg = new Float64Array(n);
  let nz = 0;
  // Counts are integers, so these marginal sums are exact in any order.
  for (let i = 0; i < n; i++) for (let c = 0; c < m; c++) {
    const v = P[i * m + c];
    ps[c] += v;
    pg[i] += v;
    nz += v;
  }
  if (nz === 0) nz = 1;
  const sq = (v: number) => v * v;
  const row = (k: number) => Math.floor(k / m);
  const col = (k: number) => k % m;
  const psN = Float64Array.from(ps, (v) => v / nz);
  const pgN = Float64Array.from(pg, (v) => v / nz);
  const uj = sumOf(m, (c) => psN[c] * jv[c]);
  const ui = sumOf(n, (i) => pgN[i] * gl[i]);
  const gln = sumOf(n, (i) => pg[i] * pg[i]);
  const szn = sumOf(m, (c) => ps[c] * ps[c]);
  return {
    sae: sumOf(m, (c) => ps[c] / sq(jv[c])) / nz,
    lae: sumOf(m, (c) => ps[c] * sq(jv[c])) / nz,
    gln: gln / nz,
    glnn: gln / sq(nz),
    szn: szn / nz,
    sznn: szn / sq(nz),
    zp: nz / nVoxels,
    glv: sumOf(n, (i) => pgN[i] * sq(gl[i] - ui)),
    zv: sumOf(m, (c) => psN[c] * sq(jv[c] - uj)),
    ze: -sumOf(n * m, (k) => {
      const p = P[k] / nz;
      return p * Math.log2(p + EPS);
    }),
    lie: sumOf(n, (i) => pg[i] / sq(gl[i])) / nz,
    hie: sumOf(n, (i) => pg[i] * sq(gl[i])) / nz,
    lisae: sumOf(n * m, (k) => P[k] / (sq(gl[row(k)]) * sq(jv[col(k)]))) / nz,
    hisae: sumOf(n * m, (k) => (P[k] * sq(gl[row(k)])) / sq(jv[col(k)])) / nz,
    lilae: sumOf(n * m, (k) => (P[k] * sq(jv[col(k)])) / sq(gl[row(k)])) / nz,
    hilae: sumOf(n * m, (k) => P[k] * sq(gl[row(k)]) * sq(jv[col(k)])) / nz,
    nz,
  };
}

/** Dense zone matrix over present grey levels x distinct values of `second` (ascending). */
export function zoneMatrix(grid: RoiGrid, zoneLevel: Int32Array, second: Int32Array) {
  let max = 0;
  for (let z = 0; z < second.length; z++) if (second[z] > max) max = second[z];
  const column = new Int32Array(max + 1).fill(-1);
  for (let z = 0; z < second.length; z++) column[second[z]] = 0;
  const distinct: number[] = [];
  for (let v = 0; v <= max; v++) if (column[v] === 0) column[v] = distinct.push(v) - 1;
  const index = levelIndex(grid);
  const m = distinct.length;
  const P = new Float64Array(grid.presentLevels.length * m);
  for (let z = 0; z < zoneLevel.length; z++) P[index[zoneLevel[z]] * m + column[second[z]]]++;
  return { P, jv: Float64Array.from(distinct) };
}

/** The 16 PyRadiomics GLSZM features. [Z1-Z3] */
export function glszmFeatures(grid: RoiGrid, force2Ddimension: number, zones = labelZones(grid, force2Ddimension)): Record<GlszmFeatureName, number> {
  const { P, jv } = zoneMatrix(grid, zones.level, zones.size);
  const f = zoneMatrixFeatures(P, Float64Array.from(grid.presentLevels), jv, grid.nVoxels);
  return {
    GrayLevelNonUniformity: f.gln,
    GrayLevelNonUniformityNormalized: f.glnn,
    GrayLevelVariance: f.glv,
    HighGrayLevelZoneEmphasis: f.hie,
    LargeAreaEmphasis: f.lae,
    LargeAreaHighGrayLevelEmphasis: f.hilae,
    LargeAreaLowGrayLevelEmphasis: f.lilae,
    LowGrayLevelZoneEmphasis: f.lie,
    SizeZoneNonUniformity: f.szn,
    SizeZoneNonUniformityNormalized: f.sznn,
    SmallAreaEmphasis: f.sae,
    SmallAreaHighGrayLevelEmphasis: f.hisae,
    SmallAreaLowGrayLevelEmphasis: f.lisae,
    ZoneEntropy: f.ze,
    ZonePercentage: f.zp,
    ZoneVariance: f.zv,
  };
}
