import { describe, expect, it } from "vitest";
import { biopsyTargets } from "./biopsy-data";
import type { BiopsySuggestionView, CaseLesion } from "./types";

const reasons = [
  { component: "resistance", value: 1, weight: 3, contribution: 3 },
  { component: "unsampledPhenotype", value: 0, weight: 2, contribution: 0 },
  { component: "ith", value: 0, weight: 1, contribution: 0 },
  { component: "feasibility", value: 1, weight: 1, contribution: 1 },
];
const suggestion = (trackingId: string, rank: number, pointMm: [number, number, number] | null): BiopsySuggestionView => ({
  id: `s-${trackingId}`,
  lesionId: `id-${trackingId}`,
  trackingId,
  rank,
  score: 4,
  reasons,
  sentence: `${trackingId}: growing +72 % from nadir while other lesions respond`,
  pointMm,
  computedAt: new Date(0),
});
const lesion = (trackingId: string, geometry: Record<string, unknown> | null): CaseLesion => ({
  id: `id-${trackingId}`,
  trackingId,
  label: 3,
  site: "Liver segment II",
  organ: "liver",
  isLymphNode: false,
  recistRole: "non-target",
  measurements: [
    { id: "m", timepointId: "tp-last", date: "2026-11-16", present: true, source: "analysis", longAxisMm: 31, shortAxisMm: 20, volumeMl: 9, meshVolumeMl: 9, max3dDiameterMm: 33, meanIntensity: 70, sdIntensity: 30, minIntensity: 0, maxIntensity: 150, ithScore: 60, tooSmallForTexture: false, geometry },
  ],
});

describe("biopsyTargets", () => {
  it("ranks, adds site, size and the maximum score, and points at the suggested point on the latest scan", () => {
    const [t] = biopsyTargets([suggestion("L3", 1, [10, -20, 30.5])], [lesion("L3", { centroidMm: [1, 2, 3] })]);
    expect(t).toMatchObject({ trackingId: "L3", site: "Liver segment II", rank: 1, maxScore: 7, longAxisMm: 31, pointMm: [10, -20, 30.5], pointKind: "suggested", timepointId: "tp-last" });
  });

  it("falls back to the lesion's centre, and to selection only without either", () => {
    expect(biopsyTargets([suggestion("L3", 1, null)], [lesion("L3", { centroidMm: [1, 2, 3] })])[0]).toMatchObject({ pointMm: [1, 2, 3], pointKind: "centre" });
    expect(biopsyTargets([suggestion("L3", 1, null)], [lesion("L3", null)])[0]).toMatchObject({ pointMm: null, pointKind: null });
  });

  it("orders by rank", () => {
    const out = biopsyTargets([suggestion("L5", 2, null), suggestion("L3", 1, null)], [lesion("L3", null)]);
    expect(out.map((t) => t.trackingId)).toEqual(["L3", "L5"]);
  });
});
