import { describe, expect, it } from "vitest";
import { analyteSummaries, keyLiquidFlags, liquidFlags, liquidTimeline, monthTicks, packLabels, toTime } from "./liquid-data";
import { responseTone } from "./response-data";
import type { LiquidAnalysisView, PanelData } from "./types";

type Sample = PanelData["liquidSamples"][number];
const variant = (gene: string, v: string, value: number | null) => ({ kind: "variant" as const, analyte: gene, variant: v, detected: value !== null, value, unit: "%", lod: 0.1 });
const cea = (value: number) => ({ kind: "marker" as const, analyte: "CEA", variant: "", detected: true, value, unit: "ng/mL", lod: 0.5 });

// DEMO.md case 1: APC, TP53 and KRAS VAF %, CEA ng/mL at -10, +63, +147, +231.
const dates = ["2026-03-20", "2026-06-01", "2026-08-24", "2026-11-16"];
const kras = [null, null, 0.4, 2.1];
const samples: Sample[] = dates.map((date, i) => ({
  date,
  specimen: "plasma",
  results: [variant("APC", "p.R876*", [18, 4.1, 3.2, 6.3][i]!), cea([86, 22, 18, 41][i]!), variant("KRAS", "p.G12D", kras[i]!), variant("TP53", "p.R175H", [15.2, 3.3, 2.9, 5.4][i]!)],
}));

const analysis = {
  timepoints: [],
  trends: [
    { analyte: "CEA", analyteType: "marker", unit: "ng/mL", points: 3, fromDate: "2026-06-01", toDate: "2026-11-16", slopePerDay: 0.0037, doublingTimeDays: 187.06, halvingTimeDays: null },
    { analyte: "KRAS p.G12D", analyteType: "variant", unit: "%", points: 0, fromDate: null, toDate: null, slopePerDay: null, doublingTimeDays: null, halvingTimeDays: null, reason: "fewer than 3 detected values" },
  ],
  flags: [
    { kind: "emerging-variant", date: "2026-08-24", analyte: "KRAS p.G12D", message: "Emerging variant KRAS p.G12D (0.4%)" },
    { kind: "molecular-response", date: "2026-06-01", message: "Molecular response" },
  ],
  discordance: [{ kind: "imaging-response-molecular-progression", date: "2026-08-24", sampleDate: "2026-08-24", imagingResponse: "PR", message: "Imaging PR but emerging KRAS" }],
} as unknown as LiquidAnalysisView;

const timeline = liquidTimeline({
  samples,
  analysis,
  therapyLines: [{ name: "FOLFIRI + cetuximab", startDate: "2026-03-30", endDate: null }],
  imaging: dates.map((date, i) => ({ date, response: [null, "PR", "PR", "PD"][i]! })),
});

describe("liquidTimeline", () => {
  it("makes one row per sample date with index keys per variant and marker", () => {
    expect(timeline.variants.map((v) => [v.key, v.name, v.unit, v.lod])).toEqual([
      ["v0", "APC p.R876*", "%", 0.1],
      ["v1", "KRAS p.G12D", "%", 0.1],
      ["v2", "TP53 p.R175H", "%", 0.1],
    ]);
    expect(timeline.markers.map((m) => [m.key, m.name, m.unit])).toEqual([["m0", "CEA", "ng/mL"]]);
    expect(timeline.rows.map((r) => r.m0)).toEqual([86, 22, 18, 41]);
  });

  it("places not-detected results at the limit of detection and marks them", () => {
    expect(timeline.rows.map((r) => [r.v1, r.v1nd])).toEqual([
      [0.1, true],
      [0.1, true],
      [0.4, false],
      [2.1, false],
    ]);
  });

  it("draws the therapy line as a band to the end of the axis while it is ongoing", () => {
    expect(timeline.bands).toEqual([{ label: "FOLFIRI + cetuximab", x1: toTime("2026-03-30"), x2: timeline.domain[1] }]);
    expect(timeline.domain[0]).toBeLessThan(toTime("2026-03-20"));
  });

  it("labels imaging timepoints with their response, baseline first", () => {
    expect(timeline.imaging.map((i) => [i.date, i.label, i.tone])).toEqual([
      ["2026-03-20", "Baseline", "neutral"],
      ["2026-06-01", "PR", "good"],
      ["2026-08-24", "PR", "good"],
      ["2026-11-16", "PD", "bad"],
    ]);
  });

  it("groups flags and discordance by date for the chart markers", () => {
    expect(timeline.flagGroups.map((g) => [g.date, g.items.map((f) => f.label)])).toEqual([
      ["2026-06-01", ["Molecular response"]],
      ["2026-08-24", ["KRAS p.G12D emerging", "Imaging/ctDNA discordance"]],
    ]);
  });

  it("spans the VAF axis from the limit of detection to the largest VAF", () => {
    expect(timeline.vafRange).toEqual([0.1, 18]);
  });

  it("is empty but well-formed without samples", () => {
    const empty = liquidTimeline({ samples: [], analysis: null, therapyLines: [], imaging: [] });
    expect(empty).toMatchObject({ rows: [], variants: [], markers: [], flags: [], vafRange: null });
  });
});

