import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, testBackends } from "@/db/testing";
import type { Database } from "@/db/client";
import { createUser } from "@/db/repositories/users";
import { seedDemo, type SeedResult } from "@/server/demo/seed";
import { hashPassword } from "@/server/auth/passwords";
import { login } from "@/server/auth/login";
import { SESSION_COOKIE } from "@/server/auth/sessions";
import { createCaller } from "../../root";
import { createContext } from "../../trpc";

describe("panels router", () => {
  let database: Database;
  let seed: SeedResult;
  const callerFor = async (email: string, password = "mosaic-demo") => {
    const r = await login(database.db, { email, password }, { ip: "t" });
    if (!r.ok) throw new Error(r.error);
    return createCaller(await createContext(`${SESSION_COOKIE}=${encodeURIComponent(r.token)}`));
  };

  beforeAll(async () => {
    database = await freshDatabase(testBackends()[0]!);
    seed = await seedDemo(database.db, new Date());
  });
  afterAll(() => database.close());

  it("gives the case's place in this week's agenda with its neighbours and the board's question", async () => {
    const api = await callerFor("oncologist@mosaic.demo");
    const [c1, c2, c3] = seed.cases.map((c) => c.caseId);
    const { agenda } = await api.panels.get({ caseId: c2! });
    expect(agenda).toMatchObject({ meetingId: seed.meetingId, index: 2, total: 3, prev: { caseId: c1, position: 1 }, next: { caseId: c3, position: 3 } });
    expect(agenda!.question).toContain("C797S");
    expect((await api.panels.get({ caseId: c1! })).agenda).toMatchObject({ index: 1, prev: null });
    expect((await api.panels.get({ caseId: c3! })).agenda).toMatchObject({ index: 3, next: null });
  });

  it("returns the liquid-profiling results as measured, with units and limits of detection", async () => {
    const api = await callerFor("radiologist@mosaic.demo");
    const { liquidSamples } = await api.panels.get({ caseId: seed.cases[0]!.caseId });
    expect(liquidSamples).toHaveLength(4);
    expect(liquidSamples[0]!.results).toContainEqual({ kind: "variant", analyte: "KRAS", variant: "p.G12D", detected: false, value: null, unit: "%", lod: 0.1 });
    expect(liquidSamples[3]!.results).toContainEqual(expect.objectContaining({ analyte: "CEA", value: 41, unit: "ng/mL" }));
  });

  it("reports analysis progress against the stored analyses' version", async () => {
    const api = await callerFor("radiologist@mosaic.demo");
    const progress = await api.panels.progress({ caseId: seed.cases[0]!.caseId });
    expect(progress).toMatchObject({ open: 0, total: 0 });
  });

  it("refuses users who are not on the case's board, as NOT_FOUND", async () => {
    await createUser(database.db, { email: "outsider@example.org", name: "Outsider", role: "oncologist", passwordHash: await hashPassword("outsider-pass") });
    const api = await callerFor("outsider@example.org", "outsider-pass");
    await expect(api.panels.get({ caseId: seed.cases[0]!.caseId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api.panels.progress({ caseId: seed.cases[0]!.caseId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
