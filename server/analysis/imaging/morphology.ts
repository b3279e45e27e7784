/**
 * 3D shape features, PyRadiomics names and IBSI codes (SPEC.md I60-I72).
 * References: IBSI reference manual v11 ch. 3.1 (Zwanenburg et al., arXiv:1612.07003);
 * PyRadiomics radiomics/shape.py and src/cshape.c.
 */
import { AnalysisError } from "../errors";
import type { Vec3 } from "../types";
import type { Hull3D } from "./convex-hull";
import { meshDiameters } from "./diameters";
import { maskBounds, surfaceMesh } from "./marching-cubes";
import { covarianceEigenvalues, voxelMoments } from "./pca";
import { moranGeary } from "./spatial-autocorrelation";

/** Default largest ROI (voxels) for the O(N^2) Moran's I / Geary's C; ~0.3 s at 10,000 [I72]. */
export const AUTOCORRELATION_MAX_VOXELS = 10_000;

/** Conventions: "pyradiomics" divides the PCA covariance by N, "ibsi" by N - 1 [I66]. */
export type ShapeMode = "pyradiomics" | "ibsi";

/** Options for {@link shapeFeatures}. */
export interface ShapeOptions {
  mode: ShapeMode;
  /** Image values on the mask's grid (same voxel order) for KLMA, 99N0, N365 and NPT7. */
  intensities?: ArrayLike<number>;
  /**
   * IBSI intensity mask (e.g. after re-segmentation) for those four features; default `mask`.
   * The mesh, volumes, PCA and the geometric centre always use `mask` (the morphological mask).
   */
  intensityMask?: ArrayLike<number>;
  /** Moran's I and Geary's C are left out above this many ROI voxels; default 10,000. */
  autocorrelationMaxVoxels?: number;
}

/** The same numbers under PyRadiomics names (no prefix) and under IBSI codes. */
export interface ShapeFeatures {
  pyradiomics: Record<string, number>;
  ibsi: Record<string, number>;
}

/** Hull volume (mm^3) and area (mm^2) from outward triangles on doubled-index points. */
function hullMeasures(hull: Hull3D, p: Int32Array, spacing: Vec3): { volume: number; area: number } {
  const [hx, hy, hz] = spacing.map((s) => s / 2);
  let v6 = 0, a2 = 0;
  const f = hull.faces;
  // Tetrahedra to the first hull vertex keep the sums small and exact-ish.
  const r = f[0];
  const rx = p[3 * r] * hx, ry = p[3 * r + 1] * hy, rz = p[3 * r + 2] * hz;
  for (let t = 0; t < f.length; t += 3) {
    const ax = p[3 * f[t]] * hx - rx, ay = p[3 * f[t] + 1] * hy - ry, az = p[3 * f[t] + 2] * hz - rz;
    const bx = p[3 * f[t + 1]] * hx - rx, by = p[3 * f[t + 1] + 1] * hy - ry, bz = p[3 * f[t + 1] + 2] * hz - rz;
    const cx = p[3 * f[t + 2]] * hx - rx, cy = p[3 * f[t + 2] + 1] * hy - ry, cz = p[3 * f[t + 2] + 2] * hz - rz;
    v6 += ax * (by * cz - bz * cy) + ay * (bz * cx - bx * cz) + az * (bx * cy - by * cx);
    const ux = bx - ax, uy = by - ay, uz = bz - az, wx = cx - ax, wy = cy - ay, wz = cz - az;
    a2 += Math.hypot(uy * wz - uz * wy, uz * wx - ux * wz, ux * wy - uy * wx);
  }
  return { volume: v6 / 6, area: a2 / 2 };
}

/**
 * Surface area of an ellipsoid with semi-axes a >= b >= c (IBSI 3.1.22 RDD2, a Legendre series;
 * 20 terms): 4 pi a b sum_v (alpha beta)^v / (1 - 4 v^2) P_v((alpha^2 + beta^2) / (2 alpha beta)).
 * (alpha beta)^v P_v(...) is built by the Legendre recurrence without dividing by alpha beta, so
 * spheres (alpha = beta = 0) are fine [I70].
 */
