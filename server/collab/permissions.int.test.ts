/**
 * C13 through the real server: participants' clients (real providers) make edits the rules
 * forbid, and every replica, the offender's included, ends with the permitted state; the others
 * never see the forbidden one; the undoing is stored before anyone receives it; permitted edits
 * are left alone.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { testBackends } from "@/db/testing";
import { addAnnotation, addComment, addThread, deleteAnnotation, putBiopsyMark, setThreadResolved, updateAnnotation, updateBiopsyMark } from "./doc-ops";
import { readAnnotations, readBiopsyMarks, readThreads } from "./doc-shape";
import { databaseStore, loadCaseDoc } from "./persistence";
import { addCases, startHarness, type Harness } from "./testing/harness";
import { connectClient, waitFor, type TestClient } from "./testing/node-client";
import { docSnapshot } from "./testing/random-edits";

/** Every state of the document a client went through, as its readers show it. */
function history(c: TestClient): string[] {
  const states: string[] = [];
  const record = () => states.push(JSON.stringify({ annotations: readAnnotations(c.doc), marks: readBiopsyMarks(c.doc), threads: readThreads(c.doc) }));
  c.doc.on("afterTransaction", record);
  return states;
}

const converged = (clients: TestClient[]) => waitFor(() => new Set(clients.map((c) => docSnapshot(c.doc))).size === 1, "every replica to be the same");
const annotationText = (c: TestClient, id: string) => readAnnotations(c.doc).find((a) => a.id === id)?.text;

