// RECIST 1.1 §3.1 and §4.2 (Eisenhauer et al. 2009); lymph nodes as one organ per the EORTC
// RECIST 1.1 questions and clarifications.
import { describe, expect, it } from "vitest";
import { measurableMinimumMm } from "./lesion-size";
import { suggestTargets } from "./target-selection";

describe("target selection", () => {
  it("[R1] a non-nodal lesion is measurable from 10 mm longest diameter", () => {
    const s = suggestTargets([
      { id: "a", organ: "liver", isLymphNode: false, longAxisMm: 10 },
      { id: "b", organ: "lung", isLymphNode: false, longAxisMm: 9.9 },
    ]);
    expect(s.targets).toEqual(["a"]);
    expect(s.nonTargets).toEqual(["b"]);
  });

  it("[R1] with slices thicker than 5 mm the minimum is twice the slice thickness", () => {
    expect(measurableMinimumMm(5)).toBe(10);
    expect(measurableMinimumMm(8)).toBe(16);
    const s = suggestTargets([{ id: "a", organ: "liver", isLymphNode: false, longAxisMm: 12 }], { sliceThicknessMm: 8 });
    expect(s.targets).toEqual([]);
    expect(s.reasons[0]!.reason).toMatch(/< 16 mm/);
  });

  it("[R2] nodes: >= 15 mm short axis target, 10 to < 15 mm non-target, < 10 mm normal", () => {
    const s = suggestTargets([
      { id: "n15", organ: "axilla", isLymphNode: true, longAxisMm: 25, shortAxisMm: 15 },
      { id: "n14", organ: "neck", isLymphNode: true, longAxisMm: 25, shortAxisMm: 14.9 },
      { id: "n10", organ: "neck", isLymphNode: true, longAxisMm: 20, shortAxisMm: 10 },
      { id: "n9", organ: "groin", isLymphNode: true, longAxisMm: 30, shortAxisMm: 9.9 },
    ]);
    expect(s.targets).toEqual(["n15"]);
    expect(s.nonTargets).toEqual(["n14", "n10"]);
    expect(s.normalNodes).toEqual(["n9"]);
  });

  it("[R3] at most 2 targets per organ and 5 in total, all nodes one organ", () => {
    const s = suggestTargets([
      { id: "l1", organ: "liver", isLymphNode: false, longAxisMm: 50 },
      { id: "l2", organ: "Liver", isLymphNode: false, longAxisMm: 40 },
      { id: "l3", organ: "liver", isLymphNode: false, longAxisMm: 45 },
      { id: "n1", organ: "axilla", isLymphNode: true, longAxisMm: 30, shortAxisMm: 20 },
      { id: "n2", organ: "mediastinum", isLymphNode: true, longAxisMm: 30, shortAxisMm: 18 },
      { id: "n3", organ: "groin", isLymphNode: true, longAxisMm: 30, shortAxisMm: 25 },
      { id: "p1", organ: "lung", isLymphNode: false, longAxisMm: 12 },
      { id: "b1", organ: "bone", isLymphNode: false, longAxisMm: 11 },
    ]);
    expect(s.targets).toEqual(["l1", "l3", "n3", "n1", "p1"]);
    expect(s.nonTargets.sort()).toEqual(["b1", "l2", "n2"]);
  });

  it("[R4] largest first, nodes ranked by short axis; a lesion not reproducibly measurable is non-target", () => {
    const s = suggestTargets([
      { id: "small", organ: "lung", isLymphNode: false, longAxisMm: 14 },
      { id: "node", organ: "hilum", isLymphNode: true, longAxisMm: 40, shortAxisMm: 16 },
      { id: "big", organ: "liver", isLymphNode: false, longAxisMm: 60, reproducible: false },
    ]);
    expect(s.targets).toEqual(["node", "small"]);
    expect(s.reasons.find((r) => r.id === "big")!.reason).toMatch(/not reproducibly/);
  });

  it("[R4] the DEMO case 1 baseline gives L1, L2 and L4; L3 is the third liver lesion", () => {
    const s = suggestTargets([
      { id: "L1", organ: "liver", isLymphNode: false, longAxisMm: 42 },
      { id: "L2", organ: "liver", isLymphNode: false, longAxisMm: 31 },
      { id: "L3", organ: "liver", isLymphNode: false, longAxisMm: 24 },
      { id: "L4", organ: "lung", isLymphNode: false, longAxisMm: 14 },
    ]);
    expect(s.targets).toEqual(["L1", "L2", "L4"]);
    expect(s.nonTargets).toEqual(["L3"]);
  });

  it("[R19] rejects duplicate ids and nodes without a short axis", () => {
    expect(() => suggestTargets([{ id: "a", organ: "x", isLymphNode: true, longAxisMm: 20 }])).toThrow(/candidates\[0\]\.shortAxisMm/);
    expect(() =>
      suggestTargets([
        { id: "a", organ: "x", isLymphNode: false, longAxisMm: 20 },
        { id: "a", organ: "x", isLymphNode: false, longAxisMm: 20 },
      ]),
    ).toThrow(/candidates\[1\]\.id: duplicate/);
  });
});
