/**
 * Texture matrices on the worked examples of PyRadiomics' documentation (glcm.py, glrlm.py,
 * glszm.py, ngtdm.py, gldm.py docstrings, PyRadiomics 3.x), and the direction sets (SPEC A, G, R, Z, N, M).
 */
import { describe, expect, it } from "vitest";
import { generateAngles } from "./angles";
import { glcmMatrices } from "./glcm";
import { gldmMatrix } from "./gldm";
import { glrlmMatrices } from "./glrlm";
import { labelZones, zoneMatrix } from "./glszm";
import { scanNeighbourhoods } from "./neighbourhood";
import { ngtdmMatrix } from "./ngtdm";
import { makeRoiGrid, type RoiGrid } from "./roi-grid";

/** A one-slice grid from rows (y) of grey levels (x). */
function grid2d(rows: number[][]): RoiGrid {
  const ny = rows.length;
  const nx = rows[0].length;
  return makeRoiGrid(Int32Array.from(rows.flat()), [nx, ny, 1], [1, 1, 1]);
}

const RUNS_IMAGE = [
  [5, 2, 5, 4, 4],
  [3, 3, 3, 1, 3],
  [2, 1, 1, 1, 3],
  [4, 2, 2, 2, 3],
  [3, 5, 3, 3, 2],
];

const rowsOf = (m: Float64Array, width: number) => Array.from({ length: m.length / width }, (_, r) => Array.from(m.subarray(r * width, (r + 1) * width)));

describe("directions", () => {
  it("[A1] 13 mono-directional 3D directions in PyRadiomics' order, 26 bidirectional", () => {
    const mono = generateAngles([5, 5, 5], [1], false, -1);
    expect(mono).toHaveLength(13);
    expect(mono[0]).toEqual([1, 1, 1]);
    expect(mono[12]).toEqual([0, 0, 1]);
    expect(generateAngles([5, 5, 5], [1], true, -1)).toHaveLength(26);
    expect(generateAngles([5, 5, 5], [1, 2], true, -1)).toHaveLength(124);
  });

  it("[A2] a one-slice ROI gets the 4 in-plane directions only", () => {
    expect(generateAngles([1, 5, 5], [1], false, -1)).toEqual([[0, 1, 1], [0, 1, 0], [0, 1, -1], [0, 0, 1]]);
  });

  it("[A3] force2D drops the out-of-plane axis", () => {
    expect(generateAngles([5, 5, 5], [1], false, 0)).toEqual([[0, 1, 1], [0, 1, 0], [0, 1, -1], [0, 0, 1]]);
    expect(generateAngles([5, 5, 5], [1], true, 2)).toHaveLength(8);
  });
});

describe("matrices on PyRadiomics' documented examples", () => {
  it("[G1] [G2] symmetric GLCM at 0 degrees", () => {
    const g = grid2d([
      [1, 2, 5, 2, 3],
      [3, 2, 1, 3, 1],
      [1, 3, 5, 5, 2],
      [1, 1, 1, 1, 2],
      [1, 2, 4, 3, 5],
    ]);
    const matrices = glcmMatrices(g, { distances: [1], symmetrical: true, weightingNorm: null, force2Ddimension: -1 });
    expect(matrices).toHaveLength(4);
    // Direction 4 is (0, 0, 1): along x. The normalised matrix times its total (40) gives the counts.
    const counts = rowsOf(matrices[3], 5).map((r) => r.map((v) => Math.round(v * 40)));
    expect(counts).toEqual([
      [6, 4, 3, 0, 0],
      [4, 0, 2, 1, 3],
      [3, 2, 0, 1, 2],
      [0, 1, 1, 0, 0],
      [0, 3, 2, 0, 2],
    ]);
  });

  it("[R1] GLRLM at 0 degrees", () => {
    const { matrices, nRuns } = glrlmMatrices(grid2d(RUNS_IMAGE), { weightingNorm: null, force2Ddimension: -1 });
    expect(nRuns).toBe(5);
    expect(rowsOf(matrices[3], 5)).toEqual([
      [1, 0, 1, 0, 0],
      [3, 0, 1, 0, 0],
      [4, 1, 1, 0, 0],
      [1, 1, 0, 0, 0],
      [3, 0, 0, 0, 0],
    ]);
  });

  it("[R2] a direction whose lines hold one ROI voxel each is dropped", () => {
    // A diagonal ROI: only the diagonal direction meets two voxels on one line; rows, columns and
    // anti-diagonals meet one each, so those three directions are dropped.
    const g = grid2d([
      [1, 0, 0],
      [0, 2, 0],
      [0, 0, 1],
    ]);
    const { matrices } = glrlmMatrices(g, { weightingNorm: null, force2Ddimension: -1 });
    expect(matrices).toHaveLength(1);
    expect(rowsOf(matrices[0], 3)).toEqual([
      [2, 0, 0],
      [1, 0, 0],
    ]);
  });

  it("[Z1] GLSZM with 8-connected zones", () => {
    const g = grid2d(RUNS_IMAGE);
    const zones = labelZones(g, -1);
    const { P, jv } = zoneMatrix(g, zones.level, zones.size);
    expect(Array.from(jv)).toEqual([1, 2, 3, 4, 5]);
    expect(rowsOf(P, 5)).toEqual([
      [0, 0, 0, 1, 0],
      [1, 0, 0, 0, 1],
      [1, 0, 1, 0, 1],
      [1, 1, 0, 0, 0],
      [3, 0, 0, 0, 0],
    ]);
  });

  it("[N5] NGTDM n_i and s_i", () => {
    const g = grid2d([
      [1, 2, 5, 2],
      [3, 5, 1, 3],
      [1, 3, 5, 5],
      [3, 1, 1, 1],
    ]);
    const { n, s, levels } = ngtdmMatrix(g, scanNeighbourhoods(g, [1], -1, 0));
    expect(Array.from(levels)).toEqual([1, 2, 3, 5]);
    expect(Array.from(n)).toEqual([6, 2, 4, 4]);
    const abs = Math.abs;
    const expected = [
      abs(1 - 10 / 3) + abs(1 - 30 / 8) + abs(1 - 15 / 5) + abs(1 - 13 / 5) + abs(1 - 15 / 5) + abs(1 - 11 / 3),
      2,
      // The docstring's text gives 3.03 (its table's 2.63 is a typo).
      abs(3 - 12 / 5) + abs(3 - 18 / 5) + abs(3 - 20 / 8) + abs(3 - 5 / 3),
      abs(5 - 13 / 5) + abs(5 - 21 / 8) + abs(5 - 20 / 8) + abs(5 - 11 / 5),
    ];
    s.forEach((v, k) => expect(v).toBeCloseTo(expected[k], 12));
    expect(expected[0]).toBeCloseTo(13.35, 12);
    expect(expected[3]).toBeCloseTo(10.075, 12);
  });

  it("[M1] GLDM with alpha 0", () => {
    const g = grid2d(RUNS_IMAGE);
    const { P, jv, m } = gldmMatrix(g, scanNeighbourhoods(g, [1], -1, 0));
    expect(Array.from(jv)).toEqual([1, 2, 3, 4]);
    expect(rowsOf(P, m)).toEqual([
      [0, 1, 2, 1],
      [1, 2, 3, 0],
      [1, 4, 4, 0],
      [1, 2, 0, 0],
      [3, 0, 0, 0],
    ]);
  });
});
