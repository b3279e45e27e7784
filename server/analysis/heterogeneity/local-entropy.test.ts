import { describe, expect, it } from "vitest";
import { AnalysisError } from "../errors";
import { createRng } from "../random";
import { localEntropyMap } from "./local-entropy";

type Dims = [number, number, number];
const idx = (dims: Dims, x: number, y: number, z: number) => x + dims[0] * (y + dims[1] * z);

/** Direct evaluation of H1 for one voxel: the reference the sliding window must reproduce. */
function bruteEntropy(bins: Int32Array, mask: Uint8Array, dims: Dims, x: number, y: number, z: number, r = 2): number {
  const counts = new Map<number, number>();
  let total = 0;
  for (let dz = -r; dz <= r; dz++)
    for (let dy = -r; dy <= r; dy++)
      for (let dx = -r; dx <= r; dx++) {
        const [xx, yy, zz] = [x + dx, y + dy, z + dz];
        if (xx < 0 || yy < 0 || zz < 0 || xx >= dims[0] || yy >= dims[1] || zz >= dims[2]) continue;
        const j = idx(dims, xx, yy, zz);
        if (!mask[j]) continue;
        counts.set(bins[j], (counts.get(bins[j]) ?? 0) + 1);
        total++;
      }
  let h = 0;
  for (const c of counts.values()) h -= (c / total) * Math.log2(c / total);
  return h;
}

function ball(dims: Dims, radius: number): Uint8Array {
  const mask = new Uint8Array(dims[0] * dims[1] * dims[2]);
  const c = dims.map((d) => (d - 1) / 2);
  for (let z = 0; z < dims[2]; z++)
    for (let y = 0; y < dims[1]; y++)
      for (let x = 0; x < dims[0]; x++)
        if (Math.hypot(x - c[0], y - c[1], z - c[2]) <= radius) mask[idx(dims, x, y, z)] = 1;
  return mask;
}

