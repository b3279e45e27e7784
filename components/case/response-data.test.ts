import { describe, expect, it } from "vitest";
import { changeCategory, mixedResponseNotes, primaryTimepoints, recistRows, spiderData, waterfallBars } from "./response-data";
import { case1Timepoints, case1TherapyStart, case3Timepoints } from "./test-fixtures";

describe("spiderData", () => {
  const { series, newLesions } = spiderData(case1Timepoints, case1TherapyStart);

  it("gives one series per lesion with a baseline, x in days from therapy start", () => {
    expect(series.map((s) => s.lesionId)).toEqual(["L1", "L2", "L3", "L4"]);
    const l3 = series.find((s) => s.lesionId === "L3")!;
    expect(l3.points.map((p) => p.day)).toEqual([-10, 63, 147, 231]);
    expect(l3.points.map((p) => Math.round(p.pct))).toEqual([0, -25, -4, 29]);
  });

  it("colours a lesion by its latest direction: L3 grows from its nadir while L1 and L2 shrink", () => {
    expect(Object.fromEntries(series.map((s) => [s.lesionId, s.category]))).toEqual({ L1: "shrinking", L2: "shrinking", L3: "growing", L4: "stable" });
  });

  it("returns new lesions as marks at their first appearance, not as % lines", () => {
    expect(newLesions).toEqual([{ lesionId: "L5", day: 231, date: "2026-11-16", sizeMm: 12 }]);
  });

  it("counts days from baseline without a therapy line, and is empty without timepoints", () => {
    expect(spiderData(case1Timepoints, null).series[0]!.points[1]!.day).toBe(73);
    expect(spiderData([], null)).toEqual({ series: [], newLesions: [] });
  });

  it("marks a new lesion once even when it disappears later (case 3, U2)", () => {
    expect(spiderData(case3Timepoints, "2026-07-13").newLesions.map((m) => [m.lesionId, m.day])).toEqual([["U2", 70]]);
  });
});

describe("waterfallBars", () => {
  const bars = waterfallBars(case1Timepoints);

  it("takes the best change per lesion and sorts the largest increase first", () => {
    expect(bars.map((b) => [b.lesionId, Math.round(b.bestPct)])).toEqual([
      ["L4", -7],
      ["L3", -25],
      ["L1", -45],
      ["L2", -55],
    ]);
  });

  it("colours bars by the -30 % / +20 % bars and keeps the latest direction beside the best", () => {
    const l3 = bars.find((b) => b.lesionId === "L3")!;
    expect(l3.category).toBe("stable");
    expect(l3.latestCategory).toBe("growing");
    expect(Math.round(l3.latestPct)).toBe(29);
    expect(bars.find((b) => b.lesionId === "L2")!.category).toBe("shrinking");
  });

  it("leaves new lesions out (no baseline)", () => {
    expect(bars.some((b) => b.lesionId === "L5")).toBe(false);
  });
});

describe("changeCategory", () => {
  const at = (t: number, id: string) => case1Timepoints[t]!.lesions.find((c) => c.lesionId === id)!;
  it("needs +20 % and +5 mm from the nadir to call a lesion growing", () => {
    // L4: 13 -> 14 mm is +8 % and +1 mm.
    expect(changeCategory(at(3, "L4"))).toBe("stable");
    // L3: 18 -> 23 mm is +28 % and +5 mm.
    expect(changeCategory(at(2, "L3"))).toBe("growing");
  });
  it("tells a new lesion from one that has gone", () => {
    expect(changeCategory(at(3, "L5"))).toBe("new");
    expect(changeCategory(case3Timepoints[2]!.lesions.find((c) => c.lesionId === "U2")!)).toBe("gone");
  });
});

describe("mixedResponseNotes", () => {
  it("names the shrinking, growing and new lesions of each mixed-response timepoint", () => {
    const notes = mixedResponseNotes(case1Timepoints);
    expect(notes.map((n) => n.date)).toEqual(["2026-08-24", "2026-11-16"]);
    const last = notes[1]!;
    expect(last.shrinking.map((s) => s.lesionId)).toEqual(["L1", "L2"]);
    expect(last.growing.map((g) => [g.lesionId, Math.round(g.pctFromNadir), g.mmFromNadir])).toEqual([["L3", 72, 13]]);
    expect(last.newLesions).toEqual(["L5"]);
  });
});

describe("recistRows and primaryTimepoints", () => {
  const recist = case3Timepoints.map((t, i) => ({ ...t, overallResponse: ([null, "PD", "PR"] as const)[i]! }));
  const response = { recist, irecist: case3Timepoints, primary: "irecist" as const, error: null };

  it("puts the iRECIST category beside RECIST 1.1 and days from therapy start", () => {
    const rows = recistRows(response, "2026-07-13");
    expect(rows.map((r) => [r.day, r.recist, r.irecist])).toEqual([
      [-7, null, null],
      [70, "PD", "iUPD"],
      [126, "PR", "iPR"],
    ]);
  });

  it("reads iRECIST as primary under immunotherapy, RECIST 1.1 otherwise", () => {
    expect(primaryTimepoints(response)).toBe(case3Timepoints);
    expect(primaryTimepoints({ ...response, irecist: null, primary: "recist" })).toBe(recist);
  });

  it("has no iRECIST column values for a RECIST-only case", () => {
    expect(recistRows({ recist: case1Timepoints, irecist: null, primary: "recist", error: null }, case1TherapyStart).every((r) => r.irecist === null)).toBe(true);
  });
});
