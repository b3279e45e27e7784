import { createRng } from "../random";
import { describe, expect, it } from "vitest";
import type { Vec3 } from "../types";
import { findLesions, lesionFullMask, lesionMask, type MaskGrid } from "./lesions";
import { expectAnalysisError } from "./test-utils";


/** Reference: breadth-first flood fill over the 26 neighbours, components numbered in scan order. */
function bruteComponents(m: MaskGrid): Int32Array {
  const [nx, ny, nz] = m.dims;
  const comp = new Int32Array(m.data.length);
  let next = 0;
  for (let p = 0; p < m.data.length; p++) {
    if (m.data[p] === 0 || comp[p] !== 0) continue;
    comp[p] = ++next;
    const queue = [p];
    while (queue.length) {
      const q = queue.pop()!;
      const x = q % nx, y = Math.floor(q / nx) % ny, z = Math.floor(q / (nx * ny));
      for (let dz = -1; dz <= 1; dz++) for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
        const xx = x + dx, yy = y + dy, zz = z + dz;
        if (xx < 0 || yy < 0 || zz < 0 || xx >= nx || yy >= ny || zz >= nz) continue;
        const r = xx + nx * (yy + ny * zz);
        if (m.data[r] !== 0 && comp[r] === 0) { comp[r] = next; queue.push(r); }
      }
    }
  }
  return comp;
}

const grid = (dims: Vec3, on: Vec3[], value = 1): MaskGrid => {
  const data = new Uint8Array(dims[0] * dims[1] * dims[2]);
  for (const [x, y, z] of on) data[x + dims[0] * (y + dims[1] * z)] = value;
  return { data, dims };
};

describe("findLesions", () => {
  it("[I50] throws EMPTY_MASK for an all-zero mask and INVALID_INPUT for negative or fractional labels", () => {
    expectAnalysisError(() => findLesions(grid([3, 3, 3], [])), "EMPTY_MASK", /no non-zero voxel/);
    expectAnalysisError(() => findLesions({ data: Int16Array.from([0, -2]), dims: [2, 1, 1] }), "INVALID_INPUT", /voxel 1 has value -2/);
    expectAnalysisError(() => findLesions({ data: Float32Array.from([0.5, 0]), dims: [2, 1, 1] }), "INVALID_INPUT", /voxel 0 has value 0\.5/);
  });

  it("[I51] a binary mask splits into 26-connected components: corner contact joins, a one-voxel gap separates", () => {
    const corner = findLesions(grid([4, 4, 4], [[0, 0, 0], [1, 1, 1]]));
    expect(corner.map((l) => l.voxelCount)).toEqual([2]);
    const gap = findLesions(grid([4, 4, 4], [[3, 3, 3], [0, 0, 0], [2, 0, 0]]));
    expect(gap.map((l) => [l.label, l.voxelCount, l.bboxMin])).toEqual([[1, 1, [0, 0, 0]], [2, 1, [2, 0, 0]], [3, 1, [3, 3, 3]]]);
  });

  it("[I51] matches a brute-force flood fill on 40 seeded random masks (counts, boxes, crops, order)", () => {
    const rand = createRng(20240611);
    for (let t = 0; t < 40; t++) {
      const dims: Vec3 = [3 + Math.floor(rand() * 12), 3 + Math.floor(rand() * 12), 1 + Math.floor(rand() * 10)];
      const density = 0.05 + rand() * 0.4;
      const data = new Uint8Array(dims[0] * dims[1] * dims[2]).map(() => (rand() < density ? 1 : 0));
      data[0] = 1;
      const m = { data, dims };
      const ref = bruteComponents(m);
      const lesions = findLesions(m);
      expect(lesions.length).toBe(Math.max(...ref));
      for (const l of lesions) {
        const full = lesionFullMask(l, dims);
        for (let p = 0; p < data.length; p++) expect(full[p]).toBe(ref[p] === l.label ? 1 : 0);
        expect(l.voxelCount).toBe(ref.filter((c) => c === l.label).length);
      }
    }
  });

  it("[I52] a label map gives one lesion per value, connected or not, in label order", () => {
    const m = grid([5, 2, 1], [[0, 0, 0], [4, 1, 0]], 9);
    m.data[2] = 7;
    const lesions = findLesions(m);
    expect(lesions.map((l) => [l.label, l.voxelCount, l.bboxMin, l.bboxMax])).toEqual([[7, 1, [2, 0, 0], [2, 0, 0]], [9, 2, [0, 0, 0], [4, 1, 0]]]);
    expect(Array.from(lesions[1].crop)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  });

  it("[I53] lesionMask returns the full-grid binary mask of one lesion, and rejects unknown labels", () => {
    const m = grid([4, 1, 1], [[0, 0, 0], [2, 0, 0], [3, 0, 0]]);
    expect(Array.from(lesionMask(m, 2))).toEqual([0, 0, 1, 1]);
    expectAnalysisError(() => lesionMask(m, 3), "INVALID_INPUT", /no lesion with label 3/);
  });

  it("[I54] handles a 512x512x300 mask with three lesions quickly", () => {
    const dims: Vec3 = [512, 512, 300];
    const data = new Uint8Array(dims[0] * dims[1] * dims[2]);
    const ball = (cx: number, cy: number, cz: number, r: number) => {
      for (let z = cz - r; z <= cz + r; z++) for (let y = cy - r; y <= cy + r; y++) for (let x = cx - r; x <= cx + r; x++) {
        if ((x - cx) ** 2 + (y - cy) ** 2 + (z - cz) ** 2 <= r * r) data[x + 512 * (y + 512 * z)] = 1;
      }
    };
    ball(100, 100, 100, 40);
    ball(300, 300, 150, 60);
    ball(450, 60, 250, 20);
    // Speed is measured by `npm run bench`, not asserted here.
    const lesions = findLesions({ data, dims });
    expect(lesions.map((l) => l.bboxMin)).toEqual([[60, 60, 60], [240, 240, 90], [430, 40, 230]]);
  });
});