describe("liquidFlags and responseTone", () => {
  it("gives every flag a short label and a tone, in date order", () => {
    expect(liquidFlags(analysis).map((f) => [f.date, f.label, f.tone])).toEqual([
      ["2026-06-01", "Molecular response", "good"],
      ["2026-08-24", "KRAS p.G12D emerging", "bad"],
      ["2026-08-24", "Imaging/ctDNA discordance", "warn"],
    ]);
    expect(liquidFlags(null)).toEqual([]);
  });

  it("reads iUPD as a warning, confirmed progression as bad", () => {
    expect([responseTone("iUPD"), responseTone("iCPD"), responseTone("iPR"), responseTone("SD"), responseTone(null)]).toEqual(["warn", "bad", "good", "neutral", "neutral"]);
  });
});

describe("monthTicks", () => {
  it("ticks the first of each month inside the domain", () => {
    const ticks = monthTicks([toTime("2026-03-06"), toTime("2026-06-15")]);
    expect(ticks.map((t) => new Date(t).toISOString().slice(0, 10))).toEqual(["2026-04-01", "2026-05-01", "2026-06-01"]);
  });
  it("ticks every third month over a long span", () => {
    expect(monthTicks([toTime("2024-01-15"), toTime("2026-01-15")])).toHaveLength(8);
  });
});

describe("analyteSummaries", () => {
  it("gives first and latest results and the fitted doubling time, or why there is none", () => {
    const s = analyteSummaries(samples, analysis);
    const k = s.find((a) => a.name === "KRAS p.G12D")!;
    expect(k.first).toEqual({ date: "2026-03-20", value: null, detected: false });
    expect(k.latest).toEqual({ date: "2026-11-16", value: 2.1, detected: true });
    expect(k.trend).toBeNull();
    expect(k.trendNote).toBe("fewer than 3 detected values");
    expect(s.find((a) => a.name === "CEA")!.trend).toBe("doubling in 187 d");
  });
});

describe("packLabels", () => {
  it("puts labels right of their position in one row while they do not overlap", () => {
    expect(packLabels([{ x: 0, width: 50 }, { x: 100, width: 50 }], 400, 2)).toEqual([
      { row: 0, anchor: "start" },
      { row: 0, anchor: "start" },
    ]);
  });
  it("flips a label to the left of its position at the right edge", () => {
    expect(packLabels([{ x: 380, width: 60 }], 400, 2)).toEqual([{ row: 0, anchor: "end" }]);
  });
  it("stacks labels of one date: right, left, then the next row", () => {
    const at = (x: number) => ({ x, width: 80 });
    expect(packLabels([at(200), at(200), at(200)], 400, 3)).toEqual([
      { row: 0, anchor: "start" },
      { row: 0, anchor: "end" },
      { row: 1, anchor: "start" },
    ]);
  });
  it("moves a label that would overlap its neighbour to the next row", () => {
    expect(packLabels([{ x: 100, width: 120 }, { x: 160, width: 120 }], 300, 2)).toEqual([
      { row: 0, anchor: "start" },
      { row: 1, anchor: "start" },
    ]);
  });
  it("uses the last row when nothing fits", () => {
    expect(packLabels([{ x: 10, width: 500 }], 300, 2)).toEqual([{ row: 1, anchor: "start" }]);
  });
});

describe("keyLiquidFlags", () => {
  const flag = (date: string, kind: string, label: string) => ({ date, kind, label, message: label, tone: "neutral" as const });
  it("keeps every emerging variant and the latest date's flags, discordance apart", () => {
    const flags = [
      flag("2026-06-01", "molecular-response", "Molecular response"),
      flag("2026-08-24", "emerging-variant", "KRAS p.G12D emerging"),
      flag("2026-08-24", "discordance", "Imaging/ctDNA discordance"),
      flag("2026-11-16", "marker-rise", "CEA rising (unconfirmed)"),
    ];
    const key = keyLiquidFlags(flags);
    expect(key.items.map((f) => f.label)).toEqual(["KRAS p.G12D emerging", "CEA rising (unconfirmed)"]);
    expect(key.discordance?.date).toBe("2026-08-24");
  });
  it("reads clearance as the latest picture (case 3)", () => {
    const key = keyLiquidFlags([flag("2026-08-17", "molecular-response", "Molecular response"), flag("2026-09-21", "clearance", "ctDNA clearance"), flag("2026-09-21", "discordance", "Imaging/ctDNA discordance")]);
    expect(key.items.map((f) => f.label)).toEqual(["ctDNA clearance"]);
  });
  it("is empty without flags", () => {
    expect(keyLiquidFlags([])).toEqual({ items: [], discordance: null });
  });
});
