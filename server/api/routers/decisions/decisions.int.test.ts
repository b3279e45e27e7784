/** The decision record through tRPC on every backend: roles, versions, amendments, immutability. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { freshDatabase, testBackends } from "@/db/testing";
import type { Database } from "@/db/client";
import * as decisionsRepo from "@/db/repositories/decisions";
import { appendCollabUpdates } from "@/db/repositories/collab";
import { listCaseAudit } from "@/db/repositories/audit";
import { createUser } from "@/db/repositories/users";
import { seedDemo, type SeedResult } from "@/server/demo/seed";
import { startSession } from "@/server/auth/sessions";
import { putBiopsyMark } from "@/server/collab/doc-ops";
import { loadCaseDoc } from "@/server/collab/persistence";
import { decisionDraft, roomName } from "@/server/collab/doc-shape";
import { signInDemoAccounts, type DemoRole, type SignedIn } from "@/server/collab/testing/harness";
import { cookieFor } from "@/server/collab/testing/node-client";
import { createCaller } from "../../root";
import { createContext } from "../../trpc";

/** Replaces the stored draft's paragraphs, storing the edit the way the collab server would. */
async function storeDraft(database: Database, caseId: string, paragraphs: string[]): Promise<Y.Doc> {
  const doc = await loadCaseDoc(database.db, caseId);
  const before = Y.encodeStateVector(doc);
  const draft = decisionDraft(doc)!;
  draft.delete(0, draft.length);
  draft.insert(
    0,
    paragraphs.map((t) => {
      const p = new Y.XmlElement("paragraph");
      p.insert(0, [new Y.XmlText(t)]);
      return p;
    }),
  );
  await appendCollabUpdates(database.db, [{ room: roomName(caseId), update: Y.encodeStateAsUpdate(doc, before) }]);
  return doc;
}

