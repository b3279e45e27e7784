import { describe, expect, it } from "vitest";
import { analysisState, ithRows } from "./heterogeneity-data";
import type { CaseLesion } from "./types";

function measurement(timepointId: string, date: string, extra: Partial<CaseLesion["measurements"][number]> = {}): CaseLesion["measurements"][number] {
  return {
    id: `${timepointId}-m`,
    timepointId,
    date,
    present: true,
    source: "analysis",
    longAxisMm: 20,
    shortAxisMm: 12,
    volumeMl: 3,
    meshVolumeMl: 3,
    max3dDiameterMm: 22,
    meanIntensity: 60,
    sdIntensity: 20,
    minIntensity: -20,
    maxIntensity: 140,
    ithScore: null,
    tooSmallForTexture: false,
    geometry: null,
    ...extra,
  };
}

const lesion = (trackingId: string, measurements: CaseLesion["measurements"]): CaseLesion => ({
  id: `id-${trackingId}`,
  trackingId,
  label: 1,
  site: "liver",
  organ: "liver",
  isLymphNode: false,
  recistRole: "target",
  measurements,
});

const parts = { firstOrderEntropyBits: 3.1, kurtosis: 4.2, glcmJointEntropyBits: 5.6, glszmZoneEntropyBits: 6.0 };

describe("ithRows", () => {
  it("takes the latest analysed timepoint with its ITH parts and habitats, in habitat order", () => {
    const l1 = lesion("L1", [
      measurement("t0", "2026-03-20", { ithScore: 40, geometry: { ith: { score: 40, meanEntropyBits: 2.8, tooSmall: false, reason: null } } }),
      measurement("t1", "2026-06-01", {
        ithScore: 52,
        geometry: {
          ith: { score: 52, meanEntropyBits: 3.62, tooSmall: false, reason: null },
          habitats: [
            { label: 2, volumeFraction: 0.7, meanIntensity: 90 },
            { label: 1, volumeFraction: 0.3, meanIntensity: 10 },
          ],
        },
      }),
      measurement("t2", "2026-08-24"),
    ]);
    const [row] = ithRows([l1], [{ trackingId: "L1", timepointId: "t1", ...parts }]);
    expect(row).toMatchObject({ trackingId: "L1", date: "2026-06-01", score: 52, meanEntropyBits: 3.62, ...parts });
    expect(row!.habitats.map((h) => h.label)).toEqual([1, 2]);
  });

  it("marks lesions too small for texture with the analysis' reason", () => {
    const small = lesion("L4", [measurement("t0", "2026-03-20", { tooSmallForTexture: true, geometry: { ith: { score: null, tooSmall: true, reason: "40 voxels: too small" } } })]);
    expect(ithRows([small], [])[0]).toMatchObject({ score: null, tooSmall: true, reason: "40 voxels: too small", kurtosis: null });
  });

  it("leaves out lesions never analysed (reported sizes only) and lesions that have gone", () => {
    const reported = lesion("L2", [measurement("t0", "2026-03-20")]);
    const gone = lesion("U2", [measurement("t0", "2026-07-06", { present: false, geometry: { ith: { score: 30 } } })]);
    expect(ithRows([reported, gone], [])).toEqual([]);
  });
});

describe("analysisState", () => {
  it("reports running jobs with progress, then failures, then done", () => {
    expect(analysisState([])).toEqual({ state: "none" });
    expect(analysisState([{ status: "succeeded", error: null }, { status: "running", error: null }, { status: "queued", error: null }])).toEqual({ state: "running", done: 1, total: 3 });
    expect(analysisState([{ status: "succeeded", error: null }, { status: "failed", error: "bad mask" }])).toEqual({ state: "failed", failed: 1, total: 2, error: "bad mask" });
    expect(analysisState([{ status: "succeeded", error: null }])).toEqual({ state: "done" });
  });
});
