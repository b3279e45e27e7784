import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { freshDatabase, testBackends } from "@/db/testing";
import type { Database } from "@/db/client";
import { seedDemo, type SeedResult } from "../demo/seed";
import { createCaller } from "./root";
import { createContext } from "./trpc";
import { login } from "../auth/login";
import { SESSION_COOKIE } from "../auth/sessions";
import { createUser } from "@/db/repositories/users";
import { hashPassword } from "../auth/passwords";
import { listCaseAudit } from "@/db/repositories/audit";

const pglite = testBackends()[0]!;

describe("tRPC API with sessions", () => {
  let database: Database;
  let seed: SeedResult;
  const cookieFor = async (email: string, password = "mosaic-demo") => {
    const r = await login(database.db, { email, password }, { ip: "test" });
    if (!r.ok) throw new Error(r.error);
    return `${SESSION_COOKIE}=${encodeURIComponent(r.token)}`;
  };

  beforeAll(async () => {
    database = await freshDatabase(pglite);
    seed = await seedDemo(database.db);
  });
  afterAll(() => database.close());

  it("cases.list without a session fails with UNAUTHORIZED", async () => {
    const api = createCaller(await createContext(undefined));
    await expect(api.cases.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const forged = createCaller(await createContext(`${SESSION_COOKIE}=forged-token`));
    await expect(forged.cases.list()).rejects.toBeInstanceOf(TRPCError);
  });

  it("cases.list returns the signed-in user's cases with their ids", async () => {
    const api = createCaller(await createContext(await cookieFor("radiologist@mosaic.demo")));
    const cases = await api.cases.list();
    expect(cases.map((c) => c.id).sort()).toEqual(seed.cases.map((c) => c.caseId).sort());
  });

  it("login refuses a wrong password and unknown accounts with the same message", async () => {
    const wrong = await login(database.db, { email: "radiologist@mosaic.demo", password: "nope" }, { ip: "t2" });
    const unknown = await login(database.db, { email: "nobody@mosaic.demo", password: "nope" }, { ip: "t2" });
    expect(wrong).toEqual({ ok: false, status: 401, error: "Email or password is not correct." });
    expect(unknown).toEqual(wrong);
    expect(await login(database.db, { email: "", password: "" }, { ip: "t2" })).toMatchObject({ ok: false, status: 400 });
  });

  it("throttles repeated failures for one account and address", async () => {
    for (let i = 0; i < 10; i++) await login(database.db, { email: "oncologist@mosaic.demo", password: `bad${i}` }, { ip: "t3" });
    const r = await login(database.db, { email: "oncologist@mosaic.demo", password: "mosaic-demo" }, { ip: "t3" });
    expect(r).toMatchObject({ ok: false, status: 429 });
    expect(await login(database.db, { email: "oncologist@mosaic.demo", password: "mosaic-demo" }, { ip: "other" })).toMatchObject({ ok: true });
  });

  it("a user who is not on the board gets NOT_FOUND for a case, and the refusal is audited", async () => {
    await createUser(database.db, { email: "surgeon@hospital.example", name: "S. Urgeon", role: "surgeon", passwordHash: await hashPassword("a-long-password") });
    const api = createCaller(await createContext(await cookieFor("surgeon@hospital.example", "a-long-password")));
    expect(await api.cases.list()).toEqual([]);
    await expect(api.cases.get({ caseId: seed.cases[0]!.caseId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("cases.get returns the case with lesions and writes the access to the audit log", async () => {
    const api = createCaller(await createContext(await cookieFor("pathologist@mosaic.demo")));
    const view = await api.cases.get({ caseId: seed.cases[1]!.caseId });
    expect(view.patient.pseudonym).toBe("MOS-LUN-0952");
    expect(view.lesions.map((l) => l.trackingId)).toEqual(["P1", "N1", "A1", "R1", "R2"]);
    expect(view.timepoints).toHaveLength(3);
    const audit = await listCaseAudit(database.db, seed.cases[1]!.caseId);
    expect(audit[0]).toMatchObject({ action: "case.view", entityId: seed.cases[1]!.caseId });
  });

  it("rejects malformed ids with BAD_REQUEST and field errors", async () => {
    const api = createCaller(await createContext(await cookieFor("coordinator@mosaic.demo")));
    await expect(api.cases.get({ caseId: "<script>alert(1)</script>" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
