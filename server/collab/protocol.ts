/**
 * The y-websocket wire format (y-protocols sync and awareness), read and written with lib0.
 * The server parses messages itself instead of calling `readSyncMessage`, because that applies
 * an update at once, and Mosaic must store an update before it applies it.
 */
import * as Y from "yjs";
import * as encoding from "lib0/encoding";
import * as decoding from "lib0/decoding";

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;
const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

export type Incoming =
  | { kind: "sync-step1"; stateVector: Uint8Array }
  /** Sync step 2 and incremental updates: both carry an update to store and apply. */
  | { kind: "update"; update: Uint8Array }
  | { kind: "awareness"; update: Uint8Array }
  | { kind: "query-awareness" }
  | { kind: "ignored" };

export class ProtocolError extends Error {}

/** Parses one message; throws ProtocolError when it is malformed. */
export function parseMessage(data: Uint8Array): Incoming {
  try {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) {
      const step = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (step === SYNC_STEP1) return { kind: "sync-step1", stateVector: payload };
      if (step === SYNC_STEP2 || step === SYNC_UPDATE) return { kind: "update", update: payload };
      throw new ProtocolError(`unknown sync step ${step}`);
    }
    if (type === MESSAGE_AWARENESS) return { kind: "awareness", update: decoding.readVarUint8Array(decoder) };
    if (type === MESSAGE_QUERY_AWARENESS) return { kind: "query-awareness" };
    if (type === MESSAGE_AUTH) return { kind: "ignored" };
    throw new ProtocolError(`unknown message type ${type}`);
  } catch (e) {
    throw e instanceof ProtocolError ? e : new ProtocolError(`malformed message: ${(e as Error).message}`);
  }
}

function message(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

export const syncStep1Message = (doc: Y.Doc) =>
  message((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    encoding.writeVarUint(e, SYNC_STEP1);
    encoding.writeVarUint8Array(e, Y.encodeStateVector(doc));
  });

/** What the peer with `stateVector` is missing (throws on a malformed state vector). */
export const syncStep2Message = (doc: Y.Doc, stateVector: Uint8Array) =>
  message((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    encoding.writeVarUint(e, SYNC_STEP2);
    encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(doc, stateVector));
  });

export const updateMessage = (update: Uint8Array) =>
  message((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    encoding.writeVarUint(e, SYNC_UPDATE);
    encoding.writeVarUint8Array(e, update);
  });

export const awarenessMessage = (update: Uint8Array) =>
  message((e) => {
    encoding.writeVarUint(e, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(e, update);
  });
