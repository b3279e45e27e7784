/**
 * A loaded room: the case's Y.Doc built from its stored updates, the room's awareness, and the
 * sockets it relays to. The doc receives participants' updates only once they are stored, and
 * the server's own compensations (C13) are relayed only once they are stored, so anything it
 * relays is durable. While a compensation is being stored, the updates it undoes and everything
 * after them are held, then relayed with it as one update: the others never see the violation.
 */
import * as Y from "yjs";
import { Awareness, encodeAwarenessUpdate, removeAwarenessStates } from "y-protocols/awareness";
import type { WebSocket } from "ws";
import { awarenessMessage, updateMessage } from "./protocol";
import { DocGuard } from "./doc-guard";
import type { Writer } from "./permissions";

export interface RoomPeer extends Writer {
  ws: WebSocket;
  /** Awareness client ids this socket has announced. */
  controlled: Set<number>;
}

interface Held {
  update: Uint8Array;
  ready: boolean;
  /** For a compensation: the held updates it undoes (relayed only together with it). */
  undoes?: Held[];
}

export class Room {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  readonly peers = new Map<WebSocket, RoomPeer>();
  /** Which peer announced each awareness client id. */
  private readonly owners = new Map<number, RoomPeer>();
  readonly guard: DocGuard;
  /**
   * Updates waiting to be relayed, oldest first. An entry is `ready` once it may go: a
   * compensation once it is stored, and the updates it undoes with it.
   */
  private readonly held: Held[] = [];
  /** Held updates that changed something against C13, until `enforce` makes their compensation. */
  private violating: Held[] = [];
  private settledWaiters: (() => void)[] = [];
  /** Updates stored since the last compaction started. */
  storedSinceCompaction = 0;
  destroyed = false;

  /** Throws when a stored update cannot be read: the caller refuses the room. */
  constructor(
    readonly name: string,
    stored: Uint8Array[],
  ) {
    this.doc = new Y.Doc();
    this.doc.transact(() => {
      for (const u of stored) Y.applyUpdate(this.doc, u);
    });
    this.storedSinceCompaction = stored.length;
    this.guard = new DocGuard(this.doc);
    this.awareness = new Awareness(this.doc);
    this.awareness.setLocalState(null);
    this.doc.on("update", (update: Uint8Array, origin: unknown) => this.relay(update, origin === this.guard));
    this.awareness.on("update", ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
      for (const id of removed) this.owners.get(id)?.controlled.delete(id);
      for (const id of removed) this.owners.delete(id);
      const changed = added.concat(updated, removed);
      if (changed.length) this.broadcast(awarenessMessage(encodeAwarenessUpdate(this.awareness, changed)));
    });
  }

  private relay(update: Uint8Array, compensation: boolean): void {
    const violating = !compensation && this.guard.violated;
    if (!compensation && !violating && !this.held.length) return this.broadcast(updateMessage(update));
    const entry: Held = { update, ready: !compensation && !violating };
    this.held.push(entry);
    if (violating) this.violating.push(entry);
  }

  /**
   * Undoes what the updates just applied changed against C13 (an update of the server's own) and
   * returns it, to be stored and then passed to `compensationStored`; without one, what was held
   * for them may go.
   */
  enforce(): Uint8Array | undefined {
    const before = this.held.length;
    this.guard.compensate();
    const undoes = this.violating;
    this.violating = [];
    const own = this.held.length > before ? this.held.at(-1)! : undefined;
    if (own && !own.ready) {
      own.undoes = undoes;
      return own.update;
    }
    for (const h of undoes) h.ready = true;
    this.flush();
    return undefined;
  }

  compensationStored(update: Uint8Array): void {
    const entry = this.held.find((h) => h.update === update);
    if (entry) for (const h of [...(entry.undoes ?? []), entry]) h.ready = true;
    this.flush();
  }

  /** Resolves when no compensation waits to be stored: a sync answer must not carry one before. */
  settled(): Promise<void> {
    if (this.destroyed || this.held.every((h) => h.ready)) return Promise.resolve();
    return new Promise((resolve) => this.settledWaiters.push(resolve));
  }

  /** Relays the ready updates at the head of the queue, as one message. */
  private flush(): void {
    let n = 0;
    while (n < this.held.length && this.held[n]!.ready) n++;
    if (n > 0) {
      const updates = this.held.splice(0, n).map((h) => h.update);
      this.broadcast(updateMessage(updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates)));
    }
    if (this.held.every((h) => h.ready)) this.wakeSettled();
  }

  private wakeSettled(): void {
    const waiters = this.settledWaiters;
    this.settledWaiters = [];
    for (const w of waiters) w();
  }

  /**
   * Whether `peer` may write the awareness state of `clientId`: nobody has it yet, or the same
   * user (a reconnect whose old socket has not timed out yet) takes it over.
   */
  mayControl(peer: RoomPeer, clientId: number): boolean {
    const owner = this.owners.get(clientId);
    return !owner || owner === peer || owner.userId === peer.userId;
  }

  /** Records which peer controls the client ids of an applied awareness update. */
  claim(peer: RoomPeer, clientIds: number[]): void {
    for (const id of clientIds) {
      const previous = this.owners.get(id);
      if (previous && previous !== peer) previous.controlled.delete(id);
      if (this.awareness.getStates().has(id)) {
        this.owners.set(id, peer);
        peer.controlled.add(id);
      }
    }
  }

  /** Removes a peer and the presence it announced. */
  leave(peer: RoomPeer): void {
    if (!this.peers.delete(peer.ws)) return;
    const ids = [...peer.controlled].filter((id) => this.owners.get(id) === peer);
    if (ids.length) removeAwarenessStates(this.awareness, ids, null);
  }

  broadcast(message: Uint8Array): void {
    for (const peer of this.peers.values()) send(peer.ws, message);
  }

  destroy(): void {
    this.destroyed = true;
    this.wakeSettled();
    this.awareness.destroy();
    this.doc.destroy();
  }
}

export function send(ws: WebSocket, message: Uint8Array): void {
  if (ws.readyState !== ws.OPEN) return;
  ws.send(message, (err) => {
    if (err) ws.terminate();
  });
}
