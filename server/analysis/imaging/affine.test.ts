import { describe, expect, it } from "vitest";
import type { Affine, Vec3 } from "../types";
import { affineToQuatern, assertValidAffine, quaternToAffine, voxelToWorld, worldToVoxel } from "./affine";
import { expectAnalysisError } from "./test-utils";

/** Rotation from Euler angles (z, then y, then x), scaled per column, with an offset. */
function affineFrom(angles: Vec3, scale: Vec3, flipK: boolean, offset: Vec3): Affine {
  const [a, b, c] = angles;
  const Rz = [[Math.cos(a), -Math.sin(a), 0], [Math.sin(a), Math.cos(a), 0], [0, 0, 1]];
  const Ry = [[Math.cos(b), 0, Math.sin(b)], [0, 1, 0], [-Math.sin(b), 0, Math.cos(b)]];
  const Rx = [[1, 0, 0], [0, Math.cos(c), -Math.sin(c)], [0, Math.sin(c), Math.cos(c)]];
  const mul = (A: number[][], B: number[][]) => A.map((row) => [0, 1, 2].map((j) => row.reduce((s, v, k) => s + v * B[k][j], 0)));
  const R = mul(mul(Rz, Ry), Rx);
  const s = [scale[0], scale[1], flipK ? -scale[2] : scale[2]];
  return [0, 1, 2].flatMap((r) => [R[r][0] * s[0], R[r][1] * s[1], R[r][2] * s[2], offset[r]]).concat([0, 0, 0, 1]) as Affine;
}

describe("affine helpers", () => {
  const cases: Array<[string, Vec3, boolean]> = [
    ["identity", [0, 0, 0], false],
    ["oblique", [0.3, -0.4, 1.2], false],
    ["left-handed oblique", [0.3, -0.4, 1.2], true],
    ["180 degrees about z (quaternion a = 0)", [Math.PI, 0, 0], false],
    ["180 degrees about x, left-handed", [0, 0, Math.PI], true],
  ];
  it.each(cases)("[I3] [I9] quaternion round trip: %s", (_name, angles, flip) => {
    const aff = affineFrom(angles, [0.7, 0.9, 2.5], flip, [10, -20, 30]);
    const q = affineToQuatern(aff);
    expect(q.qfac).toBe(flip ? -1 : 1);
    const back = quaternToAffine([q.b, q.c, q.d], q.offset, q.pixdim, q.qfac);
    for (let n = 0; n < 16; n++) expect(back[n]).toBeCloseTo(aff[n], 10);
  });

  it("[I12] worldToVoxel inverts voxelToWorld on an oblique affine", () => {
    const aff = affineFrom([0.2, 0.5, -0.3], [0.8, 0.8, 3], true, [100, 50, -20]);
    const ijk: Vec3 = [12.5, -3, 40];
    worldToVoxel(aff, voxelToWorld(aff, ijk)).forEach((v, n) => expect(v).toBeCloseTo(ijk[n], 10));
  });

  it("[I13] rejects a bad bottom row", () => {
    const aff = affineFrom([0, 0, 0], [1, 1, 1], false, [0, 0, 0]);
    aff[15] = 2;
    expectAnalysisError(() => assertValidAffine(aff, "x"), "CORRUPT_FILE", /bottom row is \[0, 0, 0, 2\]/);
  });
});
