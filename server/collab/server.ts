/**
 * The collaboration server: rooms by name, loaded from the store on first use and compacted
 * into one snapshot when they empty and every `compactEvery` stored updates; sockets of ended
 * sessions (logout, expiry) and of revoked access are closed. Pass `onConnection` to
 * `attachCollabUpgrade`, which has already authenticated the socket.
 */
import type { Db } from "@/db/client";
import { canAccessCase } from "@/db/repositories/cases";
import { sessionUser } from "../auth/sessions";
import { sessionEvents } from "../auth/session-events";
import { CLOSE_FORBIDDEN, CLOSE_NO_SESSION, type CollabConnection } from "./upgrade";
import { Connection } from "./connection";
import { databaseStore, type CollabStore } from "./persistence";
import { Room } from "./room";

export interface CollabServerOptions {
  db: () => Db;
  /** Defaults to the database store; tests pass failing ones. */
  store?: CollabStore;
  /** Compact a live room after this many stored updates (default 500). */
  compactEvery?: number;
  /** How often sessions and case access of open sockets are re-checked (default 60 s). */
  sessionCheckMs?: number;
  /** Ping interval; a socket that missed a pong is dropped (default 30 s). */
  pingMs?: number;
  log?: (line: string) => void;
}

export interface CollabServer {
  onConnection(c: CollabConnection): void;
  /** Re-checks every open socket's session and case access now. */
  checkSessions(): Promise<void>;
  /** Resolves when every queue is drained and no room is compacting. */
  idle(): Promise<void>;
  stats(): { rooms: number; connections: number };
  /** Closes every socket (1001), waits for queues and compactions, stops the timers. */
  close(): Promise<void>;
}

interface Entry {
  name: string;
  refs: number;
  ready: Promise<Room>;
  room?: Room;
  compaction: Promise<void>;
  compacting: boolean;
}

export function createCollabServer(opts: CollabServerOptions): CollabServer {
  const store = opts.store ?? databaseStore(opts.db);
  const log = opts.log ?? ((line: string) => process.stderr.write(`mosaic collab: ${line}\n`));
  const compactEvery = opts.compactEvery ?? 500;
  const entries = new Map<string, Entry>();
  const connections = new Set<Connection>();
  let closing = false;

  function compact(entry: Entry): Promise<void> {
    if (entry.room) entry.room.storedSinceCompaction = 0;
    entry.compacting = true;
    entry.compaction = entry.compaction
      .then(() => store.compact(entry.name))
      .then(
        () => undefined,
        (e: Error) => log(`compaction of ${entry.name} failed (stored updates kept): ${e.message}`),
      )
      .finally(() => (entry.compacting = false));
    return entry.compaction;
  }

  function acquire(name: string): Entry {
    let entry = entries.get(name);
    if (!entry) {
      const created: Entry = { name, refs: 0, ready: Promise.resolve() as unknown as Promise<Room>, compaction: Promise.resolve(), compacting: false };
      created.ready = store.load(name).then(
        (updates) => (created.room = new Room(name, updates)),
        (e: unknown) => {
          if (entries.get(name) === created) entries.delete(name);
          throw e;
        },
      );
      // A failed load is reported to each connection; do not leave an unhandled rejection here.
      created.ready.catch(() => undefined);
      entries.set(name, created);
      entry = created;
    }
    entry.refs++;
    return entry;
  }

  function release(entry: Entry): void {
    entry.refs--;
    if (entry.refs > 0 || !entry.room) return;
    // The room emptied: compact, then drop it from memory unless someone came back meanwhile.
    void compact(entry).then(() => {
      if (entry.refs === 0 && entries.get(entry.name) === entry) {
        entries.delete(entry.name);
        entry.room?.destroy();
      }
    });
  }

  const entryOf = new Map<Connection, Entry>();
  const hooks = {
    store,
    log,
    stored(room: Room, count: number) {
      room.storedSinceCompaction += count;
      const entry = entries.get(room.name);
      if (entry && !entry.compacting && room.storedSinceCompaction >= compactEvery) void compact(entry);
    },
    finished(conn: Connection) {
      connections.delete(conn);
      const entry = entryOf.get(conn);
      entryOf.delete(conn);
      if (entry) release(entry);
    },
  };

  function closeWhere(pred: (c: Connection) => boolean, code: number, reason: string): void {
    for (const c of connections) if (pred(c)) c.close(code, reason);
  }

  const onEnded = (token: string) => closeWhere((c) => c.info.sessionToken === token, CLOSE_NO_SESSION, "session ended");
  sessionEvents().on("ended", onEnded);

  async function checkSessions(): Promise<void> {
    const byToken = new Map<string, Connection[]>();
    for (const c of connections) byToken.set(c.info.sessionToken, [...(byToken.get(c.info.sessionToken) ?? []), c]);
    for (const [token, conns] of byToken) {
      try {
        const user = await sessionUser(opts.db(), token);
        if (!user) {
          for (const c of conns) c.close(CLOSE_NO_SESSION, "session ended");
          continue;
        }
        for (const caseId of new Set(conns.map((c) => c.info.caseId))) {
          if (!(await canAccessCase(opts.db(), user.id, caseId))) for (const c of conns) if (c.info.caseId === caseId) c.close(CLOSE_FORBIDDEN, "no access to this case");
        }
      } catch (e) {
        log(`session check failed (sockets kept): ${(e as Error).message}`);
      }
    }
  }

  const sessionTimer = setInterval(() => void checkSessions(), opts.sessionCheckMs ?? 60_000);
  const pingTimer = setInterval(() => {
    for (const c of connections) {
      if (!c.alive) {
        c.info.ws.terminate();
        continue;
      }
      c.alive = false;
      if (c.info.ws.readyState === c.info.ws.OPEN) c.info.ws.ping();
    }
  }, opts.pingMs ?? 30_000);
  sessionTimer.unref();
  pingTimer.unref();

  const busy = () => [...connections].some((c) => c.busy) || [...entries.values()].some((e) => e.compacting);
  async function idle(): Promise<void> {
    while (busy()) await new Promise((r) => setTimeout(r, 10));
  }

  return {
    onConnection(info) {
      if (closing) return info.ws.close(1001, "server shutting down");
      const entry = acquire(info.room);
      const conn = new Connection(info, entry.ready, hooks);
      entryOf.set(conn, entry);
      connections.add(conn);
    },
    checkSessions,
    idle,
    stats: () => ({ rooms: entries.size, connections: connections.size }),
    async close() {
      closing = true;
      clearInterval(sessionTimer);
      clearInterval(pingTimer);
      sessionEvents().off("ended", onEnded);
      for (const c of connections) c.close(1001, "server shutting down");
      const deadline = Date.now() + 10_000;
      while ((connections.size > 0 || busy()) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 20));
      }
      for (const e of entries.values()) e.room?.destroy();
      entries.clear();
    },
  };
}
