/**
 * A biopsy point inside the chosen lesion (DESIGN §2.6, SPEC.md B6-B9).
 */
import { AnalysisError } from "../errors";
import type { Habitat, HabitatResult } from "../heterogeneity/habitats";
import { checkGrid, type Dims } from "../heterogeneity/lesion-grid";
import { voxelToWorld } from "../imaging";
import type { Affine, Vec3 } from "../types";
import { distanceToBorderMm } from "./distance-transform";

export type BiopsyModality = "CT" | "MR" | "PET";

export interface BiopsyPointOptions {
  /** Required depth inside the lesion border, mm (default 5). */
  minDepthMm?: number;
  /** CT: habitats with mean HU below this are not enhancing; the lowest one is necrotic (default 20). */
  necroticBelowHu?: number;
}

export interface BiopsyPoint {
  /** Habitat the point lies in. */
  habitatLabel: number;
  /** Why that habitat: the modality's rule in words. */
  habitatReason: string;
  /** CT: the necrotic habitat avoided, or null when none qualifies; null for MR and PET (B6). */
  necroticHabitatLabel: number | null;
  /** Integer voxel indices [i, j, k]. */
  voxel: Vec3;
  /** World RAS+ millimetres through the image affine (DESIGN §2.1: stored in mm, never voxels). */
  worldMm: Vec3;
  /** Distance from the voxel centre to the nearest non-lesion voxel centre, mm (B7). */
  depthMm: number;
  minDepthMm: number;
  meetsMinDepth: boolean;
  /** Distance from the voxel centre to the nearest voxel outside its habitat (or the lesion), mm (B8). */
  clearanceMm: number;
  /** Distance from the chosen voxel to the habitat centroid, mm. */
  distanceFromCentroidMm: number;
  /** Set when a rule had to give way (no enhancing habitat, nothing deep enough). */
  note: string | null;
}

export const DEFAULT_MIN_DEPTH_MM = 5;
export const DEFAULT_NECROTIC_BELOW_HU = 20;

/**
 * Suggests where to sample (SPEC.md B6-B9): in the most aggressive habitat for the modality, among
 * its voxels at least `minDepthMm` inside the lesion border, the one lying deepest inside the
 * habitat itself (ties: nearest the habitat centroid). That is the habitat's most interior point,
 * which, unlike the centroid, always lies in the habitat (a rim's centroid is in the necrotic core)
 * and keeps clear of the necrotic habitat.
 *
 * @param habitats output of `computeHabitats` for this lesion (labels and per-habitat means).
 * @param mask lesion mask, non-zero = lesion, same grid.
 * @param spacingMm voxel size, mm; @param affine voxel-to-world, row-major 4 x 4.
 * @param modality CT (intensities in HU), MR (an ADC map) or PET (SUV).
 */
