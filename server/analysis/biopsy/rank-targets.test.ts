import { describe, expect, it } from "vitest";
import { AnalysisError } from "../errors";
import { rankBiopsyTargets, type BiopsyCandidate } from "./rank-targets";

const pct = (now: number, ref: number) => ((now - ref) / ref) * 100;

function candidate(c: Partial<BiopsyCandidate> & Pick<BiopsyCandidate, "lesionId">): BiopsyCandidate {
  return {
    label: c.lesionId,
    organ: "liver",
    longAxisMm: 20,
    changeFromBaselinePct: 0,
    changeFromNadirPct: 0,
    phenotype: null,
    ithScore: null,
    accessible: true,
    ...c,
  };
}

/** DEMO.md case 1 at +231: sizes baseline -> nadir -> now; phenotypes and ITH as the pipeline might give. */
const demoCase1: BiopsyCandidate[] = [
  candidate({ lesionId: "L1", organ: "liver", longAxisMm: 23, changeFromBaselinePct: pct(23, 42), changeFromNadirPct: 0, phenotype: "large, heterogeneous", ithScore: 62 }),
  candidate({ lesionId: "L2", organ: "liver", longAxisMm: 14, changeFromBaselinePct: pct(14, 31), changeFromNadirPct: 0, phenotype: "small, homogeneous", ithScore: 18 }),
  candidate({ lesionId: "L3", organ: "liver", longAxisMm: 31, changeFromBaselinePct: pct(31, 24), changeFromNadirPct: pct(31, 18), nadirLongAxisMm: 18, phenotype: "irregular, hyperdense", ithScore: 55 }),
  candidate({ lesionId: "L4", organ: "lung", longAxisMm: 14, changeFromBaselinePct: 0, changeFromNadirPct: pct(14, 13), phenotype: "small, homogeneous", ithScore: 20 }),
  candidate({ lesionId: "L5", organ: "liver", longAxisMm: 12, changeFromBaselinePct: null, changeFromNadirPct: null, isNew: true, phenotype: "small, homogeneous", ithScore: 30 }),
];

/** DEMO.md case 2 at +161. */
const demoCase2: BiopsyCandidate[] = [
  candidate({ lesionId: "P1", organ: "lung", longAxisMm: 22, changeFromBaselinePct: pct(22, 38), changeFromNadirPct: 0, phenotype: "large, heterogeneous", ithScore: 40 }),
  candidate({ lesionId: "N1", organ: "lymph node", longAxisMm: 9, changeFromBaselinePct: pct(9, 17), changeFromNadirPct: 0, phenotype: "small, homogeneous", ithScore: null }),
  candidate({ lesionId: "A1", organ: "adrenal", longAxisMm: 19, changeFromBaselinePct: pct(19, 22), changeFromNadirPct: 35.7, phenotype: "hypodense", ithScore: 35 }),
  candidate({ lesionId: "R1", organ: "lung", longAxisMm: 6, changeFromBaselinePct: 0, changeFromNadirPct: 0, phenotype: null, ithScore: null }),
  candidate({ lesionId: "R2", organ: "lung", longAxisMm: 6, changeFromBaselinePct: 0, changeFromNadirPct: 0, phenotype: null, ithScore: null }),
];

