// RECIST 1.1 rules; source: Eisenhauer et al., Eur J Cancer 2009;45:228-247 (sections per SPEC.md).
import { describe, expect, it } from "vitest";
import { buildInput } from "./__fixtures__/build-input";
import { assessRecist } from "./assess-recist";
import { overallResponse } from "./overall-response";
import type { NonTargetResponse, TargetResponse } from "./types";

const last = <T>(xs: T[]): T => xs[xs.length - 1]!;

describe("sum of diameters", () => {
  it("[R5] non-nodal lesions contribute the long axis, nodes the short axis", () => {
    const input = buildInput({ A: {}, N: { node: true } }, [{ m: { A: 30 } }, { m: { A: 20 } }]);
    input.timepoints[0]!.measurements.N = { longAxisMm: 30, shortAxisMm: 16 };
    input.timepoints[1]!.measurements.N = { longAxisMm: 25, shortAxisMm: 12 };
    const [base, follow] = assessRecist(input);
    expect(base!.sumMm).toBe(46);
    expect(follow!.sumMm).toBe(32);
  });

  it("[R5] a target node that shrinks under 10 mm counts with its actual short axis", () => {
    const r = assessRecist(buildInput({ A: {}, N: { node: true } }, [{ m: { A: 40, N: 20 } }, { m: { A: 30, N: 8 } }]));
    expect(last(r).sumMm).toBe(38);
    expect(last(r).targetResponse).toBe("PR");
  });

  it("[R6] a lesion too small to measure counts 5 mm by default, tooSmallMm overrides, and it blocks CR", () => {
    const input = buildInput({ A: {}, B: {} }, [{ m: { A: 30, B: 20 } }, { m: { A: 0, B: "small" } }]);
    expect(last(assessRecist(input)).sumMm).toBe(5);
    expect(last(assessRecist(input)).targetResponse).toBe("PR");
    expect(last(assessRecist(input, { tooSmallMm: 3 })).sumMm).toBe(3);
    expect(last(assessRecist(input)).notes.join()).toMatch(/B too small to measure: 5 mm/);
  });

  it("[R6] a disappeared lesion counts 0 mm", () => {
    const r = assessRecist(buildInput({ A: {}, B: {} }, [{ m: { A: 30, B: 20 } }, { m: { A: 0, B: 15 } }]));
    expect(last(r).sumMm).toBe(15);
  });
});

