import { describe, expect, it } from "vitest";
import { buildInput } from "./__fixtures__/build-input";
import { assessRecist } from "./assess-recist";
import { sphereVolumeChangePct, volumetricCategory, VOLUME_DECREASE_PCT, VOLUME_INCREASE_PCT } from "./per-lesion";

describe("per-lesion change", () => {
  it("[R17] change from baseline and from the lesion's own nadir, in mm and %", () => {
    const r = assessRecist(buildInput({ A: {}, B: {} }, [{ m: { A: 40, B: 20 } }, { m: { A: 20, B: 10 } }, { m: { A: 22, B: 16 } }]));
    const b = r[2]!.lesions.find((l) => l.lesionId === "B")!;
    expect(b).toMatchObject({ sizeMm: 16, changeFromBaselineMm: -4, nadirMm: 10, changeFromNadirMm: 6 });
    expect(b.changeFromBaselinePct).toBeCloseTo(-20, 10);
    expect(b.changeFromNadirPct).toBeCloseTo(60, 10);
    expect(r[0]!.lesions[0]).toMatchObject({ changeFromBaselineMm: 0, nadirMm: null, changeFromNadirPct: null });
  });

  it("[R17] a nadir of 0 mm gives a change in mm but no percentage; new lesions have no baseline", () => {
    const lesions = { A: {}, U: { kind: "new" as const } };
    const r = assessRecist(buildInput(lesions, [{ m: { A: 40 } }, { m: { A: 0 } }, { m: { A: 6, U: 10 }, newLesions: true }]));
    const a = r[2]!.lesions.find((l) => l.lesionId === "A")!;
    expect([a.changeFromNadirMm, a.changeFromNadirPct]).toEqual([6, null]);
    const u = r[2]!.lesions.find((l) => l.lesionId === "U")!;
    expect([u.changeFromBaselineMm, u.changeFromBaselinePct, u.nadirMm]).toEqual([null, null, null]);
  });

  it("[R17] non-target lesions with measurements get per-lesion changes too (not in the sum)", () => {
    const lesions = { A: {}, X: { kind: "non-target" as const } };
    const r = assessRecist(buildInput(lesions, [{ m: { A: 40, X: 20 }, nt: { X: "present" } }, { m: { A: 40, X: 30 }, nt: { X: "present" } }]));
    expect(r[1]!.sumMm).toBe(40);
    expect(r[1]!.lesions.find((l) => l.lesionId === "X")!.changeFromNadirPct).toBeCloseTo(50, 10);
  });
});

describe("mixed response", () => {
  it("[R18] one lesion down >= 30 % from baseline while another grows >= 20 % and >= 5 mm from its nadir", () => {
    const r = assessRecist(buildInput({ A: {}, B: {} }, [{ m: { A: 40, B: 20 } }, { m: { A: 28, B: 18 } }, { m: { A: 26, B: 23 } }]));
    expect(r.map((x) => x.mixedResponse)).toEqual([false, false, true]);
  });

  it("[R18] growth of 20 % but under 5 mm is not mixed", () => {
    const r = assessRecist(buildInput({ A: {}, B: {} }, [{ m: { A: 40, B: 12 } }, { m: { A: 28, B: 10 } }, { m: { A: 26, B: 14 } }]));
    expect(r[2]!.mixedResponse).toBe(false);
  });

  it("[R18] a new lesion while a target shrinks >= 30 % is mixed", () => {
    const r = assessRecist(buildInput({ A: {}, B: {} }, [{ m: { A: 40, B: 20 } }, { m: { A: 28, B: 20 }, newLesions: true }]));
    expect(r[1]!.mixedResponse).toBe(true);
    expect(r[1]!.overallResponse).toBe("PD");
  });
});

describe("volumetric change", () => {
  it("[V1] [V2] the volume thresholds are the sphere equivalents of -30 % and +20 % in diameter", () => {
    expect(sphereVolumeChangePct(-30)).toBeCloseTo(-65.7, 1);
    expect(sphereVolumeChangePct(20)).toBeCloseTo(72.8, 1);
    expect(Math.round(sphereVolumeChangePct(-30))).toBe(-66);
    expect(VOLUME_DECREASE_PCT).toBe(-65);
    expect(VOLUME_INCREASE_PCT).toBe(73);
  });

  it("[V3] categories: decrease from baseline, increase from nadir (checked first), disappeared, stable", () => {
    expect(volumetricCategory(35, 100, 100)).toBe("decrease");
    expect(volumetricCategory(36, 100, 100)).toBe("stable");
    expect(volumetricCategory(17.3, 100, 10)).toBe("increase");
    expect(volumetricCategory(17.2, 100, 10)).toBe("decrease");
    expect(volumetricCategory(0, 100, 10)).toBe("disappeared");
    expect(volumetricCategory(1, 100, 0)).toBe("increase");
  });

  it("[V3] per-lesion volume change is reported when volumes are measured", () => {
    const input = buildInput({ A: {} }, [{ m: { A: 40 } }, { m: { A: 28 } }]);
    input.timepoints[0]!.measurements.A!.volumeMl = 33.5;
    input.timepoints[1]!.measurements.A!.volumeMl = 11.5;
    const a = assessRecist(input)[1]!.lesions[0]!;
    expect(a.volumeChangeFromBaselinePct).toBeCloseTo(-65.67, 1);
    expect(a.volumetricCategory).toBe("decrease");
  });
});
