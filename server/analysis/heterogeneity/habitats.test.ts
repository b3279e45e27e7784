import { describe, expect, it } from "vitest";
import { AnalysisError } from "../errors";
import { createRng } from "../random";
import { computeHabitats } from "./habitats";

type Dims = [number, number, number];

function gaussian(rng: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

/**
 * A full cube lesion split into regions along x; region r has intensity ~ N(mu_r, 5) and entropy
 * ~ N(e_r, 0.15). Returns the region of each voxel as ground truth.
 */
function plantedLesion(size: number, centres: Array<[number, number]>, seed = 1) {
  const dims: Dims = [size, size, size];
  const n = size ** 3;
  const normal = gaussian(createRng(seed));
  const intensities = new Float32Array(n);
  const entropy = new Float32Array(n);
  const truth = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const x = i % size;
    const region = Math.min(centres.length - 1, Math.floor((x * centres.length) / size));
    truth[i] = region;
    intensities[i] = centres[region][0] + 5 * normal();
    entropy[i] = centres[region][1] + 0.15 * normal();
  }
  return { dims, intensities, entropy, mask: new Uint8Array(n).fill(1), truth };
}

/** Share of voxels whose habitat label equals the planted region + 1. */
function agreement(labels: Uint8Array, truth: Int32Array): number {
  let same = 0;
  for (let i = 0; i < truth.length; i++) if (labels[i] === truth[i] + 1) same++;
  return same / truth.length;
}