describe("target response", () => {
  it("[R7] PR at exactly 30 % below baseline, SD just above", () => {
    expect(last(assessRecist(buildInput({ A: {} }, [{ m: { A: 50 } }, { m: { A: 35 } }]))).targetResponse).toBe("PR");
    expect(last(assessRecist(buildInput({ A: {} }, [{ m: { A: 50 } }, { m: { A: 35.1 } }]))).targetResponse).toBe("SD");
  });

  it("[R8] PD from a nadir below baseline, even while still below baseline", () => {
    const r = assessRecist(buildInput({ A: {} }, [{ m: { A: 50 } }, { m: { A: 30 } }, { m: { A: 36 } }]));
    expect(r[2]!.nadirMm).toBe(30);
    expect(r[2]!.changeFromNadirPct).toBeCloseTo(20, 10);
    expect(r[2]!.changeFromBaselinePct).toBeCloseTo(-28, 10);
    expect(r[2]!.targetResponse).toBe("PD");
  });

  it("[R8] +20 % from nadir but under +5 mm is not PD", () => {
    const r = assessRecist(buildInput({ A: {}, B: {} }, [{ m: { A: 10, B: 10 } }, { m: { A: 12, B: 12 } }]));
    expect(last(r).changeFromNadirPct).toBeCloseTo(20, 10);
    expect(last(r).targetResponse).toBe("SD");
  });

  it("[R8] +5 mm but under +20 % is not PD; both together are", () => {
    expect(last(assessRecist(buildInput({ A: {} }, [{ m: { A: 100 } }, { m: { A: 110 } }]))).targetResponse).toBe("SD");
    expect(last(assessRecist(buildInput({ A: {} }, [{ m: { A: 40 } }, { m: { A: 48 } }]))).targetResponse).toBe("PD");
  });

  it("[R8] the nadir is the smallest earlier sum, baseline included", () => {
    const r = assessRecist(buildInput({ A: {} }, [{ m: { A: 40 } }, { m: { A: 45 } }, { m: { A: 44 } }]));
    expect(r.map((x) => x.nadirMm)).toEqual([null, 40, 40]);
  });

  it("[R9] CR when non-nodal targets are gone and target nodes are under 10 mm; the sum stays non-zero", () => {
    const r = assessRecist(buildInput({ A: {}, N: { node: true } }, [{ m: { A: 30, N: 20 } }, { m: { A: 0, N: 8 } }]));
    expect(last(r).targetResponse).toBe("CR");
    expect(last(r).sumMm).toBe(8);
    expect(last(r).overallResponse).toBe("CR");
  });

  it("[R9] a node at exactly 10 mm is not normal: PR, not CR", () => {
    const r = assessRecist(buildInput({ A: {}, N: { node: true } }, [{ m: { A: 30, N: 20 } }, { m: { A: 0, N: 10 } }]));
    expect(last(r).targetResponse).toBe("PR");
  });

  it("[R9] nodes growing within the normal range stay CR", () => {
    const r = assessRecist(buildInput({ N: { node: true }, M: { node: true, organ: "other nodes" } }, [{ m: { N: 16, M: 16 } }, { m: { N: 4, M: 4 } }, { m: { N: 9, M: 9 } }]));
    expect(r.map((x) => x.targetResponse)).toEqual([null, "CR", "CR"]);
  });

  it("[R10] SD when neither PR nor PD", () => {
    expect(last(assessRecist(buildInput({ A: {} }, [{ m: { A: 50 } }, { m: { A: 45 } }]))).targetResponse).toBe("SD");
  });

  it("[R11] a missing target measurement gives NE, no sum, and no new nadir", () => {
    const r = assessRecist(buildInput({ A: {}, B: {} }, [{ m: { A: 30, B: 30 } }, { m: { A: 5 } }, { m: { A: 20, B: 21 } }]));
    expect(r[1]!.targetResponse).toBe("NE");
    expect(r[1]!.overallResponse).toBe("NE");
    expect(r[1]!.sumMm).toBeNull();
    expect(r[1]!.notes.join()).toMatch(/B not evaluated/);
    expect(r[2]!.nadirMm).toBe(60);
  });

  it("[R11] an explicit null measurement is not evaluated", () => {
    const r = assessRecist(buildInput({ A: {}, B: {} }, [{ m: { A: 30, B: 30 } }, { m: { A: 20, B: null } }]));
    expect(last(r).targetResponse).toBe("NE");
  });

  it("[R11] a missing target still gives PD when the others already meet PD", () => {
    const r = assessRecist(buildInput({ A: {}, B: {}, C: {} }, [{ m: { A: 20, B: 20, C: 10 } }, { m: { A: 40, B: 40 } }]));
    expect(last(r).targetResponse).toBe("PD");
    expect(last(r).sumMm).toBeNull();
  });

  it("[R12] a lesion that disappears and returns after an overall CR is PD", () => {
    const r = assessRecist(buildInput({ A: {}, B: {} }, [{ m: { A: 30, B: 20 } }, { m: { A: 0, B: 0 } }, { m: { A: 3, B: 0 } }]));
    expect(r.map((x) => x.overallResponse)).toEqual([null, "CR", "PD"]);
    expect(last(r).notes.join()).toMatch(/A reappeared after a complete response/);
  });

  it("[R12] a target node back to >= 10 mm after CR is PD", () => {
    const r = assessRecist(buildInput({ N: { node: true } }, [{ m: { N: 20 } }, { m: { N: 6 } }, { m: { N: 10 } }]));
    expect(r.map((x) => x.overallResponse)).toEqual([null, "CR", "PD"]);
  });

  it("[R12] a lesion that returns while the patient is in PR re-enters the sum and is not PD by itself", () => {
    const r = assessRecist(buildInput({ A: {}, B: {} }, [{ m: { A: 40, B: 20 } }, { m: { A: 25, B: 0 } }, { m: { A: 25, B: 4 } }]));
    expect(r.map((x) => x.overallResponse)).toEqual([null, "PR", "PR"]);
    expect(last(r).sumMm).toBe(29);
  });

  it("[R12] a non-target lesion seen again after CR is PD", () => {
    const lesions = { A: {}, X: { kind: "non-target" as const } };
    const r = assessRecist(buildInput(lesions, [{ m: { A: 30 }, nt: { X: "present" } }, { m: { A: 0 }, nt: { X: "absent" } }, { m: { A: 0 }, nt: { X: "present" } }]));
    expect(r.map((x) => x.overallResponse)).toEqual([null, "CR", "PD"]);
    expect(last(r).nonTargetResponse).toBe("PD");
  });
});