export function ellipsoidAreaMm2(a: number, b: number, c: number): number {
  const alpha = Math.sqrt(Math.max(0, 1 - (b * b) / (a * a)));
  const beta = Math.sqrt(Math.max(0, 1 - (c * c) / (a * a)));
  const ab = alpha * beta, half = (alpha * alpha + beta * beta) / 2;
  let qPrev = 1, q = half; // Q_0, Q_1 with Q_v = (alpha beta)^v P_v(x)
  let sum = qPrev / 1 + q / (1 - 4);
  for (let v = 1; v < 20; v++) {
    const next = ((2 * v + 1) * half * q - v * ab * ab * qPrev) / (v + 1);
    qPrev = q;
    q = next;
    sum += q / (1 - 4 * (v + 1) * (v + 1));
  }
  return 4 * Math.PI * a * b * sum;
}

/**
 * Shape features of a binary mask (`mask != 0` is the ROI) [I60-I72]. The mesh, hull and moments
 * are computed once; both dictionaries carry the same values, named two ways, and `mode` picks the
 * PCA convention. Features needing intensities (KLMA, 99N0, N365, NPT7) appear only when they
 * are given, and N365/NPT7 only up to `autocorrelationMaxVoxels` ROI voxels.
 * @param dims grid size (x, y, z); @param spacingMm voxel size (x, y, z) in mm.
 * @returns volumes in mm^3, areas in mm^2, lengths in mm, ratios unitless.
 * @throws AnalysisError EMPTY_MASK; INVALID_INPUT when arrays do not match dims.
 */
