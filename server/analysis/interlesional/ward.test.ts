import { describe, expect, it } from "vitest";
import { createRng } from "../random";
import { cutDendrogram, wardDendrogram } from "./ward";

/** Ward's algorithm by brute force: merge the pair with the smallest increase in SSE each step. */
function bruteWardHeights(points: number[][]): number[] {
  let clusters = points.map((p) => [p]);
  const heights: number[] = [];
  const centroid = (c: number[][]) => c[0].map((_, t) => c.reduce((s, p) => s + p[t], 0) / c.length);
  while (clusters.length > 1) {
    let best = { i: 0, j: 1, cost: Infinity };
    for (let i = 0; i < clusters.length; i++)
      for (let j = i + 1; j < clusters.length; j++) {
        const [a, b] = [clusters[i], clusters[j]];
        const [ca, cb] = [centroid(a), centroid(b)];
        const d2 = ca.reduce((s, v, t) => s + (v - cb[t]) ** 2, 0);
        const cost = ((a.length * b.length) / (a.length + b.length)) * d2;
        if (cost < best.cost) best = { i, j, cost };
      }
    heights.push(Math.sqrt(2 * best.cost));
    const merged = [...clusters[best.i], ...clusters[best.j]];
    clusters = clusters.filter((_, k) => k !== best.i && k !== best.j).concat([merged]);
  }
  return heights;
}

function distances(points: number[][]): number[][] {
  return points.map((p) => points.map((q) => Math.hypot(...p.map((v, t) => v - q[t]))));
}

describe("wardDendrogram", () => {
  it("[I4] merge heights are sqrt(2 x SSE increase) of Ward's criterion (ward.D2)", () => {
    const rng = createRng(12);
    const points = Array.from({ length: 10 }, () => Array.from({ length: 3 }, () => 10 * rng()));
    const d = wardDendrogram(distances(points), points.map((_, i) => `p${i}`));
    const heights = d.nodes.slice(10).map((n) => n.height);
    const expected = bruteWardHeights(points);
    heights.forEach((h, i) => expect(h).toBeCloseTo(expected[i], 9));
  });

  it("[I5] cutting undoes the last k - 1 merges", () => {
    // Two tight pairs far apart plus an outlier: k = 2 separates the outlier first.
    const points = [[0, 0], [0, 1], [10, 0], [10, 1], [100, 0]];
    const d = wardDendrogram(distances(points), ["a", "b", "c", "d", "e"]);
    const two = Array.from(cutDendrogram(d, 2));
    expect(two[0]).toBe(two[2]);
    expect(two[4]).not.toBe(two[0]);
    const three = Array.from(cutDendrogram(d, 3));
    expect(new Set([three[0], three[2], three[4]]).size).toBe(3);
    expect(three[0]).toBe(three[1]);
    expect(Array.from(cutDendrogram(d, 5)).sort()).toEqual([1, 2, 3, 4, 5]);
  });
});
