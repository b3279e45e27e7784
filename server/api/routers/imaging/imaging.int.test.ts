import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, testBackends } from "@/db/testing";
import type { Database } from "@/db/client";
import { putVolume } from "@/db/repositories/imaging";
import { listCaseAudit } from "@/db/repositories/audit";
import { createUser } from "@/db/repositories/users";
import { seedDemo, type SeedResult } from "@/server/demo/seed";
import { login } from "@/server/auth/login";
import { hashPassword } from "@/server/auth/passwords";
import { SESSION_COOKIE } from "@/server/auth/sessions";
import { createCaller } from "../../root";
import { createContext } from "../../trpc";

const pglite = testBackends()[0]!;
const sha = (c: string) => c.repeat(64);

describe("imaging.volumes", () => {
  let database: Database;
  let seed: SeedResult;
  const apiAs = async (email: string, password = "mosaic-demo") => {
    const r = await login(database.db, { email, password }, { ip: "imaging-test" });
    if (!r.ok) throw new Error(r.error);
    return createCaller(await createContext(`${SESSION_COOKIE}=${encodeURIComponent(r.token)}`));
  };

  beforeAll(async () => {
    database = await freshDatabase(pglite);
    seed = await seedDemo(database.db);
    const tp = seed.cases[0]!.timepoints[1]!.id;
    const grid = { dims: [384, 300, 60] as [number, number, number], spacingMm: [0.9, 0.9, 5] as [number, number, number] };
    await putVolume(database.db, { timepointId: tp, kind: "image", sha256: sha("a"), byteSize: 10, fileName: "ct.nii.gz", ...grid });
    await putVolume(database.db, { timepointId: tp, kind: "segmentation", sha256: sha("b"), byteSize: 5, fileName: "labels.nii.gz", ...grid });
  });
  afterAll(() => database.close());

  it("needs a session", async () => {
    const api = createCaller(await createContext(undefined));
    await expect(api.imaging.volumes({ caseId: seed.cases[0]!.caseId })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("returns every timepoint in date order with its volumes by kind, and audits the access", async () => {
    const api = await apiAs("radiologist@mosaic.demo");
    const caseId = seed.cases[0]!.caseId;
    const result = await api.imaging.volumes({ caseId });
    expect(result.timepoints.map((t) => t.timepointId)).toEqual(seed.cases[0]!.timepoints.map((t) => t.id));
    const second = result.timepoints[1]!;
    expect(Object.keys(second.volumes).sort()).toEqual(["image", "segmentation"]);
    expect(second.volumes.image).toMatchObject({ fileName: "ct.nii.gz", dims: [384, 300, 60], spacingMm: [0.9, 0.9, 5] });
    expect(second.volumes.image!.url).toBe(`/api/volumes/${second.volumes.image!.id}?v=${sha("a")}`);
    expect(result.timepoints[0]!.volumes).toEqual({});
    expect((await listCaseAudit(database.db, caseId))[0]).toMatchObject({ action: "imaging.volumes", entityId: caseId });
  });

  it("answers NOT_FOUND to a user who is not on the case's board", async () => {
    await createUser(database.db, { email: "visitor@hospital.example", name: "V. Isitor", role: "surgeon", passwordHash: await hashPassword("a-long-password") });
    const api = await apiAs("visitor@hospital.example", "a-long-password");
    await expect(api.imaging.volumes({ caseId: seed.cases[0]!.caseId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
