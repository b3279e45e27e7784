// iRECIST: Seymour et al., Lancet Oncol 2017;18:e143-52 (Table 2, Table 3) and the EORTC iRECIST FAQ.
import { describe, expect, it } from "vitest";
import { buildInput, type LesionSpec, type TimepointSpec } from "./__fixtures__/build-input";
import { assessRecist } from "./assess-recist";

const run = (lesions: Record<string, LesionSpec>, tps: TimepointSpec[]) => assessRecist(buildInput(lesions, tps), { irecist: true });
const responses = (lesions: Record<string, LesionSpec>, tps: TimepointSpec[]) => run(lesions, tps).map((r) => r.overallResponse);
const A = { A: {} };

describe("iRECIST", () => {
  it("[I1] the first RECIST 1.1 PD is iUPD, and RECIST's own category is kept beside it", () => {
    const r = run(A, [{ m: { A: 50 } }, { m: { A: 30 } }, { m: { A: 40 } }]);
    expect(r.map((x) => x.overallResponse)).toEqual([null, "iPR", "iUPD"]);
    expect(r.map((x) => x.recistOverallResponse)).toEqual([null, "PR", "PD"]);
  });

  it("[I3] iUPD -> iCPD when the target sum grows 5 mm more at the next assessment", () => {
    expect(responses(A, [{ m: { A: 50 } }, { m: { A: 30 } }, { m: { A: 40 } }, { m: { A: 45 } }])).toEqual([null, "iPR", "iUPD", "iCPD"]);
  });

  it("[I3] 4 mm more is not enough: remains iUPD; growth adds up, so 2 mm more then confirms", () => {
    const r = run(A, [{ m: { A: 50 } }, { m: { A: 30 } }, { m: { A: 40 } }, { m: { A: 44 } }, { m: { A: 46 } }]);
    expect(r.map((x) => x.overallResponse)).toEqual([null, "iPR", "iUPD", "iUPD", "iCPD"]);
    expect(r[3]!.notes.join()).toMatch(/remains iUPD/);
  });

  it("[I5] iUPD not confirmed: iSD when the next assessment no longer meets PD", () => {
    expect(responses(A, [{ m: { A: 50 } }, { m: { A: 40 } }, { m: { A: 50 } }, { m: { A: 45 } }])).toEqual([null, "iSD", "iUPD", "iSD"]);
  });

  it("[I5] iUPD from a new lesion not confirmed: iPR when the lesion is gone and targets respond", () => {
    const lesions = { A: {}, U: { kind: "new" as const } };
    const r = run(lesions, [{ m: { A: 50 } }, { m: { A: 45, U: 8 }, newLesions: true }, { m: { A: 30 } }]);
    expect(r.map((x) => x.overallResponse)).toEqual([null, "iUPD", "iPR"]);
    expect(r[2]!.notes.join()).toMatch(/not confirmed: the bar is reset/);
  });

  it("[I5] after a reset a later PD is iUPD again, not iCPD, and needs its own confirmation", () => {
    expect(responses(A, [{ m: { A: 50 } }, { m: { A: 40 } }, { m: { A: 50 } }, { m: { A: 45 } }, { m: { A: 55 } }, { m: { A: 61 } }])).toEqual([
      null,
      "iSD",
      "iUPD",
      "iSD",
      "iUPD",
      "iCPD",
    ]);
  });

  it("[I2] [I3] new-lesion target sum growing 5 mm confirms; 4 mm does not", () => {
    const lesions = { A: {}, U: { kind: "new" as const } };
    const tps = (next: number): TimepointSpec[] => [{ m: { A: 50 } }, { m: { A: 50, U: 12 }, newLesions: true }, { m: { A: 50, U: next }, newLesions: true }];
    expect(responses(lesions, tps(17)).at(-1)).toBe("iCPD");
    expect(responses(lesions, tps(16)).at(-1)).toBe("iUPD");
  });

  it("[I2] [I3] any growth of a non-measurable new lesion confirms", () => {
    const lesions = { A: {}, U: { kind: "new" as const } };
    expect(responses(lesions, [{ m: { A: 50 } }, { m: { A: 50, U: 8 }, newLesions: true }, { m: { A: 50, U: 9 }, newLesions: true }]).at(-1)).toBe("iCPD");
    expect(responses(lesions, [{ m: { A: 50 } }, { m: { A: 50, U: 8 }, newLesions: true }, { m: { A: 50, U: 8 }, newLesions: true }]).at(-1)).toBe("iUPD");
  });

  it("[I3] an additional new lesion confirms", () => {
    const lesions = { A: {}, U: { kind: "new" as const }, V: { kind: "new" as const } };
    expect(responses(lesions, [{ m: { A: 50 } }, { m: { A: 50, U: 8 }, newLesions: true }, { m: { A: 50, U: 8, V: 6 }, newLesions: true }]).at(-1)).toBe("iCPD");
  });

  it("[I3] unmeasured new lesions that persist cannot confirm: remains iUPD, with a note", () => {
    const r = run(A, [{ m: { A: 50 } }, { m: { A: 50 }, newLesions: true }, { m: { A: 50 }, newLesions: true }]);
    expect(r.at(-1)!.overallResponse).toBe("iUPD");
    expect(r.at(-1)!.notes.join()).toMatch(/not measured/);
  });

  it("[I4] progression in a category that had not progressed confirms (new lesions after target iUPD, target PD after new-lesion iUPD)", () => {
    expect(responses(A, [{ m: { A: 50 } }, { m: { A: 30 } }, { m: { A: 40 } }, { m: { A: 40 }, newLesions: true }]).at(-1)).toBe("iCPD");
    expect(responses(A, [{ m: { A: 50 } }, { m: { A: 50 }, newLesions: true }, { m: { A: 61 }, newLesions: true }]).at(-1)).toBe("iCPD");
  });

  it("[I3] [I4] non-target iUPD: measured growth confirms, a status alone does not; new non-target progression confirms target iUPD", () => {
    const lesions = { A: {}, X: { kind: "non-target" as const } };
    const base: TimepointSpec = { m: { A: 50, X: 20 }, nt: { X: "present" } };
    const iupd: TimepointSpec = { m: { A: 50, X: 30 }, nt: { X: "progression" } };
    expect(responses(lesions, [base, iupd, { m: { A: 50, X: 31 }, nt: { X: "progression" } }]).at(-1)).toBe("iCPD");
    expect(responses(lesions, [base, iupd, { m: { A: 50 }, nt: { X: "progression" } }]).at(-1)).toBe("iUPD");
    expect(responses(lesions, [base, { m: { A: 61 }, nt: { X: "present" } }, { m: { A: 61 }, nt: { X: "progression" } }]).at(-1)).toBe("iCPD");
  });

  it("[I3] confirmation needs at least 4 weeks; later than 8 weeks still confirms, with a note", () => {
    const early = run(A, [{ m: { A: 50 } }, { m: { A: 62 } }, { m: { A: 70 }, gapDays: 21 }, { m: { A: 70 }, gapDays: 21 }]);
    expect(early.map((x) => x.overallResponse)).toEqual([null, "iUPD", "iUPD", "iCPD"]);
    expect(early[2]!.notes.join()).toMatch(/at least 4 weeks/);
    const late = run(A, [{ m: { A: 50 } }, { m: { A: 62 } }, { m: { A: 70 }, gapDays: 84 }]);
    expect(late.at(-1)!.overallResponse).toBe("iCPD");
    expect(late.at(-1)!.notes.join()).toMatch(/later than the 4-8 weeks/);
  });

  it("[I6] NE after iUPD neither confirms nor resets; a later assessment still can confirm", () => {
    const lesions = { A: {}, B: {} };
    const r = responses(lesions, [{ m: { A: 30, B: 20 } }, { m: { A: 40, B: 22 } }, { m: { A: 40 } }, { m: { A: 45, B: 23 } }]);
    expect(r).toEqual([null, "iUPD", "NE", "iCPD"]);
  });

  it("[I7] once confirmed, later PD stays iCPD", () => {
    expect(responses(A, [{ m: { A: 50 } }, { m: { A: 62 } }, { m: { A: 70 } }, { m: { A: 75 } }])).toEqual([null, "iUPD", "iCPD", "iCPD"]);
  });

  it("[I8] non-target-only disease uses non-iCR/non-iUPD and iCR", () => {
    const lesions = { X: { kind: "non-target" as const } };
    expect(responses(lesions, [{ nt: { X: "present" } }, { nt: { X: "present" } }, { nt: { X: "absent" } }])).toEqual([null, "non-iCR/non-iUPD", "iCR"]);
  });
});
