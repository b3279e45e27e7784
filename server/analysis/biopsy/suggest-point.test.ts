import { describe, expect, it } from "vitest";
import { computeHabitats, type Habitat } from "../heterogeneity/habitats";
import { localEntropyMap } from "../heterogeneity/local-entropy";
import { discretise } from "../radiomics/discretise";
import { createRng } from "../random";
import type { Affine } from "../types";
import { distanceToBorderMm } from "./distance-transform";
import { suggestBiopsyPoint } from "./suggest-point";

type Dims = [number, number, number];
const AFFINE: Affine = [-0.8, 0, 0, 120, 0, -0.8, 0, 90, 0, 0, 2, -300, 0, 0, 0, 1];

/**
 * A CT ball of radius 16 mm (0.8 x 0.8 x 2 mm voxels) with a necrotic core (radius 8 mm, ~10 HU,
 * smooth) and a viable rim (~90 HU, noisy, so heterogeneous after discretisation).
 */
function necroticBall() {
  const dims: Dims = [48, 48, 20];
  const spacing: Dims = [0.8, 0.8, 2];
  const n = dims[0] * dims[1] * dims[2];
  const rng = createRng(17);
  const mask = new Uint8Array(n);
  const hu = new Float32Array(n);
  const radiusMm = new Float32Array(n);
  for (let z = 0; z < dims[2]; z++)
    for (let y = 0; y < dims[1]; y++)
      for (let x = 0; x < dims[0]; x++) {
        const i = x + dims[0] * (y + dims[1] * z);
        const r = Math.hypot((x - 23.5) * 0.8, (y - 23.5) * 0.8, (z - 9.5) * 2);
        radiusMm[i] = r;
        if (r <= 16) mask[i] = 1;
        hu[i] = r <= 8 ? 10 + 4 * (rng() - 0.5) : r <= 16 ? 90 + 120 * (rng() - 0.5) : 50;
      }
  // The radiomics discretisation (bin width 25 HU) of the lesion's values, scattered onto the grid.
  const lesion = Array.from(mask.keys()).filter((i) => mask[i]);
  const { bins: lesionBins } = discretise(lesion.map((i) => hu[i]), { binWidth: 25 });
  const bins = new Int32Array(n);
  lesion.forEach((v, j) => (bins[v] = lesionBins[j]));
  const entropy = localEntropyMap(bins, mask, dims);
  const habitats = computeHabitats(hu, entropy, mask, dims, spacing, { seed: 1 });
  return { dims, spacing, mask, hu, radiusMm, habitats };
}

function habitat(label: number, meanIntensity: number, meanEntropy: number, centroidVoxel: [number, number, number]): Habitat {
  return { label, voxelCount: 1, volumeFraction: 0, volumeMl: 0, meanIntensity, meanEntropy, centroidVoxel };
}

