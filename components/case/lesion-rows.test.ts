import { describe, expect, it } from "vitest";
import { lesionRows, sortLesionRows } from "./lesion-rows";
import { case1Timepoints } from "./test-fixtures";
import type { CaseLesion } from "./types";

const dates = ["2026-03-20", "2026-06-01", "2026-08-24", "2026-11-16"];

function lesion(trackingId: string, label: number, sizes: (number | null)[], extra: Partial<CaseLesion> = {}, ith: (number | null)[] = []): CaseLesion {
  return {
    id: `id-${trackingId}`,
    trackingId,
    label,
    site: `site ${trackingId}`,
    organ: "liver",
    isLymphNode: false,
    recistRole: "target",
    ...extra,
    measurements: sizes.flatMap((s, t) =>
      s === null
        ? []
        : [
            {
              id: `${trackingId}-${t}`,
              timepointId: `tp${t}`,
              date: dates[t]!,
              present: s > 0,
              source: "reported" as const,
              longAxisMm: s > 0 ? s : 0,
              shortAxisMm: null,
              volumeMl: null,
              meshVolumeMl: null,
              max3dDiameterMm: null,
              meanIntensity: null,
              sdIntensity: null,
              minIntensity: null,
              maxIntensity: null,
              ithScore: ith[t] ?? null,
              tooSmallForTexture: false,
              geometry: null,
            },
          ],
    ),
  };
}

const lesions = [
  lesion("L1", 1, [42, 28, 24, 23], {}, [52, 50, 49, 47]),
  lesion("L2", 2, [31, 19, 15, 14], {}, [21, 20, 20, 19]),
  lesion("L3", 3, [24, 18, 23, 31], { recistRole: "non-target" }, [40, 41, 44, 61]),
  lesion("L4", 4, [14, 13, 13, 14], { organ: "lung" }),
  lesion("L5", 5, [null, null, null, 12], { recistRole: "new" }),
];
const phenotypes: Record<string, string> = { L1: "large, heterogeneous", L3: "heterogeneous", L2: "homogeneous" };
const rows = lesionRows(lesions, case1Timepoints, (id) => phenotypes[id] ?? null);

describe("lesionRows", () => {
  it("shows the latest size and the assessment's change from baseline and from the nadir", () => {
    const l3 = rows.find((r) => r.trackingId === "L3")!;
    expect(l3.sizeMm).toBe(31);
    expect(Math.round(l3.changeFromBaselinePct!)).toBe(29);
    expect(Math.round(l3.changeFromNadirPct!)).toBe(72);
    expect(l3.category).toBe("growing");
  });

  it("has no change from baseline for a new lesion", () => {
    const l5 = rows.find((r) => r.trackingId === "L5")!;
    expect(l5).toMatchObject({ sizeMm: 12, changeFromBaselinePct: null, category: "new", role: "new" });
  });

  it("takes ITH from the latest analysed timepoint and the phenotype by tracking id", () => {
    expect(rows.map((r) => r.ith)).toEqual([47, 19, 61, null, null]);
    expect(rows.map((r) => r.phenotype)).toEqual(["large, heterogeneous", "homogeneous", "heterogeneous", null, null]);
  });

  it("keeps a size series per lesion for the sparkline", () => {
    expect(rows[2]!.series.map((p) => p.sizeMm)).toEqual([24, 18, 23, 31]);
    expect(rows[4]!.series).toEqual([{ date: "2026-11-16", sizeMm: 12 }]);
  });

  it("uses the short axis for lymph nodes and 0 mm for a lesion that has gone", () => {
    const node = lesion("N1", 6, [21, 19, 11], { isLymphNode: true });
    node.measurements.forEach((m, i) => Object.assign(m, { shortAxisMm: [21, 19, 11][i], longAxisMm: 30 }));
    const gone = lesion("U2", 7, [null, 8, 0], { recistRole: "new" });
    const [n, u] = lesionRows([node, gone], [], () => null);
    expect(n!.sizeMm).toBe(11);
    expect(u!.sizeMm).toBe(0);
  });
});

describe("sortLesionRows", () => {
  const ids = (r: typeof rows) => r.map((x) => x.trackingId);

  it("sorts by change from nadir, largest growth first, unknown values last", () => {
    expect(ids(sortLesionRows(rows, "nadir", "desc"))).toEqual(["L3", "L4", "L1", "L2", "L5"]);
    expect(ids(sortLesionRows(rows, "nadir", "asc"))).toEqual(["L2", "L1", "L4", "L3", "L5"]);
  });

  it("sorts by ITH and by RECIST role, ties in label order", () => {
    expect(ids(sortLesionRows(rows, "ith", "desc"))).toEqual(["L3", "L1", "L2", "L4", "L5"]);
    expect(ids(sortLesionRows(rows, "role", "asc"))).toEqual(["L1", "L2", "L4", "L3", "L5"]);
  });

  it("returns label order for the lesion column and does not mutate its input", () => {
    const shuffled = [rows[3]!, rows[0]!, rows[4]!, rows[2]!, rows[1]!];
    expect(ids(sortLesionRows(shuffled, "lesion", "asc"))).toEqual(["L1", "L2", "L3", "L4", "L5"]);
    expect(ids(shuffled)).toEqual(["L4", "L1", "L5", "L3", "L2"]);
  });
});
