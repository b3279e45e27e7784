import { describe, expect, it } from "vitest";
import type { Affine, Vec3 } from "../types";
import { recistAxes } from "./recist";
import { expectAnalysisError } from "./test-utils";

/** Rasterises an ellipse (axes in mm, rotated by `angle` rad) on slice k: pixel centres inside. */
function ellipse(dims: Vec3, spacing: Vec3, k: number, longMm: number, shortMm: number, angle = 0, mask: Uint8Array = new Uint8Array(dims[0] * dims[1] * dims[2])): Uint8Array {
  const [nx, ny] = dims;
  const cx = (nx / 2) * spacing[0], cy = (ny / 2) * spacing[1];
  const c = Math.cos(angle), s = Math.sin(angle);
  for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) {
    const x = i * spacing[0] - cx, y = j * spacing[1] - cy;
    const u = x * c + y * s, v = -x * s + y * c;
    if ((u / (longMm / 2)) ** 2 + (v / (shortMm / 2)) ** 2 <= 1) mask[i + nx * (j + ny * k)] = 1;
  }
  return mask;
}

const dot = (a: Vec3, b: Vec3, sp: Vec3) => [0, 1].reduce((acc, d) => acc + a[d] * sp[d] * b[d] * sp[d], 0);
const diff = (a: Vec3, b: Vec3): Vec3 => [b[0] - a[0], b[1] - a[1], b[2] - a[2]];

describe("recistAxes", () => {
  it("[I82] a 42 mm disc at 0.8 mm pixels measures 42 +- 1 mm on both axes", () => {
    const sp: Vec3 = [0.8, 0.8, 5];
    const r = recistAxes(ellipse([80, 80, 3], sp, 1, 42, 42), [80, 80, 3], sp);
    expect(r.longAxisMm).toBeGreaterThan(41);
    expect(r.longAxisMm).toBeLessThan(43);
    expect(r.shortAxisMm).toBeGreaterThan(41);
    expect(r.shortAxisMm).toBeLessThan(43);
    expect(r.sliceIndex).toBe(1);
  });

  it.each([0, Math.PI / 6, Math.PI / 4, 1.1])("[I82] [I83] a 30 x 20 mm ellipse rotated %f rad gives 30 and 20 +- 1 mm, axes perpendicular", (angle) => {
    const sp: Vec3 = [0.7, 0.7, 3];
    const dims: Vec3 = [70, 70, 1];
    const r = recistAxes(ellipse(dims, sp, 0, 30, 20, angle), dims, sp);
    expect(Math.abs(r.longAxisMm - 30)).toBeLessThanOrEqual(1);
    expect(Math.abs(r.shortAxisMm - 20)).toBeLessThanOrEqual(1);
    const l = diff(...r.longAxis.voxel), s = diff(...r.shortAxis.voxel);
    expect(Math.abs(dot(l, s, sp))).toBeLessThan(1e-6 * r.longAxisMm * r.shortAxisMm);
    expect(Math.hypot(l[0] * sp[0], l[1] * sp[1])).toBeCloseTo(r.longAxisMm, 9);
  });

  it("[I81] anisotropic pixels (0.6 x 0.9 mm) measure in mm, not pixels", () => {
    const sp: Vec3 = [0.6, 0.9, 2];
    const dims: Vec3 = [90, 60, 1];
    const r = recistAxes(ellipse(dims, sp, 0, 40, 24), dims, sp);
    expect(Math.abs(r.longAxisMm - 40)).toBeLessThanOrEqual(1);
    expect(Math.abs(r.shortAxisMm - 24)).toBeLessThanOrEqual(1);
  });

  it("[I80] a single pixel measures one pixel on both axes", () => {
    const m = new Uint8Array(27);
    m[13] = 1;
    const r = recistAxes(m, [3, 3, 3], [0.5, 0.5, 1]);
    expect([r.longAxisMm, r.shortAxisMm, r.sliceIndex]).toEqual([0.5, 0.5, 1]);
  });

  it("[I84] picks the slice with the longest diameter and reports world endpoints through the affine", () => {
    const sp: Vec3 = [1, 1, 4];
    const dims: Vec3 = [60, 60, 4];
    const m = ellipse(dims, sp, 1, 20, 18);
    ellipse(dims, sp, 2, 36, 10, 0, m);
    ellipse(dims, sp, 3, 36, 10, 0, m); // a tie: the lower slice wins
    const affine: Affine = [-1, 0, 0, 100, 0, -1, 0, 50, 0, 0, 4, -20, 0, 0, 0, 1];
    const r = recistAxes(m, dims, sp, affine);
    expect(r.sliceIndex).toBe(2);
    expect(Math.abs(r.longAxisMm - 36)).toBeLessThanOrEqual(1);
    const [a, b] = r.longAxis.world!;
    expect(Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2])).toBeCloseTo(r.longAxisMm, 9);
    expect(a[2]).toBe(-20 + 4 * 2);
  });

  it("[I81] an oblique in-plane affine gives the same lengths as the equivalent spacing", () => {
    const sp: Vec3 = [0.8, 0.8, 3];
    const dims: Vec3 = [60, 60, 1];
    const m = ellipse(dims, sp, 0, 30, 15, 0.4);
    const c = Math.cos(0.7) * 0.8, s = Math.sin(0.7) * 0.8;
    const rotated: Affine = [c, -s, 0, 0, s, c, 0, 0, 0, 0, 3, 0, 0, 0, 0, 1];
    const plain = recistAxes(m, dims, sp);
    const oblique = recistAxes(m, dims, sp, rotated);
    expect(oblique.longAxisMm).toBeCloseTo(plain.longAxisMm, 9);
    expect(oblique.shortAxisMm).toBeCloseTo(plain.shortAxisMm, 9);
  });

  it("[I80] throws EMPTY_MASK for an empty mask", () => {
    expectAnalysisError(() => recistAxes(new Uint8Array(8), [2, 2, 2], [1, 1, 1]), "EMPTY_MASK", /no non-zero voxel/);
  });
});
