import { describe, expect, it } from "vitest";
import { meanSilhouette } from "./silhouette";

describe("meanSilhouette", () => {
  it("[H7] matches a hand computation (Rousseeuw 1987)", () => {
    // 1D points 0, 1 | 10, 11: a = 1 for all; b = 10.5, 9.5, 9.5, 10.5.
    const s = meanSilhouette(Float64Array.from([0, 1, 10, 11]), 1, [0, 0, 1, 1], 2);
    expect(s).toBeCloseTo((9.5 / 10.5 + 8.5 / 9.5) / 2, 12);
  });

  it("[H7] scores a singleton 0 and is undefined for one occupied cluster", () => {
    // Point 0 alone: s = 0; points 5, 6: a = 1, b = 5 and 6.
    const s = meanSilhouette(Float64Array.from([0, 5, 6]), 1, [0, 1, 1], 2);
    expect(s).toBeCloseTo((0 + 4 / 5 + 5 / 6) / 3, 12);
    expect(meanSilhouette(Float64Array.from([0, 1]), 1, [0, 0], 2)).toBeNaN();
  });
});
