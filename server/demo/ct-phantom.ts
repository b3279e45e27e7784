/**
 * One demo CT timepoint: the patient's anatomy, the story's lesions at that timepoint's sizes,
 * and correlated noise, quantised to Int16 HU; plus the lesion label map on the same grid.
 *
 * Label rule: a voxel carries a lesion's label when the lesion covers at least half of it, which
 * for the linearised partial-volume model (painter.ts) means the voxel centre is inside. Lesions
 * are centred on slice centres, so the central slice's label has the story's longest diameter.
 * The image blends each lesion over the anatomy by its occupancy averaged over four sub-planes of
 * the 5 mm slab, the way a thick reconstruction averages a small nodule with the lung around it.
 */
import type { Volume } from "../analysis/types";
import { anatomyFor } from "./anatomy";
import { addCorrelatedNoise, createRng, hashString, noiseWork } from "./noise";
import { patientFor, type Patient } from "./patient";
import { lesionSites } from "./lesion-sites";
import { lesionCharacter, lesionHu, lesionInstance, lesionPhi, lesionReachMm, type LesionInstance } from "./lesion-textures";
import { SCAN_DIMS, SCAN_SPACING_MM, columnOf, rowOf, scanAffine, worldX, worldY, worldZ } from "./scan-grid";
import { clamp } from "./shapes";
import type { DemoCase } from "./story";
import { spiculesOf, paintSpicules, type Spicule } from "./spicules";

/** Standard deviation of the image noise, HU, and its correlation length, pixels. */
export const NOISE_SIGMA_HU = 14;
const [SX, SY, SZ] = SCAN_SPACING_MM;
const SUB_PLANES = [-0.375, -0.125, 0.125, 0.375].map((f) => f * SZ);

function checkTimepoint(c: DemoCase, timepointIndex: number): void {
  if (!Number.isInteger(timepointIndex) || timepointIndex < 0 || timepointIndex >= c.imagingDays.length) {
    throw new RangeError(`${c.slug}: no imaging timepoint ${timepointIndex} (0..${c.imagingDays.length - 1})`);
  }
}

/** The lesions present at a timepoint (size > 0), placed for the case's patient. */
export function lesionsAt(c: DemoCase, p: Patient, timepointIndex: number): LesionInstance[] {
  checkTimepoint(c, timepointIndex);
  const sites = lesionSites(p, c.lesions);
  return c.lesions.flatMap((lesion) => {
    const size = lesion.sizesMm[timepointIndex];
    if (size === null || size === undefined || size <= 0) return [];
    const site = sites.get(lesion.key)!;
    return [lesionInstance(lesionCharacter(c.slug, lesion, site.longAxisRad), site.centre, size)];
  });
}

/** In-plane occupancy of a pixel at one sub-plane, from the implicit's local gradient. */
function planeOccupancy(l: LesionInstance, x: number, y: number, z: number): number {
  const phi = lesionPhi(l, x, y, z);
  if (phi > 3) return 0;
  if (phi < -3) return 1;
  const h = 0.2;
  const gx = (lesionPhi(l, x + h, y, z) - phi) / h, gy = (lesionPhi(l, x, y + h, z) - phi) / h;
  const den = Math.abs(gx) * SX + Math.abs(gy) * SY;
  return den < 1e-9 ? (phi <= 0 ? 1 : 0) : clamp(0.5 - phi / den, 0, 1);
}

/** Pixel box of a lesion (plus its spicules) on the grid: [c0, c1, r0, r1]. */
function lesionBox(l: LesionInstance, extraMm: number): [number, number, number, number] {
  const [nx, ny] = SCAN_DIMS;
  const reach = lesionReachMm(l) + 2 + extraMm;
  return [
    Math.max(0, Math.floor(columnOf(l.centre[0] + reach))), Math.min(nx - 1, Math.ceil(columnOf(l.centre[0] - reach))),
    Math.max(0, Math.floor(rowOf(l.centre[1] + reach))), Math.min(ny - 1, Math.ceil(rowOf(l.centre[1] - reach))),
  ];
}

