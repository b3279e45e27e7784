/** Stored collaboration updates on every backend (PGlite; PostgreSQL when TEST_DATABASE_URL is set). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { freshDatabase, testBackends } from "../testing";
import type { Database } from "../client";
import { mergeToSnapshot } from "@/server/collab/persistence";
import { appendCollabUpdates, compactCollabUpdates, countCollabUpdates, loadCollabUpdates } from "./collab";

/** n updates, each setting key i of map "m" on its own client. */
function updates(n: number, prefix: string): Uint8Array[] {
  return Array.from({ length: n }, (_, i) => {
    const doc = new Y.Doc();
    doc.getMap("m").set(`${prefix}${i}`, i);
    return Y.encodeStateAsUpdate(doc);
  });
}

const asRows = (room: string, us: Uint8Array[]) => us.map((update) => ({ room, update }));

function contents(stored: { update: Uint8Array }[]): Record<string, unknown> {
  const doc = new Y.Doc();
  for (const s of stored) Y.applyUpdate(doc, s.update);
  return doc.getMap("m").toJSON();
}

for (const backend of testBackends()) {
  describe(`[C8] collab updates on ${backend.name}`, () => {
    let database: Database;
    beforeAll(async () => {
      database = await freshDatabase(backend);
    });
    afterAll(() => database.close());

    it("appends in order per room and loads a room's rows only, oldest first", async () => {
      const { db } = database;
      const a = updates(3, "a");
      const ids = await appendCollabUpdates(db, asRows("case:a", a));
      await appendCollabUpdates(db, asRows("case:b", updates(1, "b")));
      expect(ids).toEqual([...ids].sort((x, y) => x - y));
      const rows = await loadCollabUpdates(db, "case:a");
      expect(rows.map((r) => r.id)).toEqual(ids);
      expect(rows.map((r) => Array.from(r.update))).toEqual(a.map((u) => Array.from(u)));
      expect(await appendCollabUpdates(db, [])).toEqual([]);
    });

    it("compacts a room into one row with the same content and leaves other rooms alone", async () => {
      const { db } = database;
      await appendCollabUpdates(db, asRows("case:c", updates(20, "c")));
      const before = contents(await loadCollabUpdates(db, "case:c"));
      expect(await compactCollabUpdates(db, "case:c", mergeToSnapshot)).toBe(20);
      const after = await loadCollabUpdates(db, "case:c");
      expect(after).toHaveLength(1);
      expect(contents(after)).toEqual(before);
      expect(await countCollabUpdates(db, "case:b")).toBe(1);
      expect(await compactCollabUpdates(db, "case:c", mergeToSnapshot)).toBe(0);
    });

    it("keeps an update appended while the compaction runs", async () => {
      const { db } = database;
      await appendCollabUpdates(db, asRows("case:d", updates(5, "d")));
      let late: Promise<number[]> | undefined;
      await compactCollabUpdates(db, "case:d", (u) => {
        // Appended from outside the compaction's transaction, after it read the rows.
        late = appendCollabUpdates(db, asRows("case:d", updates(1, "late")));
        return mergeToSnapshot(u);
      });
      await late;
      const rows = await loadCollabUpdates(db, "case:d");
      expect(rows).toHaveLength(2);
      expect(Object.keys(contents(rows)).sort()).toEqual(["d0", "d1", "d2", "d3", "d4", "late0"]);
    });

    it("rolls back when an update cannot be merged: nothing is deleted", async () => {
      const { db } = database;
      await appendCollabUpdates(db, asRows("case:e", [...updates(2, "e"), new Uint8Array([1, 2, 3])]));
      await expect(compactCollabUpdates(db, "case:e", mergeToSnapshot)).rejects.toThrow();
      expect(await countCollabUpdates(db, "case:e")).toBe(3);
    });
  });
}
