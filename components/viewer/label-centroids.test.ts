import { describe, expect, it } from "vitest";
import { labelCentroidsMm, voxelToWorld } from "./label-centroids";

// The demo scans' layout: diag(-0.9, -0.9, 5) plus an origin (server/demo/scan-grid.ts).
const affine = [
  [-0.9, 0, 0, 100],
  [0, -0.9, 0, 50],
  [0, 0, 5, -110],
  [0, 0, 0, 1],
];

describe("labelCentroidsMm", () => {
  it("maps voxel indices through the affine", () => {
    expect(voxelToWorld(affine, [10, 20, 2])).toEqual([91, 32, -100]);
  });

  it("averages each label's voxels and maps the mean to world mm", () => {
    const dims = [4, 3, 2] as const;
    const data = new Uint8Array(24);
    const at = (i: number, j: number, k: number) => i + 4 * (j + 3 * k);
    data[at(0, 0, 0)] = 1;
    data[at(2, 0, 0)] = 1;
    data[at(3, 2, 1)] = 2;
    const c = labelCentroidsMm(data, dims, affine);
    expect([...c.keys()].sort()).toEqual([1, 2]);
    expect(c.get(1)).toEqual(voxelToWorld(affine, [1, 0, 0]));
    expect(c.get(2)).toEqual(voxelToWorld(affine, [3, 2, 1]));
  });

  it("rounds float labels and skips background and NaN", () => {
    const data = new Float32Array([0, 2.0000001, NaN, 2]);
    const c = labelCentroidsMm(data, [4, 1, 1], affine);
    expect([...c.keys()]).toEqual([2]);
    expect(c.get(2)![0]).toBeCloseTo(100 - 0.9 * 2, 6);
  });

  it("refuses a volume shorter than its dims", () => {
    expect(() => labelCentroidsMm(new Uint8Array(3), [2, 2, 1], affine)).toThrow(/need 4/);
  });
});
