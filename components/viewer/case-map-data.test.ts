import { describe, expect, it } from "vitest";
import type { CaseView } from "@/server/api/routers/cases/handlers";
import type { CaseVolumes } from "@/server/api/routers/imaging/handlers";
import { legendEntries, storedCentroids, viewerTimepoints } from "./case-map-data";
import { phenotypeColour } from "./colours";
import { CT_WINDOWS, windowRange } from "./window-presets";

type Lesion = CaseView["lesions"][number];
type Measurement = Lesion["measurements"][number];

const measurement = (timepointId: string, present: boolean, geometry: Record<string, unknown> | null): Measurement =>
  ({ id: `m-${timepointId}`, timepointId, date: "2026-01-01", present, source: "analysis", geometry }) as unknown as Measurement;

const lesion = (trackingId: string, label: number, measurements: Measurement[] = []): Lesion => ({
  id: `id-${trackingId}`,
  trackingId,
  label,
  site: `site of ${trackingId}`,
  organ: "liver",
  isLymphNode: false,
  recistRole: "target",
  measurements,
});

describe("legendEntries", () => {
  const lesions = [lesion("L1", 1), lesion("L2", 2), lesion("L3", 3)];

  it("colours by phenotype cluster when the lesions are clustered, grey when left out", () => {
    const entries = legendEntries(lesions, {
      lesions: [
        { lesionId: "L1", clusterId: 2, phenotype: "large, heterogeneous" },
        { lesionId: "L2", clusterId: 1, phenotype: "small, homogeneous" },
        { lesionId: "L3", clusterId: null, phenotype: null },
      ],
    });
    expect(entries.map((e) => [e.trackingId, e.label, e.colour, e.phenotype])).toEqual([
      ["L1", 1, phenotypeColour(1), "large, heterogeneous"],
      ["L2", 2, phenotypeColour(0), "small, homogeneous"],
      ["L3", 3, "#9aa6b2", null],
    ]);
  });

  it("gives each lesion its own colour until phenotypes exist", () => {
    const entries = legendEntries(lesions, null);
    expect(new Set(entries.map((e) => e.colour)).size).toBe(3);
    expect(entries.every((e) => e.phenotype === null)).toBe(true);
  });
});

describe("viewerTimepoints", () => {
  it("labels baseline and follow-ups and maps the entropy-map kind", () => {
    const ref = { id: "v", url: "/api/volumes/v?v=x", fileName: "e.nii.gz", byteSize: 10, dims: [1, 1, 1] as [number, number, number], spacingMm: [1, 1, 1] as [number, number, number] };
    const volumes: CaseVolumes = {
      caseId: "c",
      timepoints: [
        { timepointId: "t0", date: "2026-01-01", modality: "CT", volumes: { image: ref } },
        { timepointId: "t1", date: "2026-03-01", modality: "CT", volumes: { image: ref, "entropy-map": ref } },
      ],
    };
    const tps = viewerTimepoints(volumes);
    expect(tps.map((t) => t.label)).toEqual(["Baseline", "Follow-up 1"]);
    expect(tps[1]!.volumes.entropy).toBe(ref);
    expect(tps[0]!.volumes.entropy).toBeUndefined();
  });
});

describe("storedCentroids", () => {
  it("keeps finite centroids of present lesions by timepoint and tracking id", () => {
    const c = storedCentroids([
      lesion("L1", 1, [measurement("t0", true, { centroidMm: [1, 2, 3] }), measurement("t1", false, { centroidMm: [9, 9, 9] })]),
      lesion("L2", 2, [measurement("t0", true, { centroidMm: [1, Number.NaN, 3] }), measurement("t1", true, null)]),
    ]);
    expect(c).toEqual({ t0: { L1: [1, 2, 3] } });
  });
});

describe("CT window presets", () => {
  it("are level ± width / 2 in HU", () => {
    const byId = Object.fromEntries(CT_WINDOWS.map((w) => [w.id, windowRange(w)]));
    expect(byId).toEqual({
      "soft-tissue": { minHu: -160, maxHu: 240 },
      lung: { minHu: -1350, maxHu: 150 },
      liver: { minHu: -15, maxHu: 135 },
      bone: { minHu: -500, maxHu: 1300 },
    });
  });
});
