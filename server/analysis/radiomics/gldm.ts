/**
 * Grey Level Dependence Matrix (PyRadiomics gldm.py + cmatrices.c `calculate_gldm`), which is
 * IBSI's NGLDM (2020 §3.11) with the dependence count including the centre voxel: a neighbour
 * within Chebyshev distance `distances` is dependent when |i - j| <= alpha (`gldm_a`). Every ROI
 * voxel is one neighbourhood, so Nz = Np. SPEC M1-M3.
 */
import { scanNeighbourhoods, type NeighbourhoodScan } from "./neighbourhood";
import { zoneMatrixFeatures } from "./glszm";
import { sumOf } from "./numeric";
import type { RoiGrid } from "./roi-grid";

export const GLDM_FEATURES = [
  "DependenceEntropy", "DependenceNonUniformity", "DependenceNonUniformityNormalized", "DependenceVariance",
  "GrayLevelNonUniformity", "GrayLevelVariance", "HighGrayLevelEmphasis", "LargeDependenceEmphasis",
  "LargeDependenceHighGrayLevelEmphasis", "LargeDependenceLowGrayLevelEmphasis", "LowGrayLevelEmphasis",
  "SmallDependenceEmphasis", "SmallDependenceHighGrayLevelEmphasis", "SmallDependenceLowGrayLevelEmphasis",
] as const;
export type GldmFeatureName = (typeof GLDM_FEATURES)[number];

/** IBSI NGLDM features PyRadiomics removed as redundant; IBSI mode reports them. [M3] */
export interface NgldmExtras {
  /** Dependence count percentage (IBSI 6XV8): neighbourhoods / voxels, always 1 here. */
  dependenceCountPercentage: number;
  /** Dependence count energy (IBSI CAS9): sum of squared joint probabilities. */
  dependenceCountEnergy: number;
  /** Normalised grey level non-uniformity (IBSI 5SPA), equal to first-order uniformity. */
  grayLevelNonUniformityNormalized: number;
}

/** Dense dependence matrix over present grey levels x distinct dependence counts (ascending, 1-based). [M1] */
export function gldmMatrix(grid: RoiGrid, scan: NeighbourhoodScan) {
  const n = grid.presentLevels.length;
  const { dependence: counts, width } = scan;
  // Keep only dependence counts that occur, as PyRadiomics deletes empty columns.
  const used: number[] = [];
  for (let d = 0; d < width; d++) {
    let any = false;
    for (let r = 0; r < n && !any; r++) any = counts[r * width + d] !== 0;
    if (any) used.push(d);
  }
  const m = used.length;
  const P = new Float64Array(n * m);
  for (let r = 0; r < n; r++) used.forEach((d, c) => (P[r * m + c] = counts[r * width + d]));
  return { P, jv: Float64Array.from(used, (d) => d + 1), n, m };
}

/** The 14 PyRadiomics GLDM features and the IBSI-only NGLDM extras. [M1-M3] */
export function gldmFeatures(
  grid: RoiGrid,
  distances: readonly number[],
  alpha: number,
  force2Ddimension: number,
  scan: NeighbourhoodScan = scanNeighbourhoods(grid, distances, force2Ddimension, alpha),
): { features: Record<GldmFeatureName, number>; extras: NgldmExtras } {
  const { P, jv, n, m } = gldmMatrix(grid, scan);
  const iv = Float64Array.from(grid.presentLevels);
  // Same formulas as GLSZM with dependence counts for zone sizes; Nz = sum of P = Np here.
  const f = zoneMatrixFeatures(P, iv, jv, grid.nVoxels);
  const sq = (v: number) => v * v;
  const features: Record<GldmFeatureName, number> = {
    DependenceEntropy: f.ze,
    DependenceNonUniformity: f.szn,
    DependenceNonUniformityNormalized: f.sznn,
    DependenceVariance: f.zv,
    GrayLevelNonUniformity: f.gln,
    GrayLevelVariance: f.glv,
    HighGrayLevelEmphasis: f.hie,
    LargeDependenceEmphasis: f.lae,
    // gldm.py multiplies j^2 i^2 first (glszm.py multiplies left to right).
    LargeDependenceHighGrayLevelEmphasis: sumOf(n * m, (k) => P[k] * (sq(jv[k % m]) * sq(iv[Math.floor(k / m)]))) / f.nz,
    LargeDependenceLowGrayLevelEmphasis: f.lilae,
    LowGrayLevelEmphasis: f.lie,
    SmallDependenceEmphasis: f.sae,
    SmallDependenceHighGrayLevelEmphasis: f.hisae,
    SmallDependenceLowGrayLevelEmphasis: f.lisae,
  };
  const extras: NgldmExtras = {
    dependenceCountPercentage: f.nz / grid.nVoxels,
    dependenceCountEnergy: sumOf(n * m, (k) => sq(P[k] / f.nz)),
    grayLevelNonUniformityNormalized: f.glnn,
  };
  return { features, extras };
}
