/**
 * numpy-compatible reductions (SPEC N1-N4). Expected values were produced with numpy 2.4
 * (np.sum, np.percentile, np.median, np.nanmean) and are exact float64 results.
 */
import { describe, expect, it } from "vitest";
import { medianSorted, nanMean, pairwiseSum, percentileSorted, pyMod, sortedCopy } from "./numeric";

const a = Float64Array.from({ length: 1000 }, (_, i) => 0.1 * (i % 7) + 1e-3 * i + 1e-9 * (i % 13));

describe("numeric", () => {
  it("[N1] pairwise sum equals np.sum bit for bit (and differs from a running sum)", () => {
    expect(pairwiseSum(a)).toBe(799.2000059940001);
    let running = 0;
    for (const v of a) running += v;
    expect(running).toBe(799.2000059940026);
    expect(pairwiseSum(a.subarray(0, 300))).toBe(134.550001794);
  });

  it("[N2] nanmean ignores NaN as np.nanmean", () => {
    expect(nanMean([0.1, NaN, 0.2, 0.3])).toBe(0.20000000000000004);
    expect(nanMean([NaN, NaN])).toBeNaN();
  });

  it("[N3] percentiles and median follow numpy's linear method", () => {
    const s = sortedCopy(a);
    expect(percentileSorted(s, 10)).toBe(0.3238000109000001);
    expect(percentileSorted(s, 25)).toBe(0.5407500055000001);
    expect(percentileSorted(s, 50)).toBe(0.799500003);
    expect(percentileSorted(s, 75)).toBe(1.05825001025);
    expect(percentileSorted(s, 90)).toBe(1.2751000073);
    expect(percentileSorted(s, 33.3)).toBe(0.632667002331);
    const x = sortedCopy([3, 1, 4, 1, 5, 9, 2, 6]);
    expect(percentileSorted(x, 10)).toBe(1.0);
    expect(percentileSorted(x, 90)).toBe(6.8999999999999995);
    expect(medianSorted(x)).toBe(3.5);
  });

  it("[N3] integer data is counting-sorted to the same order as a numeric sort", () => {
    const ints = [5, -1000, 3, 3, 40, -2, 0, 7];
    expect(Array.from(sortedCopy(ints))).toEqual([-1000, -2, 0, 3, 3, 5, 7, 40]);
    expect(Array.from(sortedCopy([0.5, -1, 2]))).toEqual([-1, 0.5, 2]);
  });

  it("[N4] modulo takes the divisor's sign like Python", () => {
    expect(pyMod(-1013, 25)).toBe(12);
    expect(pyMod(1013, 25)).toBe(13);
    expect(pyMod(-1000, 25)).toBe(0);
  });
});