describe("rankBiopsyTargets", () => {
  it("[B1] DEMO case 1: L3 first, for progressing while other lesions respond", () => {
    const ranked = rankBiopsyTargets(demoCase1, { sampledPhenotypes: [] });
    expect(ranked[0].lesionId).toBe("L3");
    expect(ranked[0].reasons.find((r) => r.component === "resistance")).toMatchObject({ value: 1, weight: 3, contribution: 3 });
    expect(ranked[0].sentence).toBe(
      "L3: growing +72 % from nadir while other lesions respond; phenotype 'irregular, hyperdense' not yet sampled; ITH 55/100",
    );
  });

  it("[B1] DEMO case 2: A1 first (+36 % and +5 mm from nadir while P1 and N1 respond)", () => {
    const ranked = rankBiopsyTargets(demoCase2, { sampledPhenotypes: [] });
    expect(ranked[0].lesionId).toBe("A1");
    expect(ranked[0].sentence).toMatch(/^A1: growing \+36 % from nadir while other lesions respond/);
    // Exactly +5 mm, derived from a percentage rounded to one decimal, still counts.
    expect(ranked[0].reasons[0].value).toBe(1);
    expect(ranked.slice(-3).map((s) => s.feasible)).toEqual([false, false, false]);
  });

  it("[B1] growth under 5 mm or under 20 % is not progression", () => {
    const others = candidate({ lesionId: "Z", changeFromBaselinePct: -50 });
    const small = candidate({ lesionId: "A", longAxisMm: 15, changeFromNadirPct: 25, nadirLongAxisMm: 12 });
    const slow = candidate({ lesionId: "B", longAxisMm: 40, changeFromNadirPct: 15, nadirLongAxisMm: 34.8 });
    const ranked = rankBiopsyTargets([small, slow, others], { sampledPhenotypes: [] });
    for (const id of ["A", "B"]) expect(ranked.find((s) => s.lesionId === id)!.reasons[0].value).toBe(0);
  });

  it("[B1] progression without response elsewhere is not resistance; the context can state response", () => {
    const growing = candidate({ lesionId: "A", longAxisMm: 30, changeFromNadirPct: 50, nadirLongAxisMm: 20 });
    const stable = candidate({ lesionId: "B", changeFromBaselinePct: -10 });
    const alone = rankBiopsyTargets([growing, stable], { sampledPhenotypes: [] });
    expect(alone[0].reasons[0]).toMatchObject({ value: 0, detail: "growing +50 % from nadir; no other lesion responds" });
    const stated = rankBiopsyTargets([growing, stable], { sampledPhenotypes: [], anyResponding: true });
    expect(stated[0].reasons[0].value).toBe(1);
    const denied = rankBiopsyTargets(demoCase1, { sampledPhenotypes: [], anyResponding: false });
    expect(denied.every((s) => s.reasons[0].value === 0)).toBe(true);
  });

  it("[B1] a new lesion that has gone again is not resistance", () => {
    const gone = candidate({ lesionId: "U2", isNew: true, longAxisMm: 0, changeFromBaselinePct: null, changeFromNadirPct: null });
    const ranked = rankBiopsyTargets([gone, candidate({ lesionId: "S1", changeFromBaselinePct: -50 })], { sampledPhenotypes: [] });
    expect(ranked.find((s) => s.lesionId === "U2")!.reasons[0].value).toBe(0);
  });

  it("[B2] an already sampled phenotype earns nothing", () => {
    const ranked = rankBiopsyTargets(demoCase1, { sampledPhenotypes: ["irregular, hyperdense"] });
    const l3 = ranked.find((s) => s.lesionId === "L3")!;
    expect(l3.reasons[1]).toMatchObject({ component: "unsampledPhenotype", value: 0, contribution: 0 });
    expect(l3.sentence).toContain("phenotype 'irregular, hyperdense' already sampled");
  });

  it("[B3] infeasible lesions rank last with a reason, whatever their score", () => {
    const ranked = rankBiopsyTargets(
      [
        candidate({ lesionId: "A", longAxisMm: 40, accessible: false, accessNote: "behind the portal vein", ithScore: 90, phenotype: "x" }),
        candidate({ lesionId: "B", longAxisMm: 8, ithScore: 90, phenotype: "x" }),
        candidate({ lesionId: "C", longAxisMm: 12 }),
      ],
      { sampledPhenotypes: [] },
    );
    expect(ranked.map((s) => s.lesionId)).toEqual(["C", "A", "B"]);
    expect(ranked[1].infeasibleReason).toBe("not feasible: no safe access (behind the portal vein)");
    expect(ranked[2].infeasibleReason).toBe("not feasible: 8 mm, under 10 mm");
    expect(ranked[2].sentence).toMatch(/not feasible: 8 mm, under 10 mm$/);
    // Feasibility ramps from 0.5 at 10 mm to 1 at 20 mm.
    expect(ranked[0].reasons[3]).toMatchObject({ component: "feasibility", value: 0.6, contribution: 0.6 });
  });

  it("[B4] score is the sum of contributions; ties fall to the earlier id; weights are checked", () => {
    const ranked = rankBiopsyTargets(demoCase1, { sampledPhenotypes: [] }, { resistance: 3, unsampledPhenotype: 2, ith: 1, feasibility: 1 });
    for (const s of ranked) expect(s.score).toBeCloseTo(s.reasons.reduce((a, r) => a + r.contribution, 0), 12);
    const l3 = ranked[0];
    expect(l3.score).toBeCloseTo(3 + 2 + 0.55 + 1, 12);
    const twins = rankBiopsyTargets([candidate({ lesionId: "b" }), candidate({ lesionId: "a" })], { sampledPhenotypes: [] });
    expect(twins.map((s) => [s.rank, s.lesionId])).toEqual([[1, "a"], [2, "b"]]);
    expect(() => rankBiopsyTargets(demoCase1, { sampledPhenotypes: [] }, { resistance: -1, unsampledPhenotype: 2, ith: 1, feasibility: 1 })).toThrow(AnalysisError);
  });

  it("[B4] changing the weights changes the order", () => {
    const ranked = rankBiopsyTargets(demoCase1, { sampledPhenotypes: [] }, { resistance: 0, unsampledPhenotype: 0, ith: 1, feasibility: 0 });
    expect(ranked[0].lesionId).toBe("L1"); // highest ITH
  });

  it("[B5] a sentence with no applicable component says so", () => {
    const [only] = rankBiopsyTargets([candidate({ lesionId: "Q", label: "Q1" })], { sampledPhenotypes: [] });
    expect(only.sentence).toBe("Q1: no component applies");
  });
});