export function suggestBiopsyPoint(
  habitats: Pick<HabitatResult, "labels" | "habitats">,
  mask: Uint8Array,
  dims: Dims,
  spacingMm: Dims,
  affine: Affine,
  modality: BiopsyModality,
  opts: BiopsyPointOptions = {},
): BiopsyPoint {
  checkGrid(dims, { "habitat labels": habitats.labels, mask });
  if (affine.length !== 16 || !affine.every(Number.isFinite)) {
    throw new AnalysisError("INVALID_INPUT", "affine must be 16 finite numbers (row-major 4 x 4)");
  }
  const minDepthMm = opts.minDepthMm ?? DEFAULT_MIN_DEPTH_MM;
  const { target, necrotic, reason, note: choiceNote } = chooseHabitat(
    habitats.habitats,
    modality,
    opts.necroticBelowHu ?? DEFAULT_NECROTIC_BELOW_HU,
  );
  const depth = distanceToBorderMm(mask, dims, spacingMm);
  const inTarget = new Uint8Array(mask.length);
  for (let i = 0; i < mask.length; i++) if (habitats.labels[i] === target.label && mask[i] !== 0) inTarget[i] = 1;
  if (!inTarget.includes(1)) {
    throw new AnalysisError("INVALID_INPUT", `habitat ${target.label} has no voxel inside the lesion mask`);
  }
  // Clearance: how far inside its own habitat a voxel lies (B8), away from necrosis and from the
  // partial-volume seam where the entropy window straddles two habitats.
  const clearance = distanceToBorderMm(inTarget, dims, spacingMm);

  const [nx, ny] = dims;
  const [sx, sy, sz] = spacingMm;
  const [cx, cy, cz] = target.centroidVoxel;
  const centroidDistance = (i: number) =>
    Math.hypot(((i % nx) - cx) * sx, ((Math.floor(i / nx) % ny) - cy) * sy, (Math.floor(i / (nx * ny)) - cz) * sz);
  // Lexicographic preferences; index order with strict comparisons leaves ties with the lowest index.
  const better = (keys: (i: number) => number[]) => (i: number, j: number) => {
    const [a, b] = [keys(i), keys(j)];
    for (let t = 0; t < a.length; t++) if (a[t] !== b[t]) return a[t] > b[t];
    return false;
  };
  const preferDeepEnough = better((i) => [clearance[i], -centroidDistance(i)]);
  const preferDeepest = better((i) => [depth[i], clearance[i], -centroidDistance(i)]);
  let deepEnough = -1;
  let deepest = -1;
  for (let i = 0; i < mask.length; i++) {
    if (inTarget[i] === 0) continue;
    if (depth[i] >= minDepthMm && (deepEnough < 0 || preferDeepEnough(i, deepEnough))) deepEnough = i;
    if (deepest < 0 || preferDeepest(i, deepest)) deepest = i;
  }
  const meets = deepEnough >= 0;
  const chosen = meets ? deepEnough : deepest;
  const voxel: Vec3 = [chosen % nx, Math.floor(chosen / nx) % ny, Math.floor(chosen / (nx * ny))];
  const notes = [choiceNote];
  if (!meets) {
    notes.push(
      `no voxel of habitat ${target.label} is ${minDepthMm} mm inside the border; the deepest (${depth[chosen].toFixed(1)} mm) was chosen`,
    );
  }
  return {
    habitatLabel: target.label,
    habitatReason: reason,
    necroticHabitatLabel: necrotic?.label ?? null,
    voxel,
    worldMm: voxelToWorld(affine, voxel),
    depthMm: depth[chosen],
    minDepthMm,
    meetsMinDepth: meets,
    clearanceMm: clearance[chosen],
    distanceFromCentroidMm: centroidDistance(chosen),
    note: notes.filter(Boolean).join("; ") || null,
  };
}

/** The modality's rule for the most aggressive habitat (B6). */
function chooseHabitat(
  habitats: Habitat[],
  modality: BiopsyModality,
  necroticBelowHu: number,
): { target: Habitat; necrotic: Habitat | null; reason: string; note: string | null } {
  const occupied = habitats.filter((h) => h.voxelCount > 0);
  if (occupied.length === 0) throw new AnalysisError("EMPTY_MASK", "no habitat has voxels");
  // Ties fall to the lower label: sort is stable and habitats come in label order.
  const byLabel = [...occupied].sort((a, b) => a.label - b.label);
  const pick = (better: (a: Habitat, b: Habitat) => number) => [...byLabel].sort(better)[0];
  if (modality === "PET") {
    const target = pick((a, b) => b.meanIntensity - a.meanIntensity || b.meanEntropy - a.meanEntropy);
    return { target, necrotic: null, reason: `highest mean SUV (${target.meanIntensity.toFixed(1)})`, note: null };
  }
  if (modality === "MR") {
    const target = pick((a, b) => a.meanIntensity - b.meanIntensity || b.meanEntropy - a.meanEntropy);
    return { target, necrotic: null, reason: `lowest mean ADC (${target.meanIntensity.toFixed(0)})`, note: null };
  }
  const lowest = pick((a, b) => a.meanIntensity - b.meanIntensity);
  const necrotic = lowest.meanIntensity < necroticBelowHu ? lowest : null;
  const enhancing = byLabel.filter((h) => h.meanIntensity >= necroticBelowHu);
  if (enhancing.length === 0) {
    const target = pick((a, b) => b.meanIntensity - a.meanIntensity);
    return {
      target,
      necrotic: target === necrotic ? null : necrotic,
      reason: `highest mean attenuation (${target.meanIntensity.toFixed(0)} HU)`,
      note: `no habitat averages ${necroticBelowHu} HU or more: no enhancing tissue identified`,
    };
  }
  const target = [...enhancing].sort((a, b) => b.meanEntropy - a.meanEntropy || b.meanIntensity - a.meanIntensity)[0];
  return {
    target,
    necrotic,
    reason: `highest local entropy (${target.meanEntropy.toFixed(2)} bits) among enhancing habitats (mean >= ${necroticBelowHu} HU)`,
    note: null,
  };
}
