import { and, asc, count, eq, inArray } from "drizzle-orm";
import type { Db } from "../client";
import { collabUpdates } from "../schema";

export interface StoredUpdate {
  id: number;
  update: Uint8Array;
}

/** Appends updates (of one room or several) in the given order, in one statement; returns their ids. */
export async function appendCollabUpdates(db: Db, rows: { room: string; update: Uint8Array }[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const ids = await db.insert(collabUpdates).values(rows).returning({ id: collabUpdates.id });
  return ids.map((r) => r.id);
}

/** Every stored update of a room, oldest first. */
export async function loadCollabUpdates(db: Db, room: string): Promise<StoredUpdate[]> {
  return db.select({ id: collabUpdates.id, update: collabUpdates.update }).from(collabUpdates).where(eq(collabUpdates.room, room)).orderBy(asc(collabUpdates.id));
}

export async function countCollabUpdates(db: Db, room: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(collabUpdates).where(eq(collabUpdates.room, room));
  return row?.n ?? 0;
}

const DELETE_CHUNK = 5000;

/**
 * Replaces the room's stored rows with one row holding `merge(rows)`, in one transaction.
 * Only the rows this transaction read are deleted (by id, not by a range): a row appended
 * concurrently, even one with a smaller id that commits later on PostgreSQL, stays. A `merge`
 * that throws (an unreadable row) rolls everything back. Returns how many rows were merged,
 * or 0 when there was nothing to compact.
 */
export async function compactCollabUpdates(db: Db, room: string, merge: (updates: Uint8Array[]) => Uint8Array): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: collabUpdates.id, update: collabUpdates.update })
      .from(collabUpdates)
      .where(eq(collabUpdates.room, room))
      .orderBy(asc(collabUpdates.id));
    if (rows.length < 2) return 0;
    const merged = merge(rows.map((r) => r.update));
    await tx.insert(collabUpdates).values({ room, update: merged });
    const ids = rows.map((r) => r.id);
    for (let i = 0; i < ids.length; i += DELETE_CHUNK) {
      await tx.delete(collabUpdates).where(and(eq(collabUpdates.room, room), inArray(collabUpdates.id, ids.slice(i, i + DELETE_CHUNK))));
    }
    return rows.length;
  });
}
