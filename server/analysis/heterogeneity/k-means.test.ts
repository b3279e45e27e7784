import { describe, expect, it } from "vitest";
import { createRng } from "../random";
import { kMeans2d } from "./k-means";

describe("kMeans2d", () => {
  it("[H6] converges to the obvious partition with its inertia", () => {
    const xs = Float64Array.from([0, 0, 10, 10]);
    const ys = Float64Array.from([0, 1, 0, 1]);
    const r = kMeans2d(xs, ys, 2, createRng(1))!;
    expect(r.labels[0]).toBe(r.labels[1]);
    expect(r.labels[2]).toBe(r.labels[3]);
    expect(r.labels[0]).not.toBe(r.labels[2]);
    expect(r.inertia).toBeCloseTo(1, 12); // four points each 0.5 from their centre
  });

  it("[H6] returns null when fewer distinct points than k exist", () => {
    const same = new Float64Array(5).fill(3);
    expect(kMeans2d(same, same, 2, createRng(1))).toBeNull();
    expect(kMeans2d(Float64Array.from([0, 1]), Float64Array.from([0, 1]), 3, createRng(1))).toBeNull();
  });

  it("[H6] is reproducible from the seed", () => {
    const rng = createRng(8);
    const xs = Float64Array.from({ length: 3000 }, () => rng());
    const ys = Float64Array.from({ length: 3000 }, () => rng());
    const a = kMeans2d(xs, ys, 4, createRng(5))!;
    const b = kMeans2d(xs, ys, 4, createRng(5))!;
    expect(b.labels).toEqual(a.labels);
    expect(b.inertia).toBe(a.inertia);
  });

  it("[H6] ends at a Lloyd fixed point: every point nearest its own cluster's mean", () => {
    const rng = createRng(2);
    const xs = Float64Array.from({ length: 2000 }, () => rng());
    const ys = Float64Array.from({ length: 2000 }, () => rng() * 3);
    const { labels } = kMeans2d(xs, ys, 3, createRng(3))!;
    const cx = [0, 0, 0], cy = [0, 0, 0], n = [0, 0, 0];
    labels.forEach((c, i) => {
      cx[c] += xs[i];
      cy[c] += ys[i];
      n[c]++;
    });
    for (let c = 0; c < 3; c++) [cx[c], cy[c]] = [cx[c] / n[c], cy[c] / n[c]];
    let misplaced = 0;
    labels.forEach((c, i) => {
      const d = (k: number) => (xs[i] - cx[k]) ** 2 + (ys[i] - cy[k]) ** 2;
      if ([0, 1, 2].some((k) => d(k) < d(c) - 1e-9)) misplaced++;
    });
    // A Lloyd fixed point: recomputing the centres from the labels moves no point.
    expect(misplaced).toBe(0);
  });
});