describe("localEntropyMap", () => {
  it("[H2] a uniform lesion has entropy exactly 0 everywhere", () => {
    const dims: Dims = [20, 20, 20];
    const mask = ball(dims, 8);
    const bins = new Int32Array(mask.length).fill(3);
    const out = localEntropyMap(bins, mask, dims);
    expect(out.every((v) => v === 0)).toBe(true);
  });

  it("[H1] a 3D checkerboard gives the two-level entropy of 63:62 in interior windows", () => {
    const dims: Dims = [12, 12, 12];
    const mask = new Uint8Array(12 ** 3).fill(1);
    const bins = new Int32Array(mask.length);
    for (let z = 0; z < 12; z++)
      for (let y = 0; y < 12; y++) for (let x = 0; x < 12; x++) bins[idx(dims, x, y, z)] = 1 + ((x + y + z) % 2);
    const out = localEntropyMap(bins, mask, dims);
    const p = 63 / 125;
    const expected = -(p * Math.log2(p) + (1 - p) * Math.log2(1 - p));
    expect(out[idx(dims, 5, 5, 5)]).toBeCloseTo(expected, 6);
    expect(out[idx(dims, 6, 5, 5)]).toBeCloseTo(expected, 6);
  });

  it("[H1] 125 distinct levels in a window give the maximum log2(125)", () => {
    const dims: Dims = [9, 9, 9];
    const mask = new Uint8Array(9 ** 3).fill(1);
    const bins = Int32Array.from({ length: mask.length }, (_, i) => i + 1);
    const out = localEntropyMap(bins, mask, dims);
    expect(out[idx(dims, 4, 4, 4)]).toBeCloseTo(Math.log2(125), 5);
  });

  it("[H1] matches direct evaluation on a random lesion with random levels", () => {
    const dims: Dims = [17, 13, 11];
    const rng = createRng(11);
    const mask = Uint8Array.from({ length: 17 * 13 * 11 }, () => (rng() < 0.6 ? 1 : 0));
    const bins = Int32Array.from({ length: mask.length }, () => 1 + Math.floor(rng() * 6));
    const out = localEntropyMap(bins, mask, dims);
    for (let z = 0; z < dims[2]; z++)
      for (let y = 0; y < dims[1]; y++)
        for (let x = 0; x < dims[0]; x++) {
          const i = idx(dims, x, y, z);
          const expected = mask[i] ? bruteEntropy(bins, mask, dims, x, y, z) : 0;
          expect(Math.abs(out[i] - expected)).toBeLessThan(1e-5);
        }
  });

  it("[H1] honours a custom radius", () => {
    const dims: Dims = [9, 9, 9];
    const rng = createRng(3);
    const mask = new Uint8Array(9 ** 3).fill(1);
    const bins = Int32Array.from({ length: mask.length }, () => 1 + Math.floor(rng() * 4));
    const out = localEntropyMap(bins, mask, dims, { radius: 1 });
    expect(out[idx(dims, 4, 4, 4)]).toBeCloseTo(bruteEntropy(bins, mask, dims, 4, 4, 4, 1), 5);
    expect(out[idx(dims, 0, 8, 3)]).toBeCloseTo(bruteEntropy(bins, mask, dims, 0, 8, 3, 1), 5);
  });

  it("[H3] windows at the lesion border count only lesion voxels; outside is 0", () => {
    const dims: Dims = [10, 10, 10];
    const mask = new Uint8Array(1000);
    const bins = new Int32Array(1000).fill(3); // background level must be ignored
    for (let z = 3; z < 7; z++)
      for (let y = 3; y < 7; y++)
        for (let x = 3; x < 7; x++) {
          mask[idx(dims, x, y, z)] = 1;
          bins[idx(dims, x, y, z)] = x < 5 ? 1 : 2;
        }
    const out = localEntropyMap(bins, mask, dims);
    // Corner (3,3,3): window covers x 3..5 of the cube, 3 x 3 x 3 = 27 lesion voxels, 18 at level 1.
    const expected = -((2 / 3) * Math.log2(2 / 3) + (1 / 3) * Math.log2(1 / 3));
    expect(out[idx(dims, 3, 3, 3)]).toBeCloseTo(expected, 6);
    expect(out[idx(dims, 2, 3, 3)]).toBe(0);
    expect(out[idx(dims, 0, 0, 0)]).toBe(0);
  });

  it("[H3] windows are clipped at the grid edge when the lesion touches it", () => {
    const dims: Dims = [6, 5, 4];
    const mask = new Uint8Array(120).fill(1);
    const bins = Int32Array.from({ length: 120 }, (_, i) => 1 + (i % 5));
    const out = localEntropyMap(bins, mask, dims);
    expect(out[0]).toBeCloseTo(bruteEntropy(bins, mask, dims, 0, 0, 0), 6);
    expect(out[119]).toBeCloseTo(bruteEntropy(bins, mask, dims, 5, 4, 3), 6);
  });

  it("[H3] rejects bad input with typed errors", () => {
    const dims: Dims = [4, 4, 4];
    const mask = new Uint8Array(64).fill(1);
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as AnalysisError).code;
      }
      return "none";
    };
    expect(code(() => localEntropyMap(new Int32Array(64), mask, dims))).toBe("INVALID_INPUT");
    expect(code(() => localEntropyMap(new Int32Array(63).fill(1), mask, dims))).toBe("MASK_IMAGE_MISMATCH");
    expect(code(() => localEntropyMap(new Int32Array(64).fill(1), new Uint8Array(64), dims))).toBe("EMPTY_MASK");
    expect(code(() => localEntropyMap(new Int32Array(64).fill(1), mask, dims, { radius: 0 }))).toBe("INVALID_SETTINGS");
  });

  // Speed is measured by `npm run bench`, not asserted here.
  it("[H4] maps 100 000 lesion voxels, every one within [0, log2(125)]", () => {
    const dims: Dims = [64, 64, 64];
    const mask = ball(dims, 28.8);
    const rng = createRng(1);
    const bins = Int32Array.from({ length: mask.length }, () => 1 + Math.floor(rng() * 8));
    expect(mask.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(100_000);
    const out = localEntropyMap(bins, mask, dims);
    for (let i = 0; i < mask.length; i++) {
      if (mask[i]) expect(out[i]! > 0 && out[i]! <= Math.log2(125)).toBe(true);
      else expect(out[i]).toBe(0);
    }
  });
});
