/**
 * The one persistence seam of the collaboration server (load and store a room's updates, and
 * compact them), like hocuspocus's Database extension with `fetch` and `store`. The rooms call
 * only this interface; the database implementation goes through db/repositories/collab.ts.
 */
import * as Y from "yjs";
import type { Db } from "@/db/client";
import { appendCollabUpdates, compactCollabUpdates, loadCollabUpdates } from "@/db/repositories/collab";
import { roomName } from "./doc-shape";

export interface CollabStore {
  /** Every stored update of the room, oldest first; rejects when they cannot be read. */
  load(room: string): Promise<Uint8Array[]>;
  /** Stores updates in order; resolves only once they are committed. */
  append(room: string, updates: Uint8Array[]): Promise<void>;
  /** Replaces the stored updates with one merged update; resolves to the rows merged. */
  compact(room: string): Promise<number>;
}

/**
 * Whether a well-formed update carries nothing (a fresh client's sync step 2); throws when the
 * bytes are not a Yjs update, which is checked before anything is stored.
 */
export function isEmptyUpdate(update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  return structs.length === 0 && ds.clients.size === 0;
}

/** A document from stored updates; throws on an unreadable update rather than skipping it. */
export function docFromUpdates(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  try {
    doc.transact(() => {
      for (const u of updates) Y.applyUpdate(doc, u);
    });
  } catch (e) {
    doc.destroy();
    throw e;
  }
  return doc;
}

/**
 * One update equivalent to all of them. Built through a document (with garbage collection),
 * so deleted content does not pile up in the snapshot; pending updates are kept.
 */
export function mergeToSnapshot(updates: Uint8Array[]): Uint8Array {
  const doc = docFromUpdates(updates);
  const snapshot = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return snapshot;
}

const MAX_GROUP_ROWS = 500;

/**
 * Group commit: appends that arrive while a write is in flight go together in the next single
 * statement (one transaction, one WAL flush), so many rooms editing at once do not queue behind
 * each other's commits. Each caller still resolves only once its own rows are committed, and a
 * failed statement rejects every caller in it.
 */
export function groupCommit(write: (rows: { room: string; update: Uint8Array }[]) => Promise<unknown>): (room: string, updates: Uint8Array[]) => Promise<void> {
  type Request = { rows: { room: string; update: Uint8Array }[]; resolve(): void; reject(e: unknown): void };
  const queue: Request[] = [];
  let writing = false;
  const drain = async () => {
    writing = true;
    while (queue.length) {
      const batch: Request[] = [];
      let n = 0;
      while (queue.length && (batch.length === 0 || n + queue[0]!.rows.length <= MAX_GROUP_ROWS)) {
        const r = queue.shift()!;
        batch.push(r);
        n += r.rows.length;
      }
      try {
        await write(batch.flatMap((r) => r.rows));
        for (const r of batch) r.resolve();
      } catch (e) {
        for (const r of batch) r.reject(e);
      }
    }
    writing = false;
  };
  return (room, updates) =>
    new Promise<void>((resolve, reject) => {
      queue.push({ rows: updates.map((update) => ({ room, update })), resolve, reject });
      if (!writing) void drain();
    });
}

export function databaseStore(db: () => Db): CollabStore {
  return {
    async load(room) {
      return (await loadCollabUpdates(db(), room)).map((r) => r.update);
    },
    append: groupCommit((rows) => appendCollabUpdates(db(), rows)),
    compact(room) {
      return compactCollabUpdates(db(), room, mergeToSnapshot);
    },
  };
}

/**
 * A case's shared document as stored. Every update is stored before any participant sees it,
 * so the stored state is never behind what was shown: the decision record reads it from here.
 */
export async function loadCaseDoc(db: Db, caseId: string): Promise<Y.Doc> {
  return docFromUpdates((await loadCollabUpdates(db, roomName(caseId))).map((r) => r.update));
}
