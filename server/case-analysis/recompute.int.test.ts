/**
 * The demo story's expected flags (shared/DEMO.md), from the stored data through the core to the
 * stored analyses: the wiring, not the rules (those are tested in server/analysis).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, testBackends } from "@/db/testing";
import type { Database } from "@/db/client";
import { getCaseAnalyses } from "@/db/repositories/analyses";
import { listBiopsyTargets } from "@/db/repositories/biopsy";
import { seedDemo, type SeedResult } from "../demo/seed";
import { recomputeCaseAnalyses } from "./recompute";

type Tp = { date: string; overallResponse: string | null; sumMm: number | null; mixedResponse: boolean };
type Flag = { kind: string; date: string; analyte?: string };

describe("case analyses on the demo story", () => {
  let database: Database;
  let seed: SeedResult;
  const analyses = (i: number) => getCaseAnalyses(database.db, seed.cases[i]!.caseId);
  const dateOf = (i: number, tpIndex: number) => seed.cases[i]!.timepoints[tpIndex]!.date;

  beforeAll(async () => {
    database = await freshDatabase(testBackends()[0]!);
    seed = await seedDemo(database.db, new Date("2026-11-23T09:00:00Z"));
    for (const c of seed.cases) await recomputeCaseAnalyses(database.db, c.caseId);
  });
  afterAll(() => database.close());

  it("case 1: PR at +63, PD at +231 from the new lesion, mixed response; molecular response, emerging KRAS and discordance", async () => {
    const a = await analyses(0);
    const recist = a.response!.result.recist as Tp[];
    expect(recist.map((t) => t.sumMm)).toEqual([87, 60, 52, 51]);
    expect(recist.map((t) => t.overallResponse)).toEqual([null, "PR", "PR", "PD"]);
    expect(recist[3]!.mixedResponse).toBe(true);
    const liquid = a.liquid!.result as { flags: Flag[]; discordance: { date: string }[] };
    expect(liquid.flags).toContainEqual(expect.objectContaining({ kind: "molecular-response", date: dateOf(0, 1) }));
    expect(liquid.flags).toContainEqual(expect.objectContaining({ kind: "emerging-variant", date: dateOf(0, 2) }));
    expect(liquid.discordance.map((d) => d.date)).toContain(dateOf(0, 2));
    const targets = await listBiopsyTargets(database.db, seed.cases[0]!.caseId);
    expect(targets[0]!.trackingId).toBe("L3");
    expect(targets[0]!.reasons.find((r) => r.component === "resistance")!.contribution).toBeGreaterThan(0);
  });

  it("case 2: still PR at +161 while A1 grows; molecular progression, emerging C797S, discordance; biopsy A1", async () => {
    const a = await analyses(1);
    const recist = a.response!.result.recist as Tp[];
    expect(recist.map((t) => t.sumMm)).toEqual([77, 47, 50]);
    expect(recist.map((t) => t.overallResponse)).toEqual([null, "PR", "PR"]);
    expect(recist[2]!.mixedResponse).toBe(true);
    const liquid = a.liquid!.result as { flags: Flag[]; discordance: { date: string }[] };
    expect(liquid.flags).toContainEqual(expect.objectContaining({ kind: "molecular-progression", date: dateOf(1, 2) }));
    expect(liquid.flags).toContainEqual(expect.objectContaining({ kind: "emerging-variant", date: dateOf(1, 2) }));
    expect(liquid.discordance.map((d) => d.date)).toContain(dateOf(1, 2));
    expect((await listBiopsyTargets(database.db, seed.cases[1]!.caseId))[0]!.trackingId).toBe("A1");
  });

  it("case 3: RECIST PD at +70, iRECIST iUPD then iPR; ctDNA clearance and discordance at +70", async () => {
    const a = await analyses(2);
    expect(a.response!.result.primary).toBe("irecist");
    expect((a.response!.result.recist as Tp[]).map((t) => t.overallResponse)).toEqual([null, "PD", "PR"]);
    const irecist = a.response!.result.irecist as Tp[];
    expect(irecist.map((t) => t.sumMm)).toEqual([100, 101, 60]);
    expect(irecist.map((t) => t.overallResponse)).toEqual([null, "iUPD", "iPR"]);
    const liquid = a.liquid!.result as { flags: Flag[]; discordance: { date: string }[] };
    expect(liquid.flags).toContainEqual(expect.objectContaining({ kind: "clearance", date: dateOf(2, 1) }));
    expect(liquid.discordance.map((d) => d.date)).toContain(dateOf(2, 1));
  });

  it("is idempotent: recomputing replaces, never duplicates", async () => {
    const before = await listBiopsyTargets(database.db, seed.cases[0]!.caseId);
    await recomputeCaseAnalyses(database.db, seed.cases[0]!.caseId);
    const after = await listBiopsyTargets(database.db, seed.cases[0]!.caseId);
    expect(after.map((t) => [t.trackingId, t.rank, t.score])).toEqual(before.map((t) => [t.trackingId, t.rank, t.score]));
  });
});
