/**
 * Durability: the server runs as a child process on a PGlite folder (and, when
 * TEST_DATABASE_URL is set, on a per-suite PostgreSQL database); four participants edit every
 * shared type; the server is killed with SIGKILL while edits are in flight and every client is
 * dropped in the same instant; after a restart on the same data, a fresh client must have every
 * edit that any participant had received from another one. Two rounds, so the second kill hits
 * a database that was itself recovered from a kill. Then the same for the server's own update
 * that undoes a forbidden edit (C13).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as Y from "yjs";
import * as prng from "lib0/prng";
import { testBackends } from "@/db/testing";
import { addAnnotation, updateAnnotation } from "./doc-ops";
import { readAnnotations, readBiopsyMarks, readThreads } from "./doc-shape";
import { postgresUrlOf, startChildServer, type ChildServer } from "./testing/child-process";
import { connectClient, waitFor, type TestClient } from "./testing/node-client";
import { randomEdit } from "./testing/random-edits";

/** What a participant holds that came from other participants. */
interface Received {
  /**
   * Per Yjs client id of another participant: how many of its operations this doc has. Every
   * insertion and every field change is an operation; the ids below check the same by meaning.
   */
  clocks: Map<number, number>;
  annotations: Set<string>;
  comments: Set<string>;
  marks: Set<string>;
}

function receivedFromOthers(doc: Y.Doc, userId: string): Received {
  const clocks = new Map([...Y.decodeStateVector(Y.encodeStateVector(doc))].filter(([client]) => client !== doc.clientID));
  return {
    clocks,
    annotations: new Set(readAnnotations(doc).filter((a) => a.authorId !== userId).map((a) => a.id)),
    comments: new Set(readThreads(doc).flatMap((t) => t.comments.filter((c) => c.authorId !== userId).map((c) => `${t.id}/${c.id}`))),
    marks: new Set(readBiopsyMarks(doc).filter((m) => m.authorId !== userId).map((m) => m.id)),
  };
}

/** Where the child server keeps its data across restarts. */
interface ChildData {
  dataDir: string;
  databaseUrl?: string;
  close(): Promise<void>;
}

/** A PGlite folder, and a per-suite PostgreSQL database when TEST_DATABASE_URL is set. */
const childData: { name: string; open(): Promise<ChildData> }[] = testBackends().map((backend) => ({
  name: backend.name,
  async open() {
    const dataDir = mkdtempSync(path.join(tmpdir(), "mosaic-collab-durability-"));
    const removeDir = () => rmSync(dataDir, { recursive: true, force: true });
    if (backend.name === "pglite") return { dataDir, close: async () => removeDir() };
    // The child migrates and seeds it; closing drops it.
    const database = await backend.open();
    return { dataDir, databaseUrl: postgresUrlOf(database), close: () => database.close().finally(removeDir) };
  },
}));

for (const storage of childData) {
  describe(`durability across kill -9 on ${storage.name}`, () => {
    let data: ChildData;
    let server: ChildServer | undefined;
    const start = () => startChildServer(data.dataDir, { databaseUrl: data.databaseUrl });
    beforeAll(async () => {
      data = await storage.open();
    });
    afterAll(async () => {
      server?.process.kill("SIGKILL");
      await server?.exited;
      await data.close();
    });

    /** Edits through the running server, then kills it and every client at once. */
    async function editThenCrash(round: number): Promise<Received[]> {
      server ??= await start();
      const { info } = server;
      const caseId = info.cases[0]!;
      const people = [info.users.radiologist, info.users.pathologist, info.users.oncologist, info.users.coordinator];
      const clients: TestClient[] = people.map((p) => connectClient(server!.url, caseId, p.cookie));
      await Promise.all(clients.map((c) => c.synced()));
      const g = prng.create(round);
      let now = 1_700_000_000_000 + round * 1e9;
      let editing = true;
      const loops = clients.map(async (c, i) => {
        while (editing) {
          randomEdit(g, c.doc, people[i]!, (now += 7));
          await new Promise((r) => setTimeout(r, prng.int31(g, 1, 6)));
        }
      });
      await new Promise((r) => setTimeout(r, 1500));
      // The crash and the loss of every client, in one tick: nothing is received in between.
      server.process.kill("SIGKILL");
      const received = clients.map((c, i) => receivedFromOthers(c.doc, people[i]!.id));
      editing = false;
      for (const c of clients) c.provider.ws?.close();
      for (const c of clients) c.destroy();
      await Promise.all(loops);
      await server.exited;
      server = undefined;
      return received;
    }

    /** Restarts the server on the same data and takes a fresh client's copy (the server keeps running). */
    async function freshCopy(): Promise<Y.Doc> {
      server = await start();
      const c = connectClient(server.url, server.info.cases[0]!, server.info.users.oncologist.cookie);
      await c.synced();
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(c.doc));
      c.destroy();
      return copy;
    }

    for (const round of [1, 2]) {
      it(`[C3] round ${round}: a fresh client after the restart has every edit any participant had received from another`, { timeout: 90_000 }, async () => {
        const received = await editThenCrash(round);
        const fresh = await freshCopy();

        const clocks = Y.decodeStateVector(Y.encodeStateVector(fresh));
        const seen = receivedFromOthers(fresh, "nobody");
        let checked = 0;
        for (const r of received) {
          for (const [client, clock] of r.clocks) {
            expect(clocks.get(client) ?? 0, `operations of client ${client}`).toBeGreaterThanOrEqual(clock);
            checked += clock;
          }
          for (const a of r.annotations) expect(seen.annotations.has(a), `annotation ${a}`).toBe(true);
          for (const c of r.comments) expect(seen.comments.has(c), `comment ${c}`).toBe(true);
          for (const m of r.marks) expect(seen.marks.has(m), `biopsy mark ${m}`).toBe(true);
        }
        // The check means something only if edits crossed between participants before the crash.
        expect(checked).toBeGreaterThan(100);
        expect(received.every((r) => r.annotations.size + r.comments.size + r.marks.size > 0)).toBe(true);
      });
    }

    it("[C3][C13] the server's undoing of a forbidden edit, once anyone received it, survives kill -9", { timeout: 90_000 }, async () => {
      server ??= await start();
      const { info } = server;
      const caseId = info.cases[0]!;
      const [rad, onc] = [connectClient(server.url, caseId, info.users.radiologist.cookie), connectClient(server.url, caseId, info.users.oncologist.cookie)];
      await Promise.all([rad.synced(), onc.synced()]);
      addAnnotation(rad.doc, { id: "guarded", kind: "point", timepointId: "tp1", points: [[1, 2, 3]], text: "by the radiologist" }, info.users.radiologist.id);
      const text = (c: TestClient) => readAnnotations(c.doc).find((a) => a.id === "guarded")?.text;
      await waitFor(() => text(onc) === "by the radiologist", "the annotation at the oncologist");
      updateAnnotation(onc.doc, "guarded", { text: "by the oncologist" });
      await waitFor(() => text(onc) === "by the radiologist", "the oncologist's edit to be undone at the oncologist");
      server.process.kill("SIGKILL");
      for (const c of [rad, onc]) c.destroy();
      await server.exited;
      server = undefined;

      const fresh = await freshCopy();
      expect(readAnnotations(fresh).find((a) => a.id === "guarded")?.text).toBe("by the radiologist");
    });
  });
}
