/**
 * A loaded room: the case's Y.Doc built from its stored updates, the room's awareness, and the
 * sockets it relays to. The doc only ever receives updates that are already stored, so anything
 * it relays is durable.
 */
import * as Y from "yjs";
import { Awareness, encodeAwarenessUpdate, removeAwarenessStates } from "y-protocols/awareness";
import type { WebSocket } from "ws";
import { awarenessMessage, updateMessage } from "./protocol";

export interface RoomPeer {
  ws: WebSocket;
  userId: string;
  /** Awareness client ids this socket has announced. */
  controlled: Set<number>;
}

export class Room {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  readonly peers = new Map<WebSocket, RoomPeer>();
  /** Which peer announced each awareness client id. */
  private readonly owners = new Map<number, RoomPeer>();
  /** Updates stored since the last compaction started. */
  storedSinceCompaction = 0;

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
    this.awareness = new Awareness(this.doc);
    this.awareness.setLocalState(null);
    this.doc.on("update", (update: Uint8Array) => this.broadcast(updateMessage(update)));
    this.awareness.on("update", ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
      for (const id of removed) this.owners.get(id)?.controlled.delete(id);
      for (const id of removed) this.owners.delete(id);
      const changed = added.concat(updated, removed);
      if (changed.length) this.broadcast(awarenessMessage(encodeAwarenessUpdate(this.awareness, changed)));
    });
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
