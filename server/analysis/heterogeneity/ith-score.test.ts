import { describe, expect, it } from "vitest";
import { ithScore, ITH_MIN_VOXELS } from "./ith-score";
import { localEntropyMap } from "./local-entropy";

describe("ithScore", () => {
  it("[H10] a uniform lesion scores 0", () => {
    const dims: [number, number, number] = [8, 8, 8];
    const mask = new Uint8Array(512).fill(1);
    const map = localEntropyMap(new Int32Array(512).fill(2), mask, dims);
    expect(ithScore(map, mask)).toEqual({ tooSmall: false, score: 0, meanEntropyBits: 0, voxelCount: 512 });
  });

  it("[H10] is the mean local entropy over log2(125), times 100", () => {
    const mask = new Uint8Array(100).fill(1);
    const map = new Float32Array(100);
    for (let i = 0; i < 100; i++) map[i] = i % 2 ? 3 : 1; // mean 2 bits
    const r = ithScore(map, mask);
    expect(r.tooSmall).toBe(false);
    if (!r.tooSmall) {
      expect(r.meanEntropyBits).toBeCloseTo(2, 12);
      expect(r.score).toBeCloseTo((2 / Math.log2(125)) * 100, 10);
    }
  });

  it("[H10] uses the window of the map's radius and ignores voxels outside the mask", () => {
    const mask = new Uint8Array(200);
    mask.fill(1, 0, 100);
    const map = new Float32Array(200).fill(6); // outside values would raise the mean if counted
    map.fill(Math.log2(27) / 2, 0, 100);
    const r = ithScore(map, mask, { radius: 1 });
    expect(!r.tooSmall && r.score).toBeCloseTo(50, 4);
  });

  it("[H11] lesions under 64 voxels are too small and not scored; 64 is scored", () => {
    const map = new Float32Array(70).fill(1);
    const small = new Uint8Array(70);
    small.fill(1, 0, ITH_MIN_VOXELS - 1);
    const r = ithScore(map, small);
    expect(r).toMatchObject({ tooSmall: true, voxelCount: 63 });
    expect(r.tooSmall && r.reason).toMatch(/too small for texture/);
    expect("score" in r).toBe(false);
    const enough = new Uint8Array(70);
    enough.fill(1, 0, ITH_MIN_VOXELS);
    expect(ithScore(map, enough).tooSmall).toBe(false);
  });
});
