/**
 * The storage contract: one suite over every backend (PGlite always; PostgreSQL when
 * TEST_DATABASE_URL is set), the way tldraw's storageContractSuite runs over its stores.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, testBackends } from "../testing";
import type { Database } from "../client";
import { seedDemo, type SeedResult } from "@/server/demo/seed";
import { countUsers, createUser, findUserByEmail } from "./users";
import { canAccessCase, findCase, listCasesForUser } from "./cases";
import { listAgenda, listBoardsForUser, listUpcomingMeetings } from "./boards";
import { listLesionsWithMeasurements, upsertMeasurement } from "./lesions";
import { listLiquidSamples, putLiquidSample } from "./liquid";
import { createSession, findSessionUser } from "./sessions";
import { recordAudit, listCaseAudit } from "./audit";
import { demoCases } from "@/server/demo/story";

for (const backend of testBackends()) {
  describe(`storage contract on ${backend.name}`, () => {
    let database: Database;
    let seed: SeedResult;
    let radiologistId: string;

    beforeAll(async () => {
      database = await freshDatabase(backend);
      seed = await seedDemo(database.db, new Date("2026-11-23T09:00:00Z"));
      radiologistId = (await findUserByEmail(database.db, "RadioLogist@mosaic.demo"))!.id;
    });
    afterAll(() => database.close());

    it("seeds the demo board with four accounts, one meeting and three cases in agenda order", async () => {
      const { db } = database;
      expect(await countUsers(db)).toBe(4);
      expect((await listBoardsForUser(db, radiologistId)).map((b) => b.name)).toEqual(["Thoracic & GI tumor board"]);
      const meetings = await listUpcomingMeetings(db, radiologistId, new Date("2026-11-23T10:00:00Z"));
      expect(meetings).toHaveLength(1);
      expect(meetings[0]!.startsAt.toISOString()).toBe("2026-11-26T16:00:00.000Z");
      const agenda = await listAgenda(db, [meetings[0]!.id]);
      expect(agenda.map((a) => a.pseudonym)).toEqual(demoCases.map((c) => c.pseudonym));
      expect(agenda.map((a) => a.position)).toEqual([1, 2, 3]);
    });

    it("a meeting that ended more than 12 hours ago is no longer upcoming", async () => {
      expect(await listUpcomingMeetings(database.db, radiologistId, new Date("2026-11-27T06:00:00Z"))).toHaveLength(0);
    });

    it("places the last timepoint 10 days before the meeting and keeps lesions' sizes", async () => {
      const crc = seed.cases[0]!;
      const detail = (await findCase(database.db, crc.caseId))!;
      expect(detail.timepoints.map((t) => t.date)).toEqual(["2026-03-20", "2026-06-01", "2026-08-24", "2026-11-16"]);
      expect(detail.therapyLines[0]!.startDate).toBe("2026-03-30");
      const lesions = await listLesionsWithMeasurements(database.db, crc.caseId);
      const l3 = lesions.find((l) => l.trackingId === "L3")!;
      expect(l3.measurements.map((m) => m.longAxisMm)).toEqual([24, 18, 23, 31]);
      const l5 = lesions.find((l) => l.trackingId === "L5")!;
      expect(l5.measurements.map((m) => m.date)).toEqual(["2026-11-16"]);
    });

    it("gives case access to board members only", async () => {
      const { db } = database;
      const outsider = await createUser(db, { email: "outsider@example.org", name: "Out Sider", role: "surgeon", passwordHash: "x" });
      expect(await listCasesForUser(db, outsider.id)).toEqual([]);
      expect(await canAccessCase(db, outsider.id, seed.cases[0]!.caseId)).toBe(false);
      expect(await canAccessCase(db, radiologistId, seed.cases[0]!.caseId)).toBe(true);
      expect((await listCasesForUser(db, radiologistId)).map((c) => c.id).sort()).toEqual(seed.cases.map((c) => c.caseId).sort());
    });

    it("finds a session's user until it expires", async () => {
      const { db } = database;
      await createSession(db, { id: `s-${backend.name}`, userId: radiologistId, expiresAt: new Date("2026-11-23T12:00:00Z") });
      expect((await findSessionUser(db, `s-${backend.name}`, new Date("2026-11-23T11:59:59Z")))?.user.id).toBe(radiologistId);
      expect(await findSessionUser(db, `s-${backend.name}`, new Date("2026-11-23T12:00:01Z"))).toBeUndefined();
      expect(await findSessionUser(db, "no-such-session", new Date("2026-11-23T11:00:00Z"))).toBeUndefined();
    });

    it("upserts a measurement idempotently: a re-run replaces, never duplicates", async () => {
      const { db } = database;
      const crc = seed.cases[0]!;
      const lesionId = crc.lesionIds.L1!;
      const timepointId = crc.timepoints[0]!.id;
      for (const volumeMl of [30.5, 31.25]) {
        await upsertMeasurement(db, { lesionId, timepointId, source: "analysis", longAxisMm: 41.8, shortAxisMm: 33.1, volumeMl });
      }
      const l1 = (await listLesionsWithMeasurements(db, crc.caseId)).find((l) => l.trackingId === "L1")!;
      expect(l1.measurements).toHaveLength(4);
      expect(l1.measurements[0]).toMatchObject({ source: "analysis", longAxisMm: 41.8, volumeMl: 31.25 });
    });

    it("replaces a liquid sample's results when the same sample is imported again", async () => {
      const { db } = database;
      const caseId = seed.cases[1]!.caseId;
      const before = await listLiquidSamples(db, caseId);
      expect(before).toHaveLength(3);
      expect(before[2]!.results.find((r) => r.variant === "p.C797S")).toMatchObject({ detected: true, value: 0.5 });
      await putLiquidSample(db, { caseId, date: before[2]!.date, source: "csv", results: [{ kind: "marker", analyte: "CEA", detected: true, value: 3.1, unit: "ng/mL", lod: 0.5 }] });
      const after = await listLiquidSamples(db, caseId);
      expect(after).toHaveLength(3);
      expect(after[2]!.results).toEqual([{ kind: "marker", analyte: "CEA", variant: "", detected: true, value: 3.1, unit: "ng/mL", lod: 0.5 }]);
    });

    it("keeps an audit trail per case, newest first", async () => {
      const { db } = database;
      const caseId = seed.cases[2]!.caseId;
      await recordAudit(db, { userId: radiologistId, action: "case.view", entityType: "case", entityId: caseId, caseId });
      await recordAudit(db, { userId: radiologistId, action: "case.export", entityType: "case", entityId: caseId, caseId });
      expect((await listCaseAudit(db, caseId)).map((e) => e.action)).toEqual(["case.export", "case.view"]);
    });

    it("a failed seed leaves nothing behind (one transaction)", async () => {
      const other = await freshDatabase(backend);
      try {
        await createUser(other.db, { email: "coordinator@mosaic.demo", name: "Taken", role: "coordinator", passwordHash: "x" });
        await expect(seedDemo(other.db)).rejects.toThrow();
        expect(await countUsers(other.db)).toBe(1);
      } finally {
        await other.close();
      }
    });
  });
}
