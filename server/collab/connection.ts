/**
 * One participant's socket. Messages go through a queue, one at a time and in arrival order:
 * an update is stored (awaited) before it is applied to the room's doc, which is what relays it
 * (write-ahead). Consecutive updates are stored in one statement. A store failure closes the
 * socket without applying anything after it, so the client resends on reconnect (sync step 2).
 * What an update changed against C13 is undone by the room's compensation, which this socket
 * stores (retrying: no client would resend it) before reading its next message.
 */
import * as Y from "yjs";
import { applyAwarenessUpdate, encodeAwarenessUpdate } from "y-protocols/awareness";
import type { CollabConnection } from "./upgrade";
import type { Room, RoomPeer } from "./room";
import { send } from "./room";
import type { CollabStore } from "./persistence";
import { isEmptyUpdate } from "./persistence";
import { guardAwarenessUpdate } from "./awareness-guard";
import { awarenessMessage, parseMessage, ProtocolError, syncStep1Message, syncStep2Message, type Incoming } from "./protocol";

export const CLOSE_MALFORMED = 4400;
export const CLOSE_ROOM_UNAVAILABLE = 4500;
export const CLOSE_STORE_FAILED = 1011;
export const CLOSE_BACKLOG = 1013;
const MAX_QUEUE = 2000;
const MAX_BATCH = 200;
const RETRY_FIRST_MS = 50;
const RETRY_MAX_MS = 5000;

export interface ConnectionHooks {
  store: CollabStore;
  /** After updates of this room were stored (for periodic compaction). */
  stored(room: Room, count: number): void;
  /** When the socket is closed and its queue drained: the room reference can go. */
  finished(conn: Connection): void;
  log(line: string): void;
}

export class Connection {
  readonly peer: RoomPeer;
  private readonly queue: Uint8Array[] = [];
  private draining = false;
  private closed = false;
  private failed = false;
  private done = false;
  private room: Room | undefined;
  alive = true;

  /** Whether messages are waiting or being stored. */
  get busy(): boolean {
    return this.draining || this.queue.length > 0;
  }

  constructor(
    readonly info: CollabConnection,
    private readonly ready: Promise<Room>,
    private readonly hooks: ConnectionHooks,
  ) {
    this.peer = { ws: info.ws, userId: info.user.id, role: info.user.role, controlled: new Set() };
    const { ws } = info;
    ws.binaryType = "nodebuffer";
    ws.on("message", (data: Buffer, isBinary: boolean) => this.receive(isBinary ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : undefined));
    ws.on("pong", () => (this.alive = true));
    ws.on("close", () => this.onClose());
    ws.on("error", () => ws.terminate());
    void this.drain();
  }

  /** Closes the socket with a code (4401 session ended, 4403 access revoked, ...). */
  close(code: number, reason: string): void {
    this.failed = true;
    this.queue.length = 0;
    if (this.info.ws.readyState === this.info.ws.OPEN || this.info.ws.readyState === this.info.ws.CONNECTING) this.info.ws.close(code, reason);
  }

  private receive(data: Uint8Array | undefined): void {
    if (this.failed) return;
    if (!data) return this.close(CLOSE_MALFORMED, "binary messages only");
    // Copy: ws may reuse the buffer, and the bytes wait in the queue.
    this.queue.push(data.slice());
    if (this.queue.length > MAX_QUEUE) return this.close(CLOSE_BACKLOG, "too many pending messages");
    if (!this.draining) void this.drain();
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      if (!this.room) {
        try {
          this.room = await this.ready;
        } catch (e) {
          this.hooks.log(`room ${this.info.room} could not be loaded: ${(e as Error).message}`);
          return this.close(CLOSE_ROOM_UNAVAILABLE, "the case document could not be loaded");
        }
        if (this.closed) return;
        this.attach(this.room);
      }
      while (this.queue.length && !this.failed) await this.processNext(this.room);
    } finally {
      this.draining = false;
      this.finishIfDone();
    }
  }

  private attach(room: Room): void {
    room.peers.set(this.info.ws, this.peer);
    send(this.info.ws, syncStep1Message(room.doc));
    const states = [...room.awareness.getStates().keys()];
    if (states.length) send(this.info.ws, awarenessMessage(encodeAwarenessUpdate(room.awareness, states)));
  }

  private async processNext(room: Room): Promise<void> {
    let first: Incoming;
    try {
      first = parseMessage(this.queue.shift()!);
      if (first.kind !== "update") return await this.handleOther(room, first);
      const batch = [first.update];
      while (this.queue.length && batch.length < MAX_BATCH) {
        const next = parseMessage(this.queue[0]!);
        if (next.kind !== "update") break;
        this.queue.shift();
        batch.push(next.update);
      }
      const nonEmpty = batch.filter((u) => !isEmptyUpdate(u));
      if (nonEmpty.length) await this.storeAndApply(room, nonEmpty);
    } catch (e) {
      const reason = e instanceof ProtocolError ? e.message : `malformed message: ${(e as Error).message}`;
      this.hooks.log(`closing a socket of ${this.info.user.id} in ${this.info.room}: ${reason}`);
      this.close(CLOSE_MALFORMED, reason.slice(0, 120));
    }
  }

  private async storeAndApply(room: Room, updates: Uint8Array[]): Promise<void> {
    try {
      await this.hooks.store.append(room.name, updates);
    } catch (e) {
      this.hooks.log(`could not store an update in ${room.name}: ${(e as Error).message}`);
      return this.close(CLOSE_STORE_FAILED, "could not store the edit; it will be resent");
    }
    this.hooks.stored(room, updates.length);
    let failure: unknown;
    try {
      // The peer is the transaction's origin: the room's guard checks the change against its user.
      for (const u of updates) Y.applyUpdate(room.doc, u, this.peer);
    } catch (e) {
      failure = e;
    }
    const compensation = room.enforce();
    if (compensation) await this.storeCompensation(room, compensation);
    if (failure) throw failure;
  }

  private async storeCompensation(room: Room, update: Uint8Array): Promise<void> {
    for (let wait = RETRY_FIRST_MS; !room.destroyed; wait = Math.min(wait * 2, RETRY_MAX_MS)) {
      try {
        await this.hooks.store.append(room.name, [update]);
        this.hooks.stored(room, 1);
        return room.compensationStored(update);
      } catch (e) {
        this.hooks.log(`could not store a compensation in ${room.name} (retrying): ${(e as Error).message}`);
        await new Promise((r) => setTimeout(r, wait));
      }
    }
  }

  private async handleOther(room: Room, message: Incoming): Promise<void> {
    if (message.kind === "sync-step1") {
      await room.settled();
      send(this.info.ws, syncStep2Message(room.doc, message.stateVector));
    } else if (message.kind === "awareness") {
      const guarded = guardAwarenessUpdate(message.update, this.info.user, (id) => room.mayControl(this.peer, id));
      if (!guarded) return;
      applyAwarenessUpdate(room.awareness, guarded.update, this);
      room.claim(this.peer, guarded.clientIds);
    } else if (message.kind === "query-awareness") {
      const states = [...room.awareness.getStates().keys()];
      send(this.info.ws, awarenessMessage(encodeAwarenessUpdate(room.awareness, states)));
    }
  }

  private onClose(): void {
    this.closed = true;
    this.room?.leave(this.peer);
    this.finishIfDone();
  }

  private finishIfDone(): void {
    if (this.done || !this.closed || this.draining) return;
    this.done = true;
    this.hooks.finished(this);
  }
}