describe("non-target response and new lesions", () => {
  const lesions = { A: {}, X: { kind: "non-target" as const }, Y: { kind: "non-target" as const } };
  const run = (nt: Record<string, "present" | "absent" | "progression">) =>
    last(assessRecist(buildInput(lesions, [{ m: { A: 30 }, nt: { X: "present", Y: "present" } }, { m: { A: 28 }, nt }])));

  it("[R13] unequivocal progression of one non-target lesion is PD", () => {
    expect(run({ X: "progression", Y: "present" }).nonTargetResponse).toBe("PD");
    expect(run({ X: "progression", Y: "present" }).overallResponse).toBe("PD");
  });
  it("[R13] all non-target lesions absent is CR, some present is non-CR/non-PD", () => {
    expect(run({ X: "absent", Y: "absent" }).nonTargetResponse).toBe("CR");
    expect(run({ X: "absent", Y: "present" }).nonTargetResponse).toBe("non-CR/non-PD");
  });
  it("[R13] a non-target lesion not assessed is NE", () => {
    expect(run({ X: "absent" }).nonTargetResponse).toBe("NE");
    expect(run({ X: "absent" }).overallResponse).toBe("SD");
  });
  it("[R14] a new lesion alone makes the timepoint PD, even with target PR", () => {
    const r = assessRecist(buildInput({ A: {} }, [{ m: { A: 50 } }, { m: { A: 20 }, newLesions: true }]));
    expect(last(r).targetResponse).toBe("PR");
    expect(last(r).overallResponse).toBe("PD");
  });
});

describe("overall response tables", () => {
  // RECIST 1.1 Table 1: target disease with or without non-target disease.
  const table1: [TargetResponse, NonTargetResponse | null, boolean, string][] = [
    ["CR", "CR", false, "CR"],
    ["CR", null, false, "CR"],
    ["CR", "non-CR/non-PD", false, "PR"],
    ["CR", "NE", false, "PR"],
    ["PR", "non-CR/non-PD", false, "PR"],
    ["PR", "NE", false, "PR"],
    ["PR", "CR", false, "PR"],
    ["SD", "non-CR/non-PD", false, "SD"],
    ["SD", "NE", false, "SD"],
    ["NE", "non-CR/non-PD", false, "NE"],
    ["NE", "CR", false, "NE"],
    ["PD", "CR", false, "PD"],
    ["PD", "NE", true, "PD"],
    ["CR", "PD", false, "PD"],
    ["NE", "PD", false, "PD"],
    ["CR", "CR", true, "PD"],
    ["SD", "non-CR/non-PD", true, "PD"],
  ];
  it.each(table1)("[R15] Table 1: target %s, non-target %s, new lesions %s -> %s", (t, nt, nl, expected) => {
    expect(overallResponse(t, nt, nl)).toBe(expected);
  });

  // RECIST 1.1 Table 2: non-target disease only.
  const table2: [NonTargetResponse, boolean, string][] = [
    ["CR", false, "CR"],
    ["non-CR/non-PD", false, "non-CR/non-PD"],
    ["NE", false, "NE"],
    ["PD", false, "PD"],
    ["PD", true, "PD"],
    ["CR", true, "PD"],
  ];
  it.each(table2)("[R16] Table 2: non-target %s, new lesions %s -> %s", (nt, nl, expected) => {
    expect(overallResponse(null, nt, nl)).toBe(expected);
  });

  it("[R15] end to end: target CR with a non-target still present is PR", () => {
    const lesions = { A: {}, X: { kind: "non-target" as const } };
    const r = assessRecist(buildInput(lesions, [{ m: { A: 30 }, nt: { X: "present" } }, { m: { A: 0 }, nt: { X: "present" } }]));
    expect([last(r).targetResponse, last(r).nonTargetResponse, last(r).overallResponse]).toEqual(["CR", "non-CR/non-PD", "PR"]);
  });

  it("[R16] end to end: non-target disease only gives non-CR/non-PD and no sum", () => {
    const lesions = { X: { kind: "non-target" as const } };
    const r = assessRecist(buildInput(lesions, [{ nt: { X: "present" } }, { nt: { X: "present" } }]));
    expect(last(r).overallResponse).toBe("non-CR/non-PD");
    expect(last(r).targetResponse).toBeNull();
    expect(last(r).sumMm).toBeNull();
  });
});