for (const backend of testBackends()) {
  describe(`per-entry permissions (C13) on ${backend.name}`, () => {
    let h: Harness;
    let cases: string[];
    const clients: TestClient[] = [];
    /** While set, the server's own updates (none of their structs from `clientIds`) wait to be stored until released. */
    let gate: { clientIds: Set<number>; waiting: (() => void)[] } | undefined;
    const isServers = (update: Uint8Array) => !Y.decodeUpdate(update).structs.some((s) => gate!.clientIds.has(s.id.client));
    /** The radiologist, the oncologist and the pathologist in a case of their own. */
    async function room(i: number) {
      const [rad, onc, path] = [h.users.radiologist, h.users.oncologist, h.users.pathologist].map((u) => connectClient(h.url, cases[i]!, u.cookie));
      clients.push(rad!, onc!, path!);
      await Promise.all([rad!.synced(), onc!.synced(), path!.synced()]);
      return { rad: rad!, onc: onc!, path: path!, all: [rad!, onc!, path!] };
    }

    beforeAll(async () => {
      const store = databaseStore(() => h.database.db);
      h = await startHarness({
        backend,
        collab: {
          store: {
            load: (room) => store.load(room),
            async append(room, updates) {
              if (gate && updates.some(isServers)) await new Promise<void>((r) => gate!.waiting.push(r));
              return store.append(room, updates);
            },
            compact: (room) => store.compact(room),
          },
        },
      });
      cases = await addCases(h.database.db, h.seed.boardId, 6, "PRM");
    });
    afterEach(() => {
      for (const c of clients.splice(0)) c.destroy();
    });
    afterAll(() => h.close());

    it("[C13] an annotation edited, deleted or removed by someone other than its author is restored for everyone, the editor included", async () => {
      const { rad, onc, path, all } = await room(0);
      addAnnotation(rad.doc, { id: "a1", kind: "point", timepointId: "tp", points: [[1, 2, 3]], text: "by the radiologist" }, h.users.radiologist.id);
      await converged(all);
      const seenByPathologist = history(path);

      updateAnnotation(onc.doc, "a1", { text: "by the oncologist" });
      await waitFor(() => annotationText(onc, "a1") === "by the radiologist", "the edit undone at the oncologist");
      // The oncologist received the undoing, so it was stored first (C3).
      expect(readAnnotations(await loadCaseDoc(h.database.db, cases[0]!))[0]!.text).toBe("by the radiologist");

      deleteAnnotation(onc.doc, "a1");
      await waitFor(() => readAnnotations(onc.doc)[0]?.deleted === false, "the deletion undone at the oncologist");
      onc.doc.getMap("annotations").delete("a1");
      await waitFor(() => annotationText(onc, "a1") === "by the radiologist", "the removed annotation back at the oncologist");

      await converged(all);
      expect(readAnnotations(rad.doc)).toEqual([expect.objectContaining({ id: "a1", text: "by the radiologist", deleted: false, authorId: h.users.radiologist.id, points: [[1, 2, 3]] })]);
      expect(seenByPathologist.length).toBeGreaterThan(0);
      expect(new Set(seenByPathologist).size, "the pathologist never saw the oncologist's changes").toBe(1);
    });

    it("[C13] a new annotation that names someone else as its author is removed everywhere", async () => {
      const { rad, onc, all } = await room(1);
      const seenByRadiologist = history(rad);
      addAnnotation(onc.doc, { id: "forged", kind: "point", timepointId: "tp", points: [[1, 2, 3]], text: "claims to be the radiologist's" }, h.users.radiologist.id);
      await waitFor(() => readAnnotations(onc.doc).length === 0, "the forged annotation removed at the oncologist");
      await converged(all);
      expect(seenByRadiologist.every((s) => !s.includes("forged"))).toBe(true);
      expect(readAnnotations(await loadCaseDoc(h.database.db, cases[1]!))).toEqual([]);
    });

    it("[C13] only a pathologist puts biopsy marks or changes their status: a radiologist's acceptance is undone, the pathologist's sticks", async () => {
      const { rad, path, all } = await room(2);
      putBiopsyMark(path.doc, { id: "m1", lesionId: "L3", point: [1, 2, 3] }, h.users.pathologist.id);
      await converged(all);

      updateBiopsyMark(rad.doc, "m1", { status: "accepted" }, h.users.radiologist.id);
      await waitFor(() => readBiopsyMarks(rad.doc)[0]?.status === "proposed", "the radiologist's acceptance undone");
      putBiopsyMark(rad.doc, { id: "m2", lesionId: "L3", point: [4, 5, 6] }, h.users.radiologist.id);
      await waitFor(() => readBiopsyMarks(rad.doc).length === 1, "the radiologist's mark removed");

      updateBiopsyMark(path.doc, "m1", { status: "accepted", point: [7, 8, 9] }, h.users.pathologist.id);
      // An undoing would reach the radiologist together with the change, so seeing it proves it stuck.
      await waitFor(() => readBiopsyMarks(rad.doc)[0]?.status === "accepted", "the pathologist's acceptance at the radiologist");
      await converged(all);
      expect(readBiopsyMarks(path.doc)).toEqual([expect.objectContaining({ id: "m1", status: "accepted", point: [7, 8, 9], authorId: h.users.pathologist.id, updatedBy: h.users.pathologist.id })]);
    });

    it("[C13] a comment that names someone else as its author is removed, others' comments cannot be edited or removed, anyone may resolve", async () => {
      const { rad, onc, all } = await room(3);
      const id = addThread(rad.doc, { type: "lesion", id: "L3" }, "first", h.users.radiologist.id);
      await converged(all);
      const seenByRadiologist = history(rad);
      const texts = (c: TestClient) => readThreads(c.doc)[0]?.comments.map((x) => `${x.authorId}:${x.text}`);
      const original = [`${h.users.radiologist.id}:first`];
      const comments = () => (onc.doc.getMap("threads").get(id) as Y.Map<unknown>).get("comments") as Y.Array<Y.Map<unknown>>;

      addComment(onc.doc, id, "claims to be the radiologist's", h.users.radiologist.id);
      await waitFor(() => texts(onc)?.length === 1, "the forged comment removed at the oncologist");
      comments().get(0).set("text", "edited by the oncologist");
      await waitFor(() => texts(onc)?.[0] === original[0], "the edited comment restored at the oncologist");
      comments().delete(0, 1);
      await waitFor(() => texts(onc)?.length === 1, "the removed comment back at the oncologist");
      (onc.doc.getMap("threads").get(id) as Y.Map<unknown>).set("anchor", { type: "case", id: "case" });
      await waitFor(() => readThreads(onc.doc)[0]?.anchor.type === "lesion", "the anchor restored at the oncologist");
      setThreadResolved(onc.doc, id, true);
      await waitFor(() => readThreads(rad.doc)[0]?.resolved === true, "the thread resolved at the radiologist");

      await converged(all);
      expect(texts(rad)).toEqual(original);
      expect(readThreads(rad.doc)[0]).toMatchObject({ anchor: { type: "lesion", id: "L3" }, resolved: true });
      for (const s of seenByRadiologist) expect(s).not.toMatch(/claims to be|edited by the oncologist|"type":"case"/);
    });

    it("[C13] authors' own edits are left alone: the server adds no update of its own", async () => {
      const { rad, onc, path, all } = await room(4);
      addAnnotation(rad.doc, { id: "mine", kind: "line", timepointId: "tp", points: [[0, 0, 0], [3, 4, 0]], text: "long axis" }, h.users.radiologist.id);
      updateAnnotation(rad.doc, "mine", { text: "long axis, corrected" });
      const thread = addThread(onc.doc, { type: "case", id: "case" }, "question", h.users.oncologist.id);
      await converged(all);
      addComment(path.doc, thread, "answer", h.users.pathologist.id);
      setThreadResolved(rad.doc, thread, true);
      putBiopsyMark(path.doc, { id: "m", lesionId: "L3", point: [1, 1, 1] }, h.users.pathologist.id);
      updateBiopsyMark(path.doc, "m", { status: "sampled", note: "core x3" }, h.users.pathologist.id);
      deleteAnnotation(rad.doc, "mine");
      await converged(all);

      const writers = new Set(all.map((c) => c.doc.clientID));
      expect([...Y.decodeStateVector(Y.encodeStateVector(rad.doc)).keys()].every((client) => writers.has(client))).toBe(true);
      expect(readAnnotations(path.doc)).toEqual([expect.objectContaining({ id: "mine", text: "long axis, corrected", deleted: true })]);
      expect(readThreads(rad.doc)[0]!.comments.map((c) => c.text)).toEqual(["question", "answer"]);
      expect(readBiopsyMarks(rad.doc)[0]).toMatchObject({ status: "sampled", note: "core x3", updatedBy: h.users.pathologist.id });
    });

    it("[C3][C13] a forbidden edit is relayed only together with its undoing, even while an earlier undoing is still being stored", async () => {
      const { rad, onc, path, all } = await room(5);
      for (const id of ["a1", "a2"]) addAnnotation(rad.doc, { id, kind: "point", timepointId: "tp", points: [[1, 2, 3]], text: "by the radiologist" }, h.users.radiologist.id);
      await converged(all);
      const seenByRadiologist = history(rad);
      gate = { clientIds: new Set(all.map((c) => c.doc.clientID)), waiting: [] };
      updateAnnotation(onc.doc, "a1", { text: "by the oncologist" });
      await waitFor(() => gate!.waiting.length === 1, "the first undoing to be storing");
      updateAnnotation(path.doc, "a2", { text: "by the pathologist" });
      await waitFor(() => gate!.waiting.length === 2, "the second undoing to be storing");
      const [first, second] = gate.waiting;
      gate = undefined;
      first!();
      await waitFor(() => annotationText(onc, "a1") === "by the radiologist", "the first undoing at the oncologist");
      second!();
      await converged(all);
      for (const s of seenByRadiologist) expect(s).not.toMatch(/by the (oncologist|pathologist)/);
      expect(readAnnotations(path.doc).map((a) => a.text)).toEqual(["by the radiologist", "by the radiologist"]);
    });
  });
}
