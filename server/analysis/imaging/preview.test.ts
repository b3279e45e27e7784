import { describe, expect, it } from "vitest";
import { createRng } from "../random";
import type { Affine, Volume } from "../types";
import { voxelToWorld } from "./affine";
import { previewVolume } from "./preview";
import { expectAnalysisError } from "./test-utils";

// An oblique, LPS-flipped grid like a CT's (scan-grid.ts), with an odd width.
const affine: Affine = [-0.9, 0.05, 0, 172, 0.02, -0.9, 0, 134, 0, 0, 5, -110, 0, 0, 0, 1];

function volume(data: Volume["data"], dims: [number, number, number]): Volume {
  return { data, dims, spacingMm: [0.9, 0.9, 5], affine };
}

describe("scan preview", () => {
  const dims: [number, number, number] = [7, 6, 3];
  const rng = createRng(11);
  const ct = volume(Int16Array.from({ length: 7 * 6 * 3 }, () => Math.round(rng() * 2000 - 1000)), dims);

  it("[I85] averages each 2x2 in-plane block, keeps the slices and the voxel type, drops a partial edge", () => {
    const p = previewVolume(ct, 2);
    expect(p.dims).toEqual([3, 3, 3]);
    expect(p.data).toBeInstanceOf(Int16Array);
    const at = (i: number, j: number, k: number) => ct.data[i + 7 * (j + 6 * k)]!;
    for (const [i, j, k] of [[0, 0, 0], [2, 1, 2], [1, 2, 1]]) {
      const mean = (at(2 * i, 2 * j, k) + at(2 * i + 1, 2 * j, k) + at(2 * i, 2 * j + 1, k) + at(2 * i + 1, 2 * j + 1, k)) / 4;
      expect(p.data[i + 3 * (j + 3 * k)]).toBe(Math.round(mean));
    }
  });

  it("[I85] float voxels are averaged without rounding", () => {
    const p = previewVolume(volume(Float32Array.from([0, 1, 0, 1, 1, 1, 1, 1]), [2, 2, 2]), 2);
    expect(Array.from(p.data)).toEqual([0.5, 1]);
  });

  it("[I86] each reduced voxel lies at the world centre of the voxels it averages", () => {
    for (const f of [2, 3]) {
      const p = previewVolume(ct, f);
      for (const [i, j, k] of [[0, 0, 0], [1, 1, 2], [p.dims[0] - 1, p.dims[1] - 1, 1]] as [number, number, number][]) {
        const block: [number, number, number][] = [];
        for (let dj = 0; dj < f; dj++) for (let di = 0; di < f; di++) block.push([f * i + di, f * j + dj, k]);
        const centre = [0, 1, 2].map((c) => block.reduce((s, v) => s + voxelToWorld(affine, v)[c]!, 0) / block.length);
        voxelToWorld(p.affine, [i, j, k]).forEach((v, c) => expect(v).toBeCloseTo(centre[c]!, 9));
      }
      expect(p.spacingMm[2]).toBeCloseTo(5, 9);
      expect(p.spacingMm[0]).toBeCloseTo(f * Math.hypot(0.9, 0.02), 9);
    }
  });

  it("refuses a factor below 2 and a slice smaller than a block", () => {
    expectAnalysisError(() => previewVolume(ct, 1), "INVALID_INPUT", /factor 1/);
    expectAnalysisError(() => previewVolume(ct, 7), "INVALID_INPUT", /smaller than one 7x7 block/);
  });
});