describe("computeHabitats", () => {
  it("[H7] recovers two planted clusters and picks k = 2", () => {
    // Region 0: low intensity, low entropy (necrotic-like); region 1: enhancing and heterogeneous.
    const l = plantedLesion(24, [[15, 0.8], [90, 2.8]]);
    const r = computeHabitats(l.intensities, l.entropy, l.mask, l.dims, [1, 1, 1], { seed: 42 });
    expect(r.k).toBe(2);
    expect(agreement(r.labels, l.truth)).toBe(1);
    expect(r.silhouetteSampleSize).toBe(2000);
    expect(r.silhouetteByK.map((s) => s.k)).toEqual([2, 3, 4]);
  });

  it("[H7] picks k = 3 for three planted clusters", () => {
    const l = plantedLesion(24, [[15, 1], [50, 3.5], [90, 1]]);
    const r = computeHabitats(l.intensities, l.entropy, l.mask, l.dims, [1, 1, 1], { seed: 7 });
    expect(r.k).toBe(3);
    expect(agreement(r.labels, l.truth)).toBe(1);
    const best = Math.max(...r.silhouetteByK.map((s) => s.silhouette ?? -1));
    expect(r.silhouetteByK.find((s) => s.k === 3)?.silhouette).toBe(best);
  });

  it("[H12] the same seed gives identical labels and statistics", () => {
    // A structureless cloud: here k-means++ seeding decides the partition, so determinism matters.
    const dims: Dims = [16, 16, 16];
    const rng = createRng(5);
    const intensities = Float32Array.from({ length: 4096 }, () => 100 * rng());
    const entropy = Float32Array.from({ length: 4096 }, () => 5 * rng());
    const mask = new Uint8Array(4096).fill(1);
    const a = computeHabitats(intensities, entropy, mask, dims, [1, 1, 1], { seed: 99 });
    const b = computeHabitats(intensities, entropy, mask, dims, [1, 1, 1], { seed: 99 });
    expect(b.labels).toEqual(a.labels);
    expect(b.habitats).toEqual(a.habitats);
    expect(b.silhouetteByK).toEqual(a.silhouetteByK);
    expect(a.seed).toBe(99);
  });

  it("[H8] numbers habitats by mean intensity and reports their statistics", () => {
    // Planted high-intensity region first in x, so k-means order and intensity order differ.
    const l = plantedLesion(20, [[90, 2.8], [15, 0.8]]);
    const spacing: Dims = [0.8, 0.8, 4];
    const r = computeHabitats(l.intensities, l.entropy, l.mask, l.dims, spacing, { seed: 3 });
    expect(r.habitats.map((h) => h.label)).toEqual([1, 2]);
    const [low, high] = r.habitats;
    expect(low.meanIntensity).toBeCloseTo(15, 0);
    expect(high.meanIntensity).toBeCloseTo(90, 0);
    expect(low.meanEntropy).toBeCloseTo(0.8, 1);
    expect(low.voxelCount + high.voxelCount).toBe(8000);
    expect(low.volumeFraction).toBeCloseTo(0.5, 12);
    expect(low.volumeMl).toBeCloseTo((4000 * 0.8 * 0.8 * 4) / 1000, 9);
    // The low region is x 10..19: centroid x 14.5, y and z 9.5.
    expect(low.centroidVoxel[0]).toBeCloseTo(14.5, 9);
    expect(low.centroidVoxel[1]).toBeCloseTo(9.5, 9);
    expect(low.centroidVoxel[2]).toBeCloseTo(9.5, 9);
    expect(r.labels[0]).toBe(2); // x = 0 is in the high-intensity region
  });

  it("[H8] labels are 0 outside the lesion", () => {
    const l = plantedLesion(12, [[15, 0.8], [90, 2.8]]);
    l.mask.fill(0, 0, 144); // drop the z = 0 slice from the lesion
    const r = computeHabitats(l.intensities, l.entropy, l.mask, l.dims, [1, 1, 1], { seed: 1 });
    expect(r.labels.subarray(0, 144).every((v) => v === 0)).toBe(true);
    expect(r.labels.subarray(144).every((v) => v > 0)).toBe(true);
    expect(r.habitats.reduce((s, h) => s + h.voxelCount, 0)).toBe(12 ** 3 - 144);
  });

  it("[H5] a linear rescaling of the intensities leaves the habitats unchanged", () => {
    const l = plantedLesion(14, [[15, 1], [50, 3.5], [90, 1]], 8);
    const scaled = l.intensities.map((v) => 10 * v + 100);
    const a = computeHabitats(l.intensities, l.entropy, l.mask, l.dims, [1, 1, 1], { seed: 4 });
    const b = computeHabitats(scaled, l.entropy, l.mask, l.dims, [1, 1, 1], { seed: 4 });
    expect(b.labels).toEqual(a.labels);
  });

  it("[H9] a uniform lesion is one habitat with a note", () => {
    const dims: Dims = [6, 6, 6];
    const mask = new Uint8Array(216).fill(1);
    const r = computeHabitats(new Float32Array(216).fill(40), new Float32Array(216), mask, dims, [1, 1, 1], { seed: 1 });
    expect(r.k).toBe(1);
    expect(r.habitats).toHaveLength(1);
    expect(r.habitats[0]).toMatchObject({ label: 1, voxelCount: 216, volumeFraction: 1, meanIntensity: 40 });
    expect(r.note).toMatch(/one habitat/);
    expect(r.silhouetteByK.every((s) => s.silhouette === null)).toBe(true);
    // Two distinct voxels cannot form k = 2 with a silhouette either (k must be below the count).
    const pair = new Uint8Array(216);
    pair[0] = pair[1] = 1;
    const intensities = new Float32Array(216);
    intensities[1] = 100;
    const tiny = computeHabitats(intensities, new Float32Array(216), pair, dims, [1, 1, 1], { seed: 1 });
    expect(tiny.k).toBe(1);
    expect(tiny.note).toMatch(/no k from 2 to 4 could be formed/);
  });

  it("[H9] rejects kMin below 2, kMax below kMin and a non-finite seed", () => {
    const l = plantedLesion(6, [[15, 1], [90, 3]]);
    const run = (kMin: number, kMax: number) => () =>
      computeHabitats(l.intensities, l.entropy, l.mask, l.dims, [1, 1, 1], { seed: 1, kMin, kMax });
    expect(run(1, 3)).toThrow(AnalysisError);
    expect(run(3, 2)).toThrow(/kMin <= kMax/);
    expect(() => computeHabitats(l.intensities, l.entropy, l.mask, l.dims, [1, 1, 1], { seed: Number.NaN })).toThrow(/seed/);
  });

  // Speed is measured by `npm run bench`, not asserted here.
  it("[H8] clusters 100 000 voxels into the planted habitats", () => {
    const l = plantedLesion(47, [[15, 1], [50, 3.5], [90, 1]]);
    expect(l.mask.length).toBeGreaterThanOrEqual(100_000);
    const r = computeHabitats(l.intensities, l.entropy, l.mask, l.dims, [1, 1, 1], { seed: 0 });
    expect(r.habitats.reduce((a, h) => a + h.voxelCount, 0)).toBe(l.mask.reduce((a: number, b: number) => a + b, 0));
    expect(r.k).toBeGreaterThanOrEqual(2);
  });
});
