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

/** A labelled zone: its grey level, its size in voxels and the padded-grid indices of its voxels. */
export interface Zones {
  level: Int32Array;
  size: Int32Array;
  /** Zone id of every padded-grid voxel, -1 outside the ROI. */
  zoneOf: Int32Array;
  paddedDims: [number, number, number];
  pad: number;
}

/** Label the zones by flood fill over the 26 (or 8 in-plane) neighbours. [Z1] */
export function labelZones(grid: RoiGrid, force2Ddimension: number): Zones {
  const padded = padGrid(grid, 1);
  const offsets = Int32Array.from(generateAngles(sizeZyx(grid.dims), [1], true, force2Ddimension), (a) => angleOffset(a, padded.dims));
  const levels = padded.levels;
  const zoneOf = new Int32Array(levels.length).fill(-1);
  const stack = new Int32Array(padded.roi.length + 1);
  const zoneLevel: number[] = [];
  const zoneSize: number[] = [];
  const roi = padded.roi;
  const nOffsets = offsets.length;
  for (let s = 0; s < roi.length; s++) {
    const seed = roi[s];
    if (zoneOf[seed] !== -1) continue;
    const zone = zoneLevel.length;
    const gl = levels[seed];
    let top = 0;
    stack[top++] = seed;
    zoneOf[seed] = zone;
    let size = 0;
    while (top > 0) {
      const k = stack[--top];
      size++;
      for (let a = 0; a < nOffsets; a++) {
        const j = k + offsets[a];
        // Branch-free push (the stack has one spare slot): equal levels are unpredictable on noisy images.
        const take = +(levels[j] === gl) & +(zoneOf[j] === -1);
        zoneOf[j] += take * (zone + 1);
        stack[top] = j;
        top += take;
      }
    }
    zoneLevel.push(gl);
    zoneSize.push(size);
  }
  return { level: Int32Array.from(zoneLevel), size: Int32Array.from(zoneSize), zoneOf, paddedDims: padded.dims, pad: 1 };
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
