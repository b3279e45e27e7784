/**
 * Discretisation (SPEC D1-D4). Expected edges and bins from numpy 2.4 running PyRadiomics 3.x
 * `getBinEdges` + `np.digitize`; the 54..166 example is PyRadiomics' own documentation example.
 */
import { describe, expect, it } from "vitest";
import { binEdges, digitize, discretise } from "./discretise";
import { loadPhantom } from "./test-utils";

describe("discretise", () => {
  it("[D1] fixed bin width: edges are multiples of the width from below the minimum to past the maximum", () => {
    const d = discretise([54, 74, 75, 166], { binWidth: 25 });
    expect(Array.from(d.edges)).toEqual([50, 75, 100, 125, 150, 175, 200]);
    expect(Array.from(d.bins)).toEqual([1, 1, 2, 5]);
    expect(d.nBins).toBe(6);
    expect(d.maxBin).toBe(5);
  });

  it("[D1] negative minimum uses the floored modulo", () => {
    expect(Array.from(binEdges([-1013, 200], { binWidth: 25 }).subarray(0, 3))).toEqual([-1025, -1000, -975]);
  });

  it("[D1] fractional width reproduces numpy.arange's edges (0.30000000000000004)", () => {
    const d = discretise([0.1, 0.25, 0.33, 0.7], { binWidth: 0.1 });
    expect(Array.from(d.edges)).toEqual([0.1, 0.2, 0.30000000000000004, 0.4, 0.5, 0.6, 0.7000000000000001, 0.8]);
    expect(Array.from(d.bins)).toEqual([1, 2, 3, 6]);
  });

  it("[D1] the default width is 25", () => {
    expect(Array.from(discretise([0, 24, 25]).bins)).toEqual([1, 1, 2]);
  });

  it("[D2] fixed bin count: numpy.histogram edges, last edge + 1 so the maximum is in the top bin", () => {
    const d = discretise([0, 3, 10, 2], { binCount: 5 });
    expect(Array.from(d.edges)).toEqual([0, 2, 4, 6, 8, 11]);
    expect(Array.from(d.bins)).toEqual([1, 2, 5, 2]);
    const flat = discretise([7, 7], { binCount: 3 });
    expect(Array.from(flat.edges)).toEqual([6.5, 6.833333333333333, 7.166666666666667, 8.5]);
    expect(Array.from(flat.bins)).toEqual([2, 2]);
  });

  it("[D2] binCount takes precedence over binWidth", () => {
    expect(discretise([0, 10], { binWidth: 1, binCount: 2 }).nBins).toBe(2);
  });

  it("[D3] a value on an edge belongs to the bin above (numpy.digitize)", () => {
    const edges = Float64Array.of(0, 1, 2);
    expect([digitize(-0.1, edges), digitize(0, edges), digitize(0.999, edges), digitize(1, edges), digitize(2, edges)]).toEqual([0, 1, 1, 2, 3]);
  });

  it("[D4] bin width 1 on the IBSI phantom leaves the grey levels unchanged", () => {
    const { image, mask } = loadPhantom();
    const values = Array.from(image.data).filter((_, i) => mask.data[i] === 1);
    const d = discretise(values, { binWidth: 1 });
    expect(Array.from(d.bins)).toEqual(values);
    expect(d.maxBin).toBe(6);
  });

  it("[D1] rejects a non-positive width and an empty input", () => {
    expect(() => discretise([1, 2], { binWidth: 0 })).toThrow(/binWidth/);
    expect(() => discretise([], {})).toThrow(/no intensities/);
  });
});