export function shapeFeatures(mask: ArrayLike<number>, dims: Vec3, spacingMm: Vec3, opts: ShapeOptions): ShapeFeatures {
  const n = dims[0] * dims[1] * dims[2];
  if (mask.length !== n) throw new AnalysisError("INVALID_INPUT", `mask has ${mask.length} voxels but dims ${dims.join("x")} need ${n}`);
  for (const [what, arr] of [["intensities", opts.intensities], ["intensityMask", opts.intensityMask]] as const) {
    if (arr && arr.length !== n) throw new AnalysisError("INVALID_INPUT", `${what} have ${arr.length} voxels but dims ${dims.join("x")} need ${n}`);
  }
  const mesh = surfaceMesh(mask, dims, spacingMm);
  const V = mesh.volumeMm3, A = mesh.areaMm2;
  const moments = voxelMoments(mask, dims, spacingMm);
  const voxelVolume = moments.count * spacingMm[0] * spacingMm[1] * spacingMm[2];
  const diam = meshDiameters(mesh, spacingMm);
  const [least, minor, major] = covarianceEigenvalues(moments, opts.mode === "ibsi" ? "N-1" : "N");
  const axis = (l: number) => (l < 0 ? NaN : 4 * Math.sqrt(l));
  const sph = Math.cbrt(36 * Math.PI * V * V);

  const py: Record<string, number> = {
    MeshVolume: V,
    VoxelVolume: voxelVolume,
    SurfaceArea: A,
    SurfaceVolumeRatio: A / V,
    Sphericity: sph / A,
    Maximum3DDiameter: diam.max3dMm,
    Maximum2DDiameterSlice: diam.sliceMm,
    Maximum2DDiameterColumn: diam.columnMm,
    Maximum2DDiameterRow: diam.rowMm,
    MajorAxisLength: axis(major),
    MinorAxisLength: axis(minor),
    LeastAxisLength: axis(least),
    Elongation: Math.sqrt(minor / major),
    Flatness: Math.sqrt(least / major),
  };

  // Axis-aligned bounding box of the mesh vertices (IBSI 3.1.17-18) [I69].
  const lo = [Infinity, Infinity, Infinity], hi = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < mesh.vertexCount; i++) for (let d = 0; d < 3; d++) {
    const c = mesh.vertices2[3 * i + d];
    if (c < lo[d]) lo[d] = c;
    if (c > hi[d]) hi[d] = c;
  }
  const [ex, ey, ez] = [0, 1, 2].map((d) => ((hi[d] - lo[d]) * spacingMm[d]) / 2);
  const hull = diam.hull ? hullMeasures(diam.hull, diam.hullPoints, spacingMm) : { volume: NaN, area: NaN };
  const semi = [major, minor, least].map((l) => 2 * Math.sqrt(l));

  const ibsi: Record<string, number> = {
    RNU0: V,
    YEKZ: voxelVolume,
    C0JK: A,
    "2PR5": A / V,
    SKGS: V / Math.sqrt(Math.PI * A * A * A),
    BQWJ: (36 * Math.PI * V * V) / (A * A * A),
    KRCK: A / sph,
    QCFX: sph / A,
    "25C7": Math.cbrt((A * A * A) / (36 * Math.PI * V * V)) - 1,
    L0JK: diam.max3dMm,
    TDIC: py.MajorAxisLength,
    P9VJ: py.MinorAxisLength,
    "7J51": py.LeastAxisLength,
    Q3CK: py.Elongation,
    N17B: py.Flatness,
    PBX1: V / (ex * ey * ez),
    R59B: A / (2 * (ex * ey + ex * ez + ey * ez)),
    "6BDE": V / ((4 * Math.PI * semi[0] * semi[1] * semi[2]) / 3),
    RDD2: A / ellipsoidAreaMm2(semi[0], semi[1], semi[2]),
    R3ER: V / hull.volume,
    "7T7F": A / hull.area,
  };
  if (opts.intensities) {
    const roi = opts.intensityMask ?? mask;
    const { KLMA, integrated, count } = intensityShape(roi, dims, spacingMm, opts.intensities, moments.centreMm);
    ibsi.KLMA = KLMA;
    ibsi["99N0"] = V * integrated;
    if (count <= (opts.autocorrelationMaxVoxels ?? AUTOCORRELATION_MAX_VOXELS)) {
      const { moranI, gearyC } = moranGeary(roi, dims, spacingMm, opts.intensities);
      ibsi.N365 = moranI;
      ibsi.NPT7 = gearyC;
    }
  }
  return { pyradiomics: py, ibsi };
}

/**
 * Centre of mass shift KLMA: distance (mm) from the morphological mask's geometric centre to the
 * intensity mask's intensity-weighted centre; and the intensity mask's mean intensity, which times
 * the mesh volume is the integrated intensity 99N0 (IBSI 3.1.10, 3.1.27) [I71].
 * @throws AnalysisError EMPTY_MASK when the intensity mask is empty.
 */
function intensityShape(roi: ArrayLike<number>, dims: Vec3, spacing: Vec3, img: ArrayLike<number>, centre: Vec3): { KLMA: number; integrated: number; count: number } {
  const box = maskBounds(roi, dims);
  if (!box) throw new AnalysisError("EMPTY_MASK", "the intensity mask has no non-zero voxel");
  const [nx, ny] = dims;
  let w = 0, wx = 0, wy = 0, wz = 0, count = 0;
  for (let z = box.min[2]; z <= box.max[2]; z++) for (let y = box.min[1]; y <= box.max[1]; y++) for (let x = box.min[0]; x <= box.max[0]; x++) {
    const p = x + nx * (y + ny * z);
    if (roi[p] === 0) continue;
    const v = img[p];
    w += v; wx += v * x; wy += v * y; wz += v * z; count++;
  }
  const KLMA = Math.hypot(centre[0] - (wx / w) * spacing[0], centre[1] - (wy / w) * spacing[1], centre[2] - (wz / w) * spacing[2]);
  return { KLMA, integrated: w / count, count };
}