describe("suggestBiopsyPoint", () => {
  const ball = necroticBall();

  it("[B6] [B8] puts the CT point in the enhancing rim, at least 5 mm deep, never in the necrotic core", () => {
    const b = ball;
    const p = suggestBiopsyPoint(b.habitats, b.mask, b.dims, b.spacing, AFFINE, "CT");
    const i = p.voxel[0] + b.dims[0] * (p.voxel[1] + b.dims[1] * p.voxel[2]);
    expect(p.necroticHabitatLabel).toBe(1);
    expect(b.habitats.habitats[0].meanIntensity).toBeLessThan(20);
    expect(p.habitatLabel).not.toBe(p.necroticHabitatLabel);
    expect(b.habitats.labels[i]).toBe(p.habitatLabel);
    expect(b.radiusMm[i]).toBeGreaterThan(8); // in the rim
    expect(p.meetsMinDepth).toBe(true);
    expect(p.depthMm).toBeGreaterThanOrEqual(5);
    expect(p.depthMm).toBeCloseTo(distanceToBorderMm(b.mask, b.dims, b.spacing)[i], 6);
    expect(p.note).toBeNull();
  });

  it("[B8] takes the candidate deepest inside its habitat, clear of the partial-volume seam", () => {
    const b = ball;
    const p = suggestBiopsyPoint(b.habitats, b.mask, b.dims, b.spacing, AFFINE, "CT");
    const depth = distanceToBorderMm(b.mask, b.dims, b.spacing);
    const inHabitat = Uint8Array.from(b.habitats.labels, (l) => (l === p.habitatLabel ? 1 : 0));
    const clearance = distanceToBorderMm(inHabitat, b.dims, b.spacing);
    let best = 0;
    for (let i = 0; i < depth.length; i++) if (inHabitat[i] && depth[i] >= 5) best = Math.max(best, clearance[i]);
    expect(p.clearanceMm).toBe(best);
    // The habitat takes in core voxels whose entropy window reaches the rim (radius 6-8 mm);
    // a point well inside the habitat is beyond that seam.
    const i = p.voxel[0] + b.dims[0] * (p.voxel[1] + b.dims[1] * p.voxel[2]);
    expect(b.hu[i]).toBeGreaterThan(20);
    expect(p.distanceFromCentroidMm).toBeGreaterThan(9);
  });

  it("[B9] reports the point in world millimetres through the affine", () => {
    const b = ball;
    const p = suggestBiopsyPoint(b.habitats, b.mask, b.dims, b.spacing, AFFINE, "CT");
    const [i, j, k] = p.voxel;
    expect(p.worldMm).toEqual([-0.8 * i + 120, -0.8 * j + 90, 2 * k - 300]);
    expect(p.voxel.every(Number.isInteger)).toBe(true);
  });

  it("[B8] chooses the deepest voxel and says so when nothing is 5 mm deep", () => {
    // A 3-voxel-thick slab (1 mm voxels): the deepest voxels are 2 mm inside.
    const dims: Dims = [20, 20, 5];
    const mask = new Uint8Array(2000);
    const labels = new Uint8Array(2000);
    for (let z = 1; z < 4; z++)
      for (let y = 2; y < 18; y++)
        for (let x = 2; x < 18; x++) {
          mask[x + 20 * (y + 20 * z)] = 1;
          labels[x + 20 * (y + 20 * z)] = 1;
        }
    const identity: Affine = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
    const p = suggestBiopsyPoint(
      { labels, habitats: [habitat(1, 60, 2, [9.5, 9.5, 2])] },
      mask,
      dims,
      [1, 1, 1],
      identity,
      "CT",
    );
    expect(p.meetsMinDepth).toBe(false);
    expect(p.depthMm).toBe(2);
    expect(p.voxel[2]).toBe(2);
    expect(p.note).toMatch(/no voxel of habitat 1 is 5 mm inside the border; the deepest \(2\.0 mm\) was chosen/);
  });

  /** Two habitats in a 20^3 cube (1 mm): label 1 for x < 10, label 2 for x >= 10. */
  function twoHalves(h1: Habitat, h2: Habitat) {
    const dims: Dims = [22, 22, 22];
    const mask = new Uint8Array(22 ** 3);
    const labels = new Uint8Array(22 ** 3);
    for (let z = 1; z < 21; z++)
      for (let y = 1; y < 21; y++)
        for (let x = 1; x < 21; x++) {
          mask[x + 22 * (y + 22 * z)] = 1;
          labels[x + 22 * (y + 22 * z)] = x < 11 ? 1 : 2;
        }
    return { dims, mask, habitats: { labels, habitats: [h1, h2] } };
  }
  const identity: Affine = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];

  it("[B6] MR picks the lowest-ADC habitat, PET the highest-SUV habitat", () => {
    const mr = twoHalves(habitat(1, 800, 1, [5.5, 10.5, 10.5]), habitat(2, 1900, 2, [15.5, 10.5, 10.5]));
    const pMr = suggestBiopsyPoint(mr.habitats, mr.mask, mr.dims, [1, 1, 1], identity, "MR");
    expect(pMr.habitatLabel).toBe(1);
    expect(pMr.habitatReason).toMatch(/lowest mean ADC/);
    expect(pMr.necroticHabitatLabel).toBeNull();
    expect(pMr.voxel[0]).toBeLessThan(11);
    const pet = twoHalves(habitat(1, 2.1, 1, [5.5, 10.5, 10.5]), habitat(2, 9.8, 1, [15.5, 10.5, 10.5]));
    const pPet = suggestBiopsyPoint(pet.habitats, pet.mask, pet.dims, [1, 1, 1], identity, "PET");
    expect(pPet.habitatLabel).toBe(2);
    expect(pPet.voxel[0]).toBeGreaterThanOrEqual(11);
    expect(pPet.meetsMinDepth).toBe(true);
  });

  it("[B6] CT picks the highest-entropy enhancing habitat, not the most heterogeneous necrosis", () => {
    // Habitat 1 is below 20 HU (necrotic) even though it has the highest entropy.
    const ct = twoHalves(habitat(1, 12, 3.5, [5.5, 10.5, 10.5]), habitat(2, 70, 1.2, [15.5, 10.5, 10.5]));
    const p = suggestBiopsyPoint(ct.habitats, ct.mask, ct.dims, [1, 1, 1], identity, "CT");
    expect(p.habitatLabel).toBe(2);
    expect(p.necroticHabitatLabel).toBe(1);
    const allLow = twoHalves(habitat(1, 5, 1, [5.5, 10.5, 10.5]), habitat(2, 15, 1, [15.5, 10.5, 10.5]));
    const q = suggestBiopsyPoint(allLow.habitats, allLow.mask, allLow.dims, [1, 1, 1], identity, "CT");
    expect(q.habitatLabel).toBe(2);
    expect(q.note).toMatch(/no enhancing tissue identified/);
  });

  it("[B9] rejects mismatched grids and malformed affines", () => {
    const ct = twoHalves(habitat(1, 12, 3.5, [5.5, 10.5, 10.5]), habitat(2, 70, 1.2, [15.5, 10.5, 10.5]));
    expect(() => suggestBiopsyPoint(ct.habitats, ct.mask.subarray(1), ct.dims, [1, 1, 1], identity, "CT")).toThrow(/voxels/);
    expect(() => suggestBiopsyPoint(ct.habitats, ct.mask, ct.dims, [1, 1, 1], [1, 0, 0] as unknown as Affine, "CT")).toThrow(/affine/);
  });
});
