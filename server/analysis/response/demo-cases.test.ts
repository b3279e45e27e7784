// The three demo cases of shared DEMO.md: the expected RECIST/iRECIST readings stated there.
import { describe, expect, it } from "vitest";
import { case1, case2, case3 } from "./__fixtures__/demo-imaging";
import { assessRecist } from "./assess-recist";

describe("DEMO.md cases", () => {
  it("[R15] [R18] case 1: sums 87 -> 60 (PR) -> 52 -> 51, new L5 makes +231 PD; L3 growth shows as mixed response", () => {
    const r = assessRecist(case1);
    expect(r.map((x) => x.sumMm)).toEqual([87, 60, 52, 51]);
    expect(r.map((x) => x.overallResponse)).toEqual([null, "PR", "PR", "PD"]);
    expect(r[3]!.targetResponse).toBe("PR");
    expect(r[3]!.newLesions).toBe(true);
    const l3 = r[2]!.lesions.find((l) => l.lesionId === "L3")!;
    expect([l3.nadirMm, l3.changeFromNadirMm]).toEqual([18, 5]);
    expect(r.map((x) => x.mixedResponse)).toEqual([false, false, true, true]);
  });

  it("[R5] [R8] [R18] case 2: sums 77 -> 47 (PR) -> 50, +3 mm from nadir is not PD, A1 +36 % from its nadir is mixed", () => {
    const r = assessRecist(case2);
    expect(r.map((x) => x.sumMm)).toEqual([77, 47, 50]);
    expect(r.map((x) => x.overallResponse)).toEqual([null, "PR", "PR"]);
    expect(r[2]!.changeFromNadirPct).toBeCloseTo(6.38, 2);
    const a1 = r[2]!.lesions.find((l) => l.lesionId === "A1")!;
    expect(a1.changeFromNadirPct).toBeCloseTo(35.7, 1);
    expect(r[2]!.mixedResponse).toBe(true);
  });

  it("[R14] [I1] [I5] case 3: RECIST PD at +70 from new U2; iRECIST iUPD at +70, iPR at +126 (sums 100 -> 101 -> 60)", () => {
    const recist = assessRecist(case3);
    expect(recist.map((x) => x.sumMm)).toEqual([100, 101, 60]);
    expect(recist.map((x) => x.overallResponse)).toEqual([null, "PD", "PR"]);
    const irecist = assessRecist(case3, { irecist: true });
    expect(irecist.map((x) => x.overallResponse)).toEqual([null, "iUPD", "iPR"]);
  });
});