for (const backend of testBackends()) {
  describe(`[C12] decisions on ${backend.name}`, () => {
    let database: Database;
    let seed: SeedResult;
    let users: Record<DemoRole, SignedIn>;
    const api = async (role: DemoRole) => createCaller(await createContext(users[role].cookie));

    beforeAll(async () => {
      database = await freshDatabase(backend);
      seed = await seedDemo(database.db);
      users = await signInDemoAccounts(database.db);
    });
    afterAll(() => database.close());

    it("only a coordinator or an oncologist may finalize; an empty draft is refused", async () => {
      const caseId = seed.cases[1]!.caseId;
      for (const role of ["radiologist", "pathologist"] as const) {
        await expect((await api(role)).decisions.finalize({ caseId })).rejects.toMatchObject({ code: "FORBIDDEN" });
      }
      await expect((await api("coordinator")).decisions.finalize({ caseId })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "The decision draft is empty." });
      expect(await (await api("radiologist")).decisions.list({ caseId })).toEqual([]);
    });

    it("finalizes version 1 from the stored draft with participants and basis, once", async () => {
      const caseId = seed.cases[0]!.caseId;
      const doc = await storeDraft(database, caseId, ["Biopsy L3 before switching therapy.", "<script>alert(1)</script> stays text."]);
      const before = Y.encodeStateVector(doc);
      putBiopsyMark(doc, { id: "m1", lesionId: seed.cases[0]!.lesionIds.L3!, point: [10, 20, 30], status: "accepted" }, users.pathologist.id, 1_700_000_000_000);
      await appendCollabUpdates(database.db, [{ room: roomName(caseId), update: Y.encodeStateAsUpdate(doc, before) }]);

      const coordinator = await api("coordinator");
      await expect(coordinator.decisions.finalize({ caseId, expectedText: "Biopsy L3 before switching therapy." })).rejects.toMatchObject({ code: "CONFLICT" });
      const v1 = await coordinator.decisions.finalize({
        caseId,
        participantIds: [users.oncologist.id, users.pathologist.id],
        shown: { recist: "PD" },
        expectedText: "Biopsy L3 before switching therapy.\n<script>alert(1)</script> stays text.",
      });
      expect(v1).toMatchObject({ version: 1, amendsId: null, text: "Biopsy L3 before switching therapy.\n<script>alert(1)</script> stays text.", finalizedBy: { id: users.coordinator.id } });
      expect(v1.participants.map((p) => p.role).sort()).toEqual(["coordinator", "oncologist", "pathologist"]);
      expect(v1.basis).toMatchObject({ shown: { recist: "PD" }, biopsyMarks: [{ id: "m1", status: "accepted", point: [10, 20, 30] }] });
      expect((v1.basis.lesions as unknown[]).length).toBe(5);
      await expect((await api("oncologist")).decisions.finalize({ caseId })).rejects.toMatchObject({ code: "CONFLICT" });
      expect((await listCaseAudit(database.db, caseId)).some((e) => e.action === "decision.finalize" && e.userId === users.coordinator.id)).toBe(true);
    });

    it("amends with a reason into the next version and keeps every earlier version unchanged", async () => {
      const caseId = seed.cases[0]!.caseId;
      const [v1] = await (await api("radiologist")).decisions.list({ caseId });
      await storeDraft(database, caseId, ["Biopsy L3 and L5."]);
      const oncologist = await api("oncologist");
      await expect(oncologist.decisions.amend({ caseId, amendsVersion: 1, reason: "  " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
      const v2 = await oncologist.decisions.amend({ caseId, amendsVersion: 1, reason: "L5 grew", participantIds: [] });
      expect(v2).toMatchObject({ version: 2, amendsId: v1!.id, text: "Biopsy L3 and L5.", basis: { amendmentReason: "L5 grew" } });
      await expect(oncologist.decisions.amend({ caseId, amendsVersion: 1, reason: "stale" })).rejects.toMatchObject({ code: "CONFLICT" });
      await expect((await api("radiologist")).decisions.amend({ caseId, amendsVersion: 2, reason: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      const all = await (await api("pathologist")).decisions.list({ caseId });
      expect(all.map((d) => d.version)).toEqual([1, 2]);
      expect(all[0]).toEqual(v1);
    });

    it("cannot amend before finalizing, and two concurrent finalizes record one version", async () => {
      const caseId = seed.cases[2]!.caseId;
      await storeDraft(database, caseId, ["Continue; re-image in 6 weeks."]);
      await expect((await api("oncologist")).decisions.amend({ caseId, amendsVersion: 1, reason: "x" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
      const results = await Promise.allSettled([(await api("oncologist")).decisions.finalize({ caseId }), (await api("coordinator")).decisions.finalize({ caseId })]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });
      expect((await (await api("radiologist")).decisions.list({ caseId })).map((d) => d.version)).toEqual([1]);
    });

    it("refuses outsiders (NOT_FOUND) and participants who are not on the board (BAD_REQUEST)", async () => {
      const caseId = seed.cases[1]!.caseId;
      const outsider = await createUser(database.db, { email: `outsider-${backend.name}@example.org`, name: "Out Sider", role: "oncologist", passwordHash: "x" });
      const { token } = await startSession(database.db, outsider.id, "test");
      const out = createCaller(await createContext(cookieFor(token)));
      await expect(out.decisions.list({ caseId })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(out.decisions.finalize({ caseId })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await storeDraft(database, caseId, ["Text"]);
      await expect((await api("coordinator")).decisions.finalize({ caseId, participantIds: [outsider.id] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
      expect((await (await api("coordinator")).decisions.members({ caseId })).map((m) => m.role).sort()).toEqual(["coordinator", "oncologist", "pathologist", "radiologist"]);
    });

    it("offers no way to change or delete a recorded version", () => {
      expect(Object.keys(decisionsRepo).sort()).toEqual(["DecisionVersionTaken", "insertDecision", "latestDecision", "listCaseMembers", "listDecisions"]);
    });
  });
}
