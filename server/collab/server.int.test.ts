/** The collaboration server through real providers: relay, presence, sessions, storage, refusals. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { appendCollabUpdates, countCollabUpdates, loadCollabUpdates } from "@/db/repositories/collab";
import { testBackends } from "@/db/testing";
import { sessionEvents } from "../auth/session-events";
import { endSession } from "../auth/sessions";
import { addAnnotation } from "./doc-ops";
import { readAnnotations, roomName } from "./doc-shape";
import { databaseStore, type CollabStore } from "./persistence";
import { CLOSE_NO_SESSION } from "./upgrade";
import { CLOSE_MALFORMED, CLOSE_ROOM_UNAVAILABLE, CLOSE_STORE_FAILED } from "./connection";
import { addCases, startHarness, type Harness } from "./testing/harness";
import { connectClient, waitFor, type TestClient } from "./testing/node-client";

const point = (id: string) => ({ id, kind: "point" as const, timepointId: "tp", points: [[1, 2, 3]] as [number, number, number][], text: id });

/** Resolves with the first close code of a provider's socket. */
function closeCode(c: TestClient): Promise<number> {
  return new Promise((resolve) => c.provider.on("connection-close", (e) => e && resolve(e.code)));
}

for (const backend of testBackends()) {
  describe(`collab server on ${backend.name}`, () => {
    let h: Harness;
    let failing = false;
    let cases: string[];
    const clients: TestClient[] = [];
    const client = (caseId: string, cookie: string) => {
      const c = connectClient(h.url, caseId, cookie);
      clients.push(c);
      return c;
    };

    beforeAll(async () => {
      // A store whose appends fail while `failing` is set.
      const store: CollabStore = databaseStore(() => h.database.db);
      h = await startHarness({
        backend,
        collab: {
          compactEvery: 10,
          store: {
            load: (room) => store.load(room),
            append: (room, u) => (failing ? Promise.reject(new Error("disk full")) : store.append(room, u)),
            compact: (room) => store.compact(room),
          },
        },
      });
      cases = await addCases(h.database.db, h.seed.boardId, 6, "SRV");
    });
    afterAll(async () => {
      for (const c of clients) c.destroy();
      await h.close();
    });

    it("[C3] relays an edit to the other participant and stores it before", async () => {
      const [a, b] = [client(cases[0]!, h.users.radiologist.cookie), client(cases[0]!, h.users.pathologist.cookie)];
      await Promise.all([a.synced(), b.synced()]);
      addAnnotation(a.doc, point("n1"), h.users.radiologist.id);
      await waitFor(() => readAnnotations(b.doc).length === 1, "the annotation at b");
      expect(await countCollabUpdates(h.database.db, roomName(cases[0]!))).toBeGreaterThanOrEqual(1);
    });

    it("[C10] shows presence with the signed-in identity, whatever name the client claims", async () => {
      const [a, b] = [client(cases[1]!, h.users.radiologist.cookie), client(cases[1]!, h.users.oncologist.cookie)];
      await Promise.all([a.synced(), b.synced()]);
      a.provider.awareness.setLocalStateField("user", { id: h.users.coordinator.id, name: "Someone Else", role: "admin", color: "#123456" });
      a.provider.awareness.setLocalStateField("view", { timepointId: "tp1", crosshairMm: [1, 2, 3], sliceType: "axial" });
      await waitFor(() => b.provider.awareness.getStates().get(a.doc.clientID)?.view !== undefined, "a's view at b");
      const seen = b.provider.awareness.getStates().get(a.doc.clientID)!;
      expect(seen.user).toEqual({ id: h.users.radiologist.id, name: h.users.radiologist.name, role: "radiologist", color: "#123456" });
      expect(seen.view).toEqual({ timepointId: "tp1", crosshairMm: [1, 2, 3], sliceType: "axial" });
      a.destroy();
      await waitFor(() => !b.provider.awareness.getStates().has(a.doc.clientID), "a's presence to go");
    });

    it("[C9] closes the sockets of a session that signs out (4401, final)", async () => {
      const a = client(cases[2]!, h.users.coordinator.cookie);
      await a.synced();
      const closed = new Promise<{ code: number }>((r) => a.provider.on("closed", r));
      sessionEvents().emit("ended", h.users.coordinator.token);
      expect((await closed).code).toBe(CLOSE_NO_SESSION);
      expect(a.provider.shouldConnect).toBe(false);
    });

    it("[C9] closes the sockets of a session that expired or was deleted, at the periodic check", async () => {
      const a = client(cases[2]!, h.users.oncologist.cookie);
      await a.synced();
      const closed = new Promise<{ code: number }>((r) => a.provider.on("closed", r));
      await endSession(h.database.db, h.users.oncologist.token);
      await h.collab.checkSessions();
      expect((await closed).code).toBe(CLOSE_NO_SESSION);
    });

    it("[C4] does not relay an edit it could not store, and takes it when the client resends it", async () => {
      const [a, b] = [client(cases[3]!, h.users.radiologist.cookie), client(cases[3]!, h.users.pathologist.cookie)];
      await Promise.all([a.synced(), b.synced()]);
      failing = true;
      const code = closeCode(a);
      addAnnotation(a.doc, point("unstored"), h.users.radiologist.id);
      expect(await code).toBe(CLOSE_STORE_FAILED);
      expect(readAnnotations(b.doc)).toEqual([]);
      failing = false;
      // The provider reconnects by itself and sends what the server lacks (sync step 2).
      await waitFor(() => readAnnotations(b.doc).length === 1, "the resent annotation at b");
    });

    it("[C7] refuses a room whose stored state cannot be read, sends it no data, and keeps the rows", async () => {
      const room = roomName(cases[4]!);
      await appendCollabUpdates(h.database.db, [{ room, update: new Uint8Array([1, 2, 3]) }]);
      const ws = new WebSocket(`${h.url}/${room}`, { headers: { cookie: h.users.radiologist.cookie } });
      let messages = 0;
      ws.on("message", () => messages++);
      const code = await new Promise<number>((r) => ws.on("close", r));
      expect(code).toBe(CLOSE_ROOM_UNAVAILABLE);
      expect(messages).toBe(0);
      expect((await loadCollabUpdates(h.database.db, room)).map((r) => Array.from(r.update))).toEqual([[1, 2, 3]]);
    });

    it("[C5] closes a socket that sends a malformed update with 4400 and stores nothing of it", async () => {
      const caseId = cases[0]!;
      const before = await countCollabUpdates(h.database.db, roomName(caseId));
      const ws = new WebSocket(`${h.url}/${roomName(caseId)}`, { headers: { cookie: h.users.radiologist.cookie } });
      await new Promise((r) => ws.once("message", r));
      // Sync message (0), update (2), a payload of 3 bytes that is not a Yjs update.
      ws.send(Uint8Array.of(0, 2, 3, 1, 2, 3));
      expect(await new Promise<number>((r) => ws.on("close", r))).toBe(CLOSE_MALFORMED);
      expect(await countCollabUpdates(h.database.db, roomName(caseId))).toBe(before);
    });

    it("[C8] compacts a room when it empties and after every 10 updates, with nothing lost", async () => {
      const room = roomName(cases[5]!);
      const a = client(cases[5]!, h.users.radiologist.cookie);
      await a.synced();
      for (let i = 0; i < 25; i++) addAnnotation(a.doc, point(`c${i}`), h.users.radiologist.id);
      // Another client that has received all 25 edits proves the server stored them (write-ahead);
      // only then does the room's compaction on emptying have everything to compact.
      const b = client(cases[5]!, h.users.pathologist.cookie);
      await b.synced();
      await waitFor(() => readAnnotations(b.doc).length === 25, "all 25 edits relayed");
      await h.collab.idle();
      expect(await countCollabUpdates(h.database.db, room)).toBeLessThan(25);
      a.destroy();
      b.destroy();
      const end = Date.now() + 10_000;
      while ((await countCollabUpdates(h.database.db, room)) !== 1 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
      expect(await countCollabUpdates(h.database.db, room)).toBe(1);
      const fresh = client(cases[5]!, h.users.pathologist.cookie);
      await fresh.synced();
      expect(readAnnotations(fresh.doc).map((x) => x.id).sort()).toEqual(Array.from({ length: 25 }, (_, i) => `c${i}`).sort());
    });
  });
}