const reachesSlice = (l: LesionInstance, k: number) => Math.abs(worldZ(k) - l.centre[2]) <= l.zSemiMm + SZ / 2;

/** Labels the voxels whose centre lies inside a lesion (the >= 50 % occupancy rule). */
function labelLesion(l: LesionInstance, labels: Uint8Array): void {
  const [nx, ny, nz] = SCAN_DIMS;
  const [c0, c1, r0, r1] = lesionBox(l, 0);
  for (let k = 0; k < nz; k++) {
    if (!reachesSlice(l, k)) continue;
    const z = worldZ(k);
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) if (lesionPhi(l, worldX(c), worldY(r), z) <= 0) labels[(k * ny + r) * nx + c] = l.ch.label;
    }
  }
}

/** Blends a lesion into one slice of HU by its occupancy of each voxel's slab. */
function paintLesion(l: LesionInstance, spicules: Spicule[], k: number, hu: Float32Array): void {
  if (!reachesSlice(l, k)) return;
  const nx = SCAN_DIMS[0];
  const z = worldZ(k);
  const box = lesionBox(l, spicules.reduce((m, s) => Math.max(m, s.lengthMm), 0));
  for (let r = box[2]; r <= box[3]; r++) {
    const y = worldY(r);
    for (let c = box[0]; c <= box[1]; c++) {
      const x = worldX(c);
      let occ = 0;
      for (const dz of SUB_PLANES) occ += planeOccupancy(l, x, y, z + dz);
      occ /= SUB_PLANES.length;
      if (occ > 0) hu[r * nx + c] += occ * (lesionHu(l, x, y, z) - hu[r * nx + c]);
    }
  }
  if (spicules.length > 0) paintSpicules(spicules, z, SUB_PLANES, hu, box);
}

/**
 * The lesion label map of a timepoint (Uint8, story label values; 0 background) on the scan grid.
 * Needs only the patient, not the anatomy: cheap, and what generateTimepoint returns as `labels`.
 */
export function lesionLabels(c: DemoCase, timepointIndex: number): Uint8Array {
  const [nx, ny, nz] = SCAN_DIMS;
  const labels = new Uint8Array(nx * ny * nz);
  for (const l of lesionsAt(c, patientFor(c), timepointIndex)) labelLesion(l, labels);
  return labels;
}

/**
 * Synthesises timepoint `timepointIndex` of a demo case: a CT volume in HU (Int16) and its lesion
 * label map (Uint8, story label values), both on the grid of scan-grid.ts. Pure and deterministic:
 * the same case and index give the same voxels.
 */
export function generateTimepoint(c: DemoCase, timepointIndex: number): { image: Volume; labels: Volume } {
  checkTimepoint(c, timepointIndex);
  const anatomy = anatomyFor(c);
  const lesions = lesionsAt(c, anatomy.patient, timepointIndex);
  const spicules = lesions.map((l) => spiculesOf(l));
  const [nx, ny, nz] = SCAN_DIMS;
  const n = nx * ny;
  const image = new Int16Array(n * nz);
  const labels = lesionLabels(c, timepointIndex);
  const slice = new Float32Array(n);
  const work = noiseWork(nx, ny);
  // A new scan: new noise at each timepoint, the same patient underneath.
  const rng = createRng(hashString(`${c.slug}/tp${timepointIndex}/noise`));
  for (let k = 0; k < nz; k++) {
    slice.set(anatomy.hu.subarray(k * n, (k + 1) * n));
    lesions.forEach((l, i) => paintLesion(l, spicules[i], k, slice));
    addCorrelatedNoise(slice, nx, ny, NOISE_SIGMA_HU, rng, work);
    for (let p = 0; p < n; p++) image[k * n + p] = Math.round(clamp(slice[p], -1024, 3071));
  }
  const grid = { dims: [...SCAN_DIMS] as [number, number, number], spacingMm: [...SCAN_SPACING_MM] as [number, number, number], affine: scanAffine() };
  return { image: { data: image, ...grid }, labels: { data: labels, ...grid } };
}
